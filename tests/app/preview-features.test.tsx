// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '@core';
import { PreviewPane } from '../../src/features/preview/PreviewPane';
import { addSamples } from '../../src/features/preview/previewService';
import { fixture, st, withMailchimpPreview, withTableHeight } from './preview.helpers';

withTableHeight();

withMailchimpPreview();

const tab = (name: RegExp) => fireEvent.click(screen.getByRole('tab', { name }));
const loadMembers = async (expected = 3) => {
  act(() => {
    addSamples([{ name: 'members.json', origin: 'file', source: fixture('members.sample.json') }]);
  });
  await waitFor(() => expect(st().previewResult?.records.records).toBe(expected));
};
const steps = (region: HTMLElement) =>
  within(within(region).getByRole('list', { name: 'Flattening steps' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('records: the explainer beside the selected record', () => {
  it('shows matched → wrapped → keep/skip → exploded with the rule of each step', async () => {
    render(<PreviewPane />);
    await loadMembers();
    tab(/Records/);
    const rows = within(screen.getByRole('table', { name: 'Flattened records' })).getAllByRole('row');
    fireEvent.click(rows[2] as HTMLElement);
    const why = await screen.findByRole('region', { name: 'Why this record' });
    await waitFor(() => expect(within(why).queryByText('explaining…')).toBeNull());
    expect(why.textContent).toContain('record 2 of 3 from page 1 (members.json)');
    const s = steps(why);
    expect(s).toHaveLength(4);
    expect(s[0]).toMatch(
      /^1Matched\$\.members matched the array at \/members; content item 2 of 3 is its element 1 \(\/members\/1\)/,
    );
    expect(s[1]).toMatch(
      /^2Wrappedthe item is placed under memberrule contentPath\.overrideWrapperAttribute is set$/,
    );
    expect(s[2]).toMatch(
      /^3Keep \/ skipkept id, email_address, status, merge_fields, tags; removed list_id, _links \(skipAttributes\); total_items listed but not in the item \(no-op\)/,
    );
    expect(s[3]).toMatch(/no explodeEntityPath/);
  });

  it('explains a record of a later page, and an exploded element', async () => {
    act(() => {
      st().updateAt('/sourceSpec/attributes/explodeEntityPath', { path: '$.member.tags' });
    });
    render(<PreviewPane />);
    act(() => {
      addSamples([
        { name: 'one', origin: 'paste', source: '{"members": [{"id": "a", "tags": [{"n": 1}]}]}' },
        { name: 'two', origin: 'paste', source: '{"members": [{"id": "b", "tags": [{"n": 2}, {"n": 3}]}]}' },
      ]);
    });
    await waitFor(() => expect(st().previewResult?.records.records).toBe(3));
    tab(/Records/);
    const rows = within(screen.getByRole('table', { name: 'Flattened records' })).getAllByRole('row');
    fireEvent.click(rows[3] as HTMLElement);
    const why = await screen.findByRole('region', { name: 'Why this record' });
    await waitFor(() => expect(why.textContent).toContain('record 2 of 2 from page 2 (two)'));
    expect(steps(why)[3]).toMatch(/element 1 of 2 of the array at \/member\/tags, placed under tags/);
  });
});

describe('customer view', () => {
  it('renders the auth and source forms; values typed there are the run inputs', async () => {
    render(<PreviewPane />);
    await loadMembers();
    tab(/Customer view/);
    const view = screen.getByRole('region', { name: 'Customer view' });
    const token = within(view).getByLabelText(/^accessToken/);
    expect((token as HTMLInputElement).type).toBe('password');
    fireEvent.change(within(view).getByLabelText(/^domain/), { target: { value: 'us6' } });
    fireEvent.change(token, { target: { value: 's3cret' } });
    fireEvent.change(within(view).getByLabelText(/^listId/), { target: { value: 'L9' } });
    expect(st().runInputs.values).toEqual({ domain: 'us6', accessToken: 's3cret', listId: 'L9' });
    const first = within(view).getByRole('status', { name: 'First request' });
    await waitFor(() =>
      expect(first.textContent).toContain('GET https://us6.api.mailchimp.com/3.0/lists/L9/members'),
    );
    tab(/Requests/);
    expect((screen.getByLabelText(/^listId/) as HTMLInputElement).value).toBe('L9');
    expect(screen.getAllByText(/^https:\/\/us6\.api\.mailchimp\.com\/3\.0\/lists\/L9\//)).toHaveLength(1);
  });

  it('switches the account type: the chosen auth spec is the run’s', async () => {
    render(<PreviewPane />);
    tab(/Customer view/);
    fireEvent.change(screen.getByLabelText('Account type'), { target: { value: 'Basic Authentication' } });
    expect(st().runInputs.authName).toBe('Basic Authentication');
    expect((screen.getByLabelText(/^password/) as HTMLInputElement).type).toBe('password');
    expect(screen.queryByLabelText(/^accessToken/)).toBeNull();
  });

  it.each<[string, JsonValue, RegExp]>([
    [
      'a schema that is not an object shows a notice',
      'just text',
      /\/sourceSpec\/spec is a string, not a JSON Schema object/,
    ],
    ['a non-object type shows a notice', { type: 'array', items: {} }, /has type "array"/],
  ])('%s', (_name, schema, message) => {
    act(() => {
      st().updateAt('/sourceSpec/spec', schema);
    });
    render(<PreviewPane />);
    tab(/Customer view/);
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByLabelText(/^domain/)).toBeTruthy();
  });

  it('shows HTML in titles and descriptions as text, never as markup', () => {
    act(() => {
      st().updateAt('/sourceSpec/spec', {
        type: 'object',
        properties: {
          listId: { type: 'string', title: '<b>List</b> id', description: '<img src=x onerror=alert(1)>' },
        },
      });
    });
    const { container } = render(<PreviewPane />);
    tab(/Customer view/);
    expect(screen.getByText('<b>List</b> id')).toBeTruthy();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('.pv-customer b, .pv-customer img')).toBeNull();
  });

  it('catches a schema rjsf cannot render and shows its message', () => {
    act(() => {
      st().updateAt('/sourceSpec/spec', {
        type: 'object',
        properties: { a: { $ref: '#/definitions/missing' } },
      });
    });
    render(<PreviewPane />);
    tab(/Customer view/);
    expect(screen.getByRole('alert').textContent).toMatch(
      /^\/sourceSpec\/spec cannot be shown as a form: .*missing/,
    );
    expect(screen.getByLabelText(/^domain/)).toBeTruthy();
  });
});

describe('schedule tab', () => {
  it('lists the next 10 runs with since/before as sent, and shows the flow rules inline', async () => {
    render(<PreviewPane />);
    await waitFor(() => expect(st().previewResult).not.toBeNull());
    tab(/Schedule/);
    fireEvent.change(screen.getByLabelText('Start (UTC)'), { target: { value: '2026-01-02T03:00' } });
    fireEvent.change(screen.getByLabelText('Frequency'), { target: { value: 'minute' } });
    fireEvent.change(screen.getByLabelText('Interval'), { target: { value: '10' } });
    expect(screen.getByRole('alert').textContent).toBe(
      'a "minute" schedule needs an integer interval of at least 15',
    );
    expect(screen.queryByRole('list', { name: 'Next 10 runs' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Interval'), { target: { value: '30' } });
    const runs = within(screen.getByRole('list', { name: 'Next 10 runs' })).getAllByRole('listitem');
    expect(runs).toHaveLength(10);
    expect(runs[1]?.textContent).toBe(
      '2Jan 2, 2026, 03:30 UTC → Jan 2, 2026, 04:00 UTC' +
        'since_last_changed=2026-01-02T03%3A30%3A00%3A0000000Z&before_last_changed=2026-01-02T04%3A00%3A00%3A0000000Z',
    );
    fireEvent.change(screen.getByLabelText('Frequency'), { target: { value: 'once' } });
    expect((screen.getByLabelText('Interval') as HTMLInputElement).disabled).toBe(true);
    expect(within(screen.getByRole('list', { name: 'Next 10 runs' })).getAllByRole('listitem')).toHaveLength(
      1,
    );
  });
});

describe('sample response headers', () => {
  const usePageCount = () =>
    act(() => {
      for (const [k, v] of Object.entries({ domain: 'us6', listId: 'L1', accessToken: 't' }))
        st().setRunValue(k, v);
      st().updateAt('/sourceSpec/attributes/paginationParams', {
        type: 'PAGE',
        limitName: 'count',
        limitValue: 1,
        pageParamName: 'page',
        initialPageIndex: 1,
        endPageIndex: 'headers.x-pagecount',
      });
    });
  const page = '{"members": [{"id": "m"}]}';

  it('a header typed in a page’s editor lets PAGE stop at headers.x-pagecount', async () => {
    usePageCount();
    render(<PreviewPane />);
    act(() => {
      addSamples([1, 2, 3].map((n) => ({ name: `p${n}`, origin: 'paste' as const, source: page })));
    });
    await waitFor(() => expect(st().previewResult?.run.stop.reason).toBe('samples-exhausted'));
    const second = screen.getByRole('listitem', { name: /^Page 2:/ });
    fireEvent.click(within(second).getByText('Headers'));
    fireEvent.click(within(second).getByRole('button', { name: '+ Add header' }));
    fireEvent.change(within(second).getByLabelText('Page 2 header 1 name'), {
      target: { value: 'X-PageCount' },
    });
    fireEvent.change(within(second).getByLabelText('Page 2 header 1 value'), { target: { value: '2' } });
    await waitFor(() => expect(st().previewResult?.run.stop.reason).toBe('end-page'));
    expect(st().previewResult?.run.steps).toHaveLength(2);
    expect(st().samplePages[1]?.headers).toEqual([['X-PageCount', '2']]);
  });

  it('a pasted envelope gives the page its body and headers', async () => {
    usePageCount();
    render(<PreviewPane />);
    fireEvent.click(screen.getByLabelText(/^Envelope/));
    fireEvent.change(screen.getByLabelText('Paste a response of your API'), {
      target: { value: `{"headers": {"X-PageCount": "1"}, "body": ${page}}` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add page' }));
    await waitFor(() => expect(st().previewResult?.run.stop.reason).toBe('end-page'));
    expect(st().previewResult?.records.records).toBe(1);
    expect(st().samplePages[0]).toMatchObject({ envelope: true, headers: [['x-pagecount', '1']] });
    expect(screen.getByRole('group', { name: 'Response headers of page 1' })).toBeTruthy();
  });
});
