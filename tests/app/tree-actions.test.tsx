// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { firstValue, getAt, type JsonValue } from '@core';
import { addSamples } from '../../src/features/preview/previewService';
import { SampleTree } from '../../src/features/preview/SampleTree';
import { usePreviewSync } from '../../src/features/preview/usePreviewSync';
import { treeActions, type TreeActionContext } from '../../src/features/preview/tree/treeActions';
import { jsonPathAt, nameSegment } from '../../src/features/preview/treePaths';
import { fixture, st, withMailchimpPreview } from './preview.helpers';

const AWKWARD = [
  '@odata.nextLink',
  'first name',
  'a.b',
  '2fa',
  '',
  "it's",
  'back\\slash',
  'quote"d',
  'line\nbreak',
  'tab\there',
  '[x]',
  '$',
  '*',
  'é',
  '日本',
  '-dash',
  'a-b',
];

describe('JSONPath of a tree node: bracket form where a key needs it', () => {
  it.each(AWKWARD)('%j round-trips through the core JSONPath parser', (key) => {
    const sample = { outer: { [key]: { [key]: [10, { [key]: 'found' }] } } } as JsonValue;
    const pointer = `/outer/${[key, key].map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}/1/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const path = jsonPathAt(sample, pointer);
    expect(firstValue(path, sample)).toBe('found');
  });

  it('a key the parser cannot read (a control character) disables the action instead of writing it', () => {
    const sample = { 'bell\u0007': 'x' };
    const [token] = treeActions(
      { pointer: '/bell\u0007', value: 'x' },
      {
        sample,
        attrs: { paginationParams: { type: 'NONE' } },
        contentPath: undefined,
        contentMatches: [],
      },
    );
    expect(token?.disabled).toMatch(/JSONPath cannot/);
    expect(token?.edits).toEqual([]);
  });

  it('writes plain names with dots and the rest in brackets', () => {
    expect(nameSegment('nextLink')).toBe('.nextLink');
    expect(nameSegment('@odata.nextLink')).toBe("['@odata.nextLink']");
    expect(nameSegment("it's")).toBe("['it\\'s']");
    expect(nameSegment('2fa')).toBe("['2fa']");
    expect(jsonPathAt({ value: [{ 'a b': 1 }] }, '/value/0/a b')).toBe("$.value[0]['a b']");
  });
});

const sample = { value: [{ id: 1 }], '@odata.nextLink': 'https://x/next', meta: { hasMore: true } };
const ctx = (paginationParams: unknown): TreeActionContext => ({
  sample,
  attrs: { contentPath: { path: '$.value' }, paginationParams } as Record<string, unknown>,
  contentPath: { path: '$.value', skipAttributes: [], keepAttributes: [] },
  contentMatches: ['/value'],
});

describe('tree actions: the ones that fit each node', () => {
  it('a string leaf: token and pointer (pagination type set when there is none), no records path', () => {
    const acts = treeActions({ pointer: '/@odata.nextLink', value: 'https://x/next' }, ctx({ type: 'NONE' }));
    expect(acts.map((a) => a.id)).toEqual(['token', 'pointer']);
    const pointer = acts[1];
    expect(pointer?.edits).toEqual([
      {
        pointer: '/sourceSpec/attributes/paginationParams',
        value: { type: 'POINTER', pointerPath: "$['@odata.nextLink']" },
      },
    ]);
  });

  it('with POINTER pagination only its path is written (legacy pointerName kept); another type is disabled', () => {
    const pointerActs = treeActions(
      { pointer: '/@odata.nextLink', value: 'u' },
      ctx({ type: 'POINTER', pointerName: 'old' }),
    );
    expect(pointerActs.find((a) => a.id === 'pointer')?.edits).toEqual([
      { pointer: '/sourceSpec/attributes/paginationParams/pointerName', value: "$['@odata.nextLink']" },
    ]);
    expect(pointerActs.find((a) => a.id === 'token')?.disabled).toMatch(/pagination is POINTER/);
  });

  it('an end condition only where the spec has one (OFFSET)', () => {
    const target = { pointer: '/meta/hasMore', value: true };
    expect(treeActions(target, ctx({ type: 'NONE' }))).toEqual([]);
    const offset = treeActions(
      target,
      ctx({ type: 'OFFSET', limitName: 'l', limitValue: 1, offSetName: 'o' }),
    );
    expect(offset.map((a) => [a.id, a.path])).toEqual([['end', '$.meta.hasMore']]);
  });

  it('arrays: records path and explode (disabled outside a record)', () => {
    const acts = treeActions({ pointer: '/value', value: sample.value }, ctx(undefined));
    expect(acts.map((a) => [a.id, a.path, a.disabled !== undefined])).toEqual([
      ['records', '$.value', false],
      ['explode', '', true],
    ]);
  });
});

withMailchimpPreview();

/** The Tree tab's content with the preview kept in sync (what PreviewPane does around it). */
function TreeWithPreview() {
  usePreviewSync();
  return <SampleTree />;
}

describe('tree actions in the Tree tab', () => {
  it('hover shows the JSONPath; the context-menu key opens an accessible menu; a choice is one undo step', async () => {
    const spec = JSON.parse(fixture('mailchimp.spec.json'));
    spec.sourceSpec.attributes.paginationParams = { type: 'NONE' };
    st().loadDocument(JSON.stringify(spec, null, 2), 'file');
    render(<TreeWithPreview />);
    const page = { members: [{ id: 'm1' }], '@odata.nextLink': 'https://api/next?page=2' };
    act(() => {
      addSamples([{ name: 'p.json', origin: 'file', source: JSON.stringify(page) }]);
    });
    await waitFor(() => expect(st().previewResult?.matches?.content).toEqual(['/members']));
    const key = await screen.findByTitle("$['@odata.nextLink']");
    const before = st().text;
    fireEvent.keyDown(key, { key: 'F10', shiftKey: true });
    const menu = await screen.findByRole('menu', { name: "Actions for $['@odata.nextLink']" });
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      "Use as continuation token$['@odata.nextLink']",
      "Use as next-page pointer$['@odata.nextLink']",
    ]);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(st().text).toBe(before);

    fireEvent.click(screen.getByRole('button', { name: "Actions for $['@odata.nextLink']" }));
    fireEvent.click(await screen.findByRole('menuitem', { name: /next-page pointer/ }));
    expect(getAt(st().doc, '/sourceSpec/attributes/paginationParams/pointerPath')).toBe(
      "$['@odata.nextLink']",
    );
    expect(st().text).toContain(`"pointerPath": "$['@odata.nextLink']"`);
    expect(
      st()
        .toasts.map((t) => t.message)
        .join('\n'),
    ).toMatch(/pointerPath/);
    act(() => {
      st().undo();
    });
    expect(st().text).toBe(before);
  });
});
