// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCase, type JsonValue, type TestCase } from '@core';
import {
  caseFileText,
  casesZip,
  importCaseFiles,
  setCasesClient,
  type StoredCases,
} from '../../src/features/preview/cases/casesService';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { idbGet } from '../../src/lib/idb';
import { createCasesClient } from '../../src/workers/casesClient';
import { fixture, st, withMailchimpPreview } from './preview.helpers';
import { unzipSync, strFromU8 } from 'fflate';

withMailchimpPreview();
beforeEach(() => setCasesClient(createCasesClient(null)));
afterEach(() => setCasesClient(null));

const tab = (name: RegExp) => fireEvent.click(screen.getByRole('tab', { name }));
const pasteSample = (text: string) => {
  fireEvent.change(screen.getByLabelText('Paste a response of your API'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add page' }));
};
const stored = async (docId: string) => (await idbGet<StoredCases>('cases', docId)).ok;
const readStored = async (docId: string): Promise<StoredCases | undefined> => {
  const r = await idbGet<StoredCases>('cases', docId);
  return r.ok ? r.value : undefined;
};

/** Renders the preview, adds the members sample with run inputs (one secret), saves a case. */
async function saveOne(): Promise<void> {
  render(<PreviewPane />);
  pasteSample(fixture('members.sample.json'));
  act(() => {
    st().setRunInputs({
      authName: 'Basic Authentication',
      values: { domain: 'us6', listId: 'abc', username: 'me', password: 'hunter2' },
      windowStart: '2026-01-01T00:00',
      windowEnd: '2026-01-02T00:00',
    });
  });
  await waitFor(() => expect(st().previewResult?.records.records).toBe(3));
  tab(/Requests/);
  const save = screen.getByRole('button', { name: 'Save as test case' });
  await waitFor(() => expect((save as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(save);
  await waitFor(() => expect(st().cases).toHaveLength(1));
}

describe('Save as test case', () => {
  it('stores the sample pages, run inputs without secrets, the window and the current output', async () => {
    await saveOne();
    const c = st().cases[0]?.testCase as TestCase;
    expect(c.pages).toEqual([JSON.parse(fixture('members.sample.json'))]);
    expect(c.params).toEqual({ domain: 'us6', listId: 'abc', username: 'me' });
    expect(c.auth).toBe('Basic Authentication');
    expect([c.windowStart, c.windowEnd, c.backfill]).toEqual([
      '2026-01-01T00:00:00Z',
      '2026-01-02T00:00:00Z',
      false,
    ]);
    expect(c.expect?.records).toHaveLength(3);
    expect(c.expect?.requests?.[0]?.url).toMatch(
      /^https:\/\/us6\.api\.mailchimp\.com\/3\.0\/lists\/abc\/members\?/,
    );
    expect(c.expect?.stop).toBe(st().previewResult?.run.stop.reason);
    expect(JSON.stringify(c)).not.toContain('hunter2');
    // Stored with the document in IndexedDB, without the secret.
    const docId = st().docId;
    await waitFor(async () => expect((await readStored(docId))?.cases).toHaveLength(1));
    expect(JSON.stringify(await readStored(docId))).not.toContain('hunter2');
    expect(st().toasts.at(-1)?.message).toMatch(/secret values left out: password/);
  });
});

describe('Tests tab', () => {
  it('re-runs after a spec edit: fail with the changed field, Accept new output, pass again (stored)', async () => {
    await saveOne();
    tab(/Tests/);
    await screen.findByText('1 case: 1 passed, 0 failed');
    act(() => {
      st().updateAt('/sourceSpec/attributes/contentPath/skipAttributes', ['_links', 'status']);
    });
    await screen.findByText('1 case: 0 passed, 1 failed', undefined, { timeout: 3000 });
    const diff = screen.getByLabelText('Differences');
    expect(within(diff).getByText(/Records: 3 changed, 0 added, 0 removed/)).toBeTruthy();
    expect(within(diff).getAllByText('member.status')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Accept new output' }));
    await screen.findByText('1 case: 1 passed, 0 failed', undefined, { timeout: 3000 });
    const docId = st().docId;
    await waitFor(async () => {
      const records = (await readStored(docId))?.cases[0]?.testCase.expect?.records as Array<{
        member: object;
      }>;
      expect(records[0]?.member).not.toHaveProperty('status');
    });
  });

  it('follows the document: another document has its own cases; going back restores them', async () => {
    await saveOne();
    const first = st().docId;
    const text = st().text;
    await waitFor(async () => expect(await stored(first)).toBe(true));
    act(() => st().loadDocument(fixture('mailchimp.spec.json'), 'file'));
    expect(st().docId).not.toBe(first);
    await waitFor(() => expect(st().casesDocId).toBe(st().docId));
    expect(st().cases).toEqual([]);
    act(() => st().loadDocument(text, 'library', { docId: first }));
    await waitFor(() => expect(st().cases).toHaveLength(1));
    expect(st().cases[0]?.testCase.name).toBe('Case 1: 1 page');
  });

  it('export gives case files with inline pages that parse back; the zip holds one per case', async () => {
    await saveOne();
    const c = st().cases[0]?.testCase as TestCase;
    const text = caseFileText(c);
    expect(text).toMatch(/^\{\n {2}"name": "Case 1: 1 page",\n {2}"pages": \[/);
    const back = parseCase(JSON.parse(text) as JsonValue);
    expect(back.ok && back.testCase).toEqual(c);
    const zip = unzipSync(casesZip([...st().cases, { id: 'x', testCase: c }]));
    expect(Object.keys(zip)).toEqual(['case-1-1-page.case.json', 'case-1-1-page-2.case.json']);
    expect(JSON.parse(strFromU8(zip['case-1-1-page.case.json'] as Uint8Array)).name).toBe('Case 1: 1 page');
  });
});

describe('import', () => {
  const file = (name: string, value: unknown) =>
    new File([JSON.stringify(value)], name, { type: 'application/json' });
  const caseWithFiles = {
    name: 'from files',
    pageFiles: ['pages/p1.json', 'pages/p2.json'],
    expect: { stop: 'end-condition' },
  };

  it('says which page files are missing and imports nothing for that case', async () => {
    render(<PreviewPane />);
    const out = await importCaseFiles([file('a.case.json', caseWithFiles), file('p1.json', { members: [] })]);
    expect(out.added).toEqual([]);
    expect(out.problems).toEqual([
      'a.case.json was not imported: its page file “pages/p2.json” was not picked. Pick the case file and its page files together.',
    ]);
  });

  it('matches page files by name, inlines them, drops secret values and reports bad files with their place', async () => {
    render(<PreviewPane />);
    await waitFor(() => expect(st().previewResult).not.toBeNull());
    const out = await importCaseFiles([
      file('a.case.json', { ...caseWithFiles, params: { password: 'hunter2', listId: 'abc' } }),
      file('p1.json', { members: [{ id: 1 }] }),
      file('p2.json', { members: [] }),
      file('bad.case.json', { name: 'bad', pages: [], expect: { stop: 'never' } }),
    ]);
    expect(out.added).toEqual(['from files']);
    expect(out.problems).toEqual([
      expect.stringMatching(/^bad\.case\.json: \/expect\/stop: stop must be one of/),
    ]);
    expect(out.secretsDropped).toEqual(['from files (password)']);
    const c = st().cases[0]?.testCase;
    expect(c?.pages).toEqual([{ members: [{ id: 1 }] }, { members: [] }]);
    expect(c?.pageFiles).toBeUndefined();
    expect(c?.params).toEqual({ listId: 'abc' });
  });
});
