/**
 * Issue 8, A2: the preview engine reports each step as it starts, so the watchdog can name the step it
 * stopped (the worker forwards these as `{ kind: 'step' }` messages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '@core';
import { createPreviewEngine } from '../../src/workers/previewEngine';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/preview', name), 'utf8');

describe('preview engine steps', () => {
  it('reports reading, flattening, simulating and highlighting, in order, for the request id', async () => {
    const steps: Array<[number, string]> = [];
    const engine = createPreviewEngine((id, step) => steps.push([id, step]));
    await engine.handle({ kind: 'parseSample', id: 1, pageId: 'p1', source: fixture('members.sample.json') });
    const out = await engine.handle({
      kind: 'preview',
      id: 2,
      revision: 1,
      doc: JSON.parse(fixture('mailchimp.spec.json')) as JsonValue,
      pageIds: ['p1'],
      run: { params: { domain: 'us6', listId: 'L1', accessToken: 'tok' }, now: Date.UTC(2026, 0, 2) },
      matchPageId: 'p1',
    });
    expect(out.kind).toBe('preview');
    expect(steps).toEqual([
      [2, 'Reading the spec'],
      [2, 'Flattening the sample page'],
      [2, 'Simulating the run'],
      [2, 'Highlighting the matches in the sample tree'],
    ]);
  });
});
