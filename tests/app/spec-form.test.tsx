// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue, SectionId } from '@core';
import { getAt } from '@core';
import { pointers, setup, st } from './spec-form.helpers';

afterEach(cleanup);

const U = '/sourceSpec/attributes/urlParams';

/** Removes one pointer's value from a copy of a doc, or sets it, for "everything else unchanged" checks. */
function withValue(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const copy = structuredClone(doc) as JsonObject;
  const segs = pointer.split('/').slice(1);
  let node = copy as JsonObject;
  for (const s of segs.slice(0, -1)) node = node[s] as JsonObject;
  node[segs[segs.length - 1] as string] = value;
  return copy;
}

const EDITS: Array<{
  name: string;
  section: SectionId;
  label: string;
  value: string;
  pointer: string;
  expected: JsonValue;
}> = [
  {
    name: 'metadata name',
    section: 'metadata',
    label: 'Name',
    value: 'Members v2',
    pointer: '/name',
    expected: 'Members v2',
  },
  {
    name: 'url host',
    section: 'urlParams',
    label: 'Host',
    value: 'https://api.x.com',
    pointer: `${U}/host`,
    expected: 'https://api.x.com',
  },
  {
    name: 'url path',
    section: 'urlParams',
    label: 'Path',
    value: '/v4/members',
    pointer: `${U}/path`,
    expected: '/v4/members',
  },
  {
    name: 'method select (values, not indexes)',
    section: 'urlParams',
    label: 'Method',
    value: 'POST',
    pointer: `${U}/method`,
    expected: 'POST',
  },
  {
    name: 'limit value keeps its string form',
    section: 'paginationParams',
    label: 'Page size',
    value: '250',
    pointer: '/sourceSpec/attributes/paginationParams/limitValue',
    expected: '250',
  },
  {
    name: 'skip attributes, one per line',
    section: 'contentPath',
    label: 'Skip attributes',
    value: '_links\nlist_id',
    pointer: '/sourceSpec/attributes/contentPath/skipAttributes',
    expected: ['_links', 'list_id'],
  },
  {
    name: 'catalog label key keeps the { key } shape',
    section: 'uiAttributes',
    label: 'Catalog label',
    value: 'newLabel',
    pointer: '/sourceSpec/attributes/uiAttributes/label',
    expected: { key: 'newLabel' },
  },
];

describe('a field edit writes that one pointer, nothing else', () => {
  it.each(EDITS)('$name', ({ section, label, value, pointer, expected }) => {
    const { updateAt, doc } = setup('mailchimp', section);
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
    expect(pointers(updateAt)).toEqual([pointer]);
    expect(updateAt.mock.calls[0]?.[1]).toEqual(expected);
    // Unknown keys (x-notes, urlParams.x-vendor, paginationParams.x-extra) and every other key are untouched.
    expect(st().doc).toEqual(withValue(doc, pointer, expected));
  });

  it('keeps the text formatting outside the edited value (4-space indent)', () => {
    const { updateAt } = setup('mailchimp', 'urlParams', 4);
    const before = st().text;
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/p' } });
    expect(updateAt).toHaveBeenCalledTimes(1);
    expect(st().text).toBe(before.replace('"/3.0/lists/${listId}/members"', '"/p"'));
  });

  it('writes nothing when the document changes from outside (rjsf echo without a field id)', () => {
    const { updateAt } = setup('mailchimp', 'urlParams');
    act(() => st().setText(st().text.replace('/3.0/lists', '/3.1/lists')));
    expect((screen.getByLabelText('Path') as HTMLInputElement).value).toBe('/3.1/lists/${listId}/members');
    expect(updateAt).not.toHaveBeenCalled();
  });
});

describe('values the form cannot represent', () => {
  it('shows method "PUT", legacy query string and string contentPath as "edit in JSON", never coerced', () => {
    const { updateAt } = setup('legacy', 'urlParams');
    expect(screen.queryByLabelText('Method')).toBeNull();
    expect(screen.getByText('"PUT"')).toBeTruthy();
    expect(screen.getAllByText(/edit in JSON/).length).toBeGreaterThanOrEqual(2);
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/x' } });
    expect(pointers(updateAt)).toEqual([`${U}/path`]);
    expect(getAt(st().doc, `${U}/method`)).toBe('PUT');
    expect(getAt(st().doc, `${U}/queryParams`)).toBe('a=1,b=2');
  });

  it('offers an explicit conversion of a legacy string contentPath', () => {
    const { updateAt } = setup('legacy', 'contentPath');
    expect(screen.queryByLabelText('Path')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Convert to the object form' }));
    expect(updateAt).toHaveBeenCalledWith('/sourceSpec/attributes/contentPath', { path: '$.members' });
  });
});

describe('frozen while the JSON text does not parse', () => {
  it('shows the last valid doc read-only with a notice, and writes nothing', () => {
    const { updateAt } = setup('mailchimp', 'urlParams');
    act(() => st().setText(st().text + '{'));
    expect(screen.getByRole('status').textContent).toMatch(/read-only until the JSON is fixed/);
    const path = screen.getByLabelText('Path') as HTMLInputElement;
    expect(path.readOnly).toBe(true);
    expect(path.value).toBe('/3.0/lists/${listId}/members');
    fireEvent.change(path, { target: { value: '/nope' } });
    expect((screen.getByRole('button', { name: 'Add query parameter' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(getAt(st().doc, `${U}/path`)).toBe('/3.0/lists/${listId}/members');
    expect(updateAt).not.toHaveBeenCalled();
  });
});
