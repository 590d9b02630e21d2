// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAt } from '@core';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { addSamples } from '../../src/features/preview/previewService';
import { fixture, st, withMailchimpPreview } from './preview.helpers';

// happy-dom lays nothing out: give the records table's scroller a size so the virtualizer renders rows.
const sizes = { clientHeight: 400, clientWidth: 800 } as const;
const saved = Object.keys(sizes).map(
  (k) => [k, Object.getOwnPropertyDescriptor(HTMLElement.prototype, k)] as const,
);
beforeAll(() => {
  for (const [key, value] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('pv-table') ? value : 0;
      },
    });
  }
});
afterAll(() => {
  for (const [key, desc] of saved) if (desc) Object.defineProperty(HTMLElement.prototype, key, desc);
});

withMailchimpPreview();

const tab = (name: RegExp) => fireEvent.click(screen.getByRole('tab', { name }));
const pasteSample = (text: string) => {
  fireEvent.change(screen.getByLabelText('Paste a response of your API'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Add page' }));
};

describe('samples panel', () => {
  it('keeps the good pages when one is bad, and shows the bad one with its location', async () => {
    render(<PreviewPane />);
    pasteSample(fixture('members.sample.json'));
    pasteSample('{\n  "members": [\n    {"id": 1,,}\n  ]\n}');
    pasteSample('{"members": [{"id": "m9"}], "hasMore": false}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^page 2: line 3, column \d+: /);
    await waitFor(() => expect(st().samplePages.map((p) => p.status)).toEqual(['ok', 'error', 'ok']));
    await waitFor(() => expect(st().previewResult?.records.records).toBe(4));
    expect(st().previewResult?.pageIds).toEqual([st().samplePages[0]?.id, st().samplePages[2]?.id]);
    expect(st().parseError).toBeNull();
  });

  it.each([
    ['Move page 2 up', ['b', 'a', 'c']],
    ['Move page 2 down', ['a', 'c', 'b']],
    ['Remove page 2', ['a', 'c']],
  ])('%s reorders the pages (run order)', async (button, names) => {
    render(<PreviewPane />);
    act(() => {
      addSamples(['a', 'b', 'c'].map((name) => ({ name, origin: 'paste' as const, source: '{}' })));
    });
    fireEvent.click(await screen.findByRole('button', { name: button }));
    expect(st().samplePages.map((p) => p.name)).toEqual(names);
  });
});

describe('records tab', () => {
  it('shows the MailChimp sample as dotted columns in first-seen order, with the types of each', async () => {
    render(<PreviewPane />);
    act(() => {
      addSamples([{ name: 'members.json', origin: 'file', source: fixture('members.sample.json') }]);
    });
    await waitFor(() => expect(st().previewResult?.records.records).toBe(3));
    tab(/Records/);
    const table = screen.getByRole('table', { name: 'Flattened records' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '#',
      'member.idstring',
      'member.email_addressstring',
      'member.statusstring',
      'member.merge_fields.FNAMEstring',
      'member.merge_fields.AGEnumber|null',
      'member.tagsarray',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', 'm1', 'u1@example.com', 'subscribed', 'U1', 'null', '[{"id":1,"name":"t"}]']);
    expect(screen.getByText('3 records from 1 page')).toBeTruthy();
    fireEvent.click(rows[2] as HTMLElement);
    const record = await screen.findByRole('region', { name: 'Record 3' });
    await waitFor(() => expect(record.textContent).toContain('"email_address": "u2@example.com"'));
  });

  it('follows the spec: a new skipAttributes entry removes the column, and the old result is marked updating', async () => {
    render(<PreviewPane />);
    act(() => {
      addSamples([{ name: 'members.json', origin: 'file', source: fixture('members.sample.json') }]);
    });
    await waitFor(() => expect(st().previewResult?.records.columns.length).toBe(6));
    tab(/Records/);
    const skip = '/sourceSpec/attributes/contentPath/skipAttributes';
    act(() => {
      st().updateAt(skip, [...(getAt(st().doc, skip) as string[]), 'tags']);
    });
    expect(screen.getByText('updating…')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('updating…')).toBeNull());
    const labels = st().previewResult?.records.columns.map((c) => c.label);
    expect(labels).not.toContain('member.tags');
    expect(labels).toContain('member.merge_fields.AGE');
  });
});

describe('requests tab', () => {
  it('simulates the run over three pages: offsets 0, 100, 200, then the end condition', async () => {
    render(<PreviewPane />);
    const page = (n: number, more: boolean) =>
      JSON.stringify({ members: Array.from({ length: n }, (_, i) => ({ id: i })), hasMore: more });
    act(() => {
      addSamples(
        [page(100, true), page(100, true), page(50, false)].map((source, i) => ({
          name: `p${i + 1}`,
          origin: 'paste' as const,
          source,
        })),
      );
    });
    await waitFor(() => expect(st().previewResult?.pageIds).toHaveLength(3));
    tab(/Requests/);
    // Without inputs the simulation still runs (issue 8 D10): missing values show as ‹name›.
    expect(screen.getByRole('status', { name: 'Stop reason' }).textContent).toContain('end-condition');
    expect(screen.getAllByRole('mark').map((m) => m.textContent)).toContain('‹domain›');
    fireEvent.change(screen.getByLabelText(/^domain/), { target: { value: 'us6' } });
    fireEvent.change(screen.getByLabelText(/^listId/), { target: { value: 'L1' } });
    fireEvent.change(screen.getByLabelText(/accessToken/), { target: { value: 's3cret' } });
    await waitFor(() => expect(screen.getAllByText(/^https:\/\/us6\.api\.mailchimp\.com/)).toHaveLength(3));
    const urls = screen
      .getAllByText(/^https:\/\/us6/)
      .map((e) => new URL(e.textContent ?? '').searchParams.get('offset'));
    expect(urls).toEqual(['0', '100', '200']);
    expect(screen.getByRole('status', { name: 'Stop reason' }).textContent).toContain('end-condition');
    expect(screen.queryByText('Bearer s3cret')).toBeNull();
    fireEvent.click(screen.getByLabelText('Reveal secrets'));
    expect(screen.getAllByText('Bearer s3cret')).toHaveLength(3);
    expect(screen.getAllByText(/answered by page \d \(p\d\): /).map((e) => e.textContent)).toEqual([
      'answered by page 1 (p1): 100 content items → 100 records',
      'answered by page 2 (p2): 100 content items → 100 records',
      'answered by page 3 (p3): 50 content items → 50 records',
    ]);
  });
});

describe('sample tree', () => {
  it('highlights the contentPath match, and "Explode this array" writes explodeEntityPath into the spec', async () => {
    render(<PreviewPane />);
    act(() => {
      addSamples([{ name: 'members.json', origin: 'file', source: fixture('members.sample.json') }]);
    });
    await waitFor(() => expect(st().previewResult?.matches?.content).toEqual(['/members']));
    tab(/Tree/);
    const members = await screen.findByTitle('$.members');
    expect(members.closest('.pv-node')?.classList.contains('pv-hl-content')).toBe(true);
    fireEvent.click(members);
    fireEvent.click(await screen.findByTitle('$.members[0]'));
    fireEvent.click(await screen.findByTitle('$.members[0].tags'));
    fireEvent.click(screen.getByRole('button', { name: 'Explode this array' }));
    expect(getAt(st().doc, '/sourceSpec/attributes/explodeEntityPath')).toEqual({ path: '$.member.tags' });
    await waitFor(() =>
      expect(st().previewResult?.records.columns.map((c) => c.label)).toContain('member.tags.name'),
    );
    await waitFor(() =>
      expect(st().previewResult?.matches?.explode).toEqual([
        '/members/0/tags',
        '/members/1/tags',
        '/members/2/tags',
      ]),
    );
    fireEvent.click(screen.getByTitle('$.members'));
    fireEvent.click(screen.getByRole('button', { name: 'Use as records' }));
    expect(getAt(st().doc, '/sourceSpec/attributes/contentPath/path')).toBe('$.members');
  });
});
