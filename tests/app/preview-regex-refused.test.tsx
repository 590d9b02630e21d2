// @vitest-environment happy-dom
/**
 * Issue 12 item 11: a contentPath filter whose `match()` pattern is not valid I-Regexp keeps no record;
 * the records tab says the pattern was refused (the finding names the expression and why) instead of
 * a bare "No records: contentPath matched nothing".
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegexEngine } from '@core';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { addSamples } from '../../src/features/preview/previewService';
import { fixture, st, withMailchimpPreview } from './preview.helpers';

beforeAll(async () => {
  expect(await loadRegexEngine()).toBe(true);
});

withMailchimpPreview();

describe('records tab: a refused regex', () => {
  it.each([
    ['refused (back-reference)', '$.members[?match(@.status, "(s)\\\\1")]', 0, /was refused/],
    ['valid, matching', '$.members[?match(@.status, "sub.*")]', 3, null],
  ])('%s', async (_n, path, records, notice) => {
    expect(st().updateAt('/sourceSpec/attributes/contentPath/path', path)).toBe(true);
    render(<PreviewPane />);
    act(() => {
      addSamples([{ name: 'members.json', origin: 'file', source: fixture('members.sample.json') }]);
    });
    await waitFor(() => expect(st().previewResult?.pageIds).toHaveLength(1));
    expect(st().previewResult?.records.records).toBe(records);
    fireEvent.click(screen.getByRole('tab', { name: /Records/ }));
    const pane = document.querySelector('.pv-records');
    if (notice === null) {
      expect(pane?.textContent).not.toMatch(/refused/);
      return;
    }
    expect(pane?.textContent).toContain(
      `contentPath \`${path}\`: the pattern "(s)\\\\1" is not valid I-Regexp (`,
    );
    expect(screen.getByText(/^No records: /).textContent).toMatch(notice);
    expect(pane?.textContent).not.toContain('contentPath matched nothing');
  });
});
