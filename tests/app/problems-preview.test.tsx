// @vitest-environment happy-dom
/**
 * Issue 8 D12/D13: findings that need the sample pages (a pagination path matching nothing, explode
 * vs skip) come from the preview engine and are listed in Problems, tagged "preview".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, within, act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '@core';
import { DiagnosticsPanel } from '../../src/features/diagnostics/DiagnosticsPanel';
import { previewFindings } from '../../src/features/diagnostics/previewFindings';
import { resetStore, useSpecStore } from '../../src/store';
import type { PreviewResult } from '../../src/store/previewTypes';
import { createPreviewEngine } from '../../src/workers/previewEngine';

const st = () => useSpecStore.getState();
const read = (p: string) => readFileSync(join(process.cwd(), p), 'utf8');
/** Adobe's MailChimp spec (with $.hasMore) and a real MailChimp response (without it). */
const specText = read('tests/fixtures/spec/examples/mailchimp-members.connection-spec.json');
const page = read('tests/fixtures/flatten/mailchimp-members.api-response.legacy.json');

async function previewOf(doc: JsonValue): Promise<PreviewResult> {
  const engine = createPreviewEngine();
  await engine.handle({ kind: 'parseSample', id: 1, pageId: 'p1', source: page });
  const out = await engine.handle({
    kind: 'preview',
    id: 2,
    revision: st().revision,
    doc,
    pageIds: ['p1'],
    run: {},
    matchPageId: null,
  });
  if (out.kind !== 'preview') throw new Error(out.kind);
  return out.result;
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
});
afterEach(cleanup);

describe('preview findings', () => {
  it('the engine reports that $.hasMore matches nothing in the sample page', async () => {
    const r = await previewOf(JSON.parse(specText) as JsonValue);
    expect(r.sampleDiagnostics).toEqual([
      expect.objectContaining({
        pointer: '/sourceSpec/attributes/paginationParams/endConditionName',
        code: 'sample-path-no-match',
      }),
    ]);
  });

  it('are listed in Problems, tagged "preview", next to validate’s findings', async () => {
    const doc = JSON.parse(specText) as { sourceSpec: { attributes: Record<string, unknown> } };
    doc.sourceSpec.attributes['explodeEntityPath'] = { path: '$.member._links' };
    const text = JSON.stringify(doc, null, 2);
    st().loadDocument(text, 'paste');
    const result = await previewOf(doc as unknown as JsonValue);
    render(<DiagnosticsPanel />);
    act(() => st().setPreviewResult(result));
    const list = screen.getByRole('list', { name: 'Preview problems' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(
        /^▲preview.*explodeEntityPath \$\.member\._links names `_links`, which contentPath\.skipAttributes removes/,
      ),
      expect.stringMatching(/^▲previewendConditionName \$\.hasMore matches nothing in the sample page/),
    ]);
    expect(screen.getByText('2 from preview')).toBeTruthy();
  });

  it('without sample pages there are none; a finding validate already lists is not repeated', () => {
    const d = { severity: 'warning' as const, pointer: '/x', code: 'explode-skipped', message: 'm' };
    const result = {
      pageIds: [] as string[],
      records: { diagnostics: [d] },
      sampleDiagnostics: [],
    } as unknown as PreviewResult;
    expect(previewFindings(result, [])).toEqual([]);
    const withPages = { ...result, pageIds: ['p1'] } as PreviewResult;
    expect(previewFindings(withPages, [])).toEqual([d]);
    expect(previewFindings(withPages, [{ ...d, message: 'other words' }])).toEqual([]);
  });
});
