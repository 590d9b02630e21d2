// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAt, type JsonValue } from '@core';
import { useAppLifecycle } from '../../src/app/useAppLifecycle';
import { resetStore, useSpecStore, type PointerEdit } from '../../src/store';
import { setup, st } from './spec-form.helpers';
import mailchimp from '../fixtures/spec-form/mailchimp.spec.json';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

interface BatchCase {
  name: string;
  text: string;
  edits: PointerEdit[];
  /** The text after the batch, or null when it is refused (nothing changes). */
  expected: string | null;
}

const BATCHES: BatchCase[] = [
  {
    name: 'two keys of one object, formatting kept',
    text: '{\n  "p": {\n    "type": "OFFSET",\n    "offSetName": "offset"\n  }\n}\n',
    edits: [
      { pointer: '/p/type', value: 'PAGE' },
      { pointer: '/p/offSetName', value: undefined },
      { pointer: '/p/pageParamName', value: 'page' },
    ],
    expected: '{\n  "p": {\n    "type": "PAGE",\n    "pageParamName": "page"\n  }\n}\n',
  },
  {
    name: 'a later edit sees what an earlier one created',
    text: '{\n  "a": 1\n}\n',
    edits: [
      { pointer: '/b', value: {} },
      { pointer: '/b/c', value: [1] },
      { pointer: '/b/c/-', value: 2 },
    ],
    expected: '{\n  "a": 1,\n  "b": {\n    "c": [\n      1,\n      2\n    ]\n  }\n}\n',
  },
  {
    name: 'a rename and its required entry',
    text: '{\n  "properties": { "x": { "type": "string" }, "y": {} },\n  "required": ["x"],\n  "x-keep": 1\n}\n',
    edits: [
      { pointer: '/properties', value: { z: { type: 'string' }, y: {} } },
      { pointer: '/required', value: ['z'] },
    ],
    expected:
      '{\n  "properties": {\n    "z": {\n      "type": "string"\n    },\n    "y": {}\n  },\n  "required": [\n    "z"\n  ],\n  "x-keep": 1\n}\n',
  },
  {
    name: 'all or nothing: a pointer that cannot be addressed refuses the whole batch',
    text: '{"a": [1]}',
    edits: [
      { pointer: '/b', value: true },
      { pointer: '/a/5', value: 2 },
    ],
    expected: null,
  },
];

describe('updateMany: several writes as one action', () => {
  beforeEach(() => {
    localStorage.clear();
    resetStore();
  });

  it.each(BATCHES)('$name', (c) => {
    st().loadDocument(c.text, 'file');
    const texts: string[] = [];
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (s.text !== prev.text) texts.push(s.text);
    });
    const ok = st().updateMany(c.edits);
    unsubscribe();
    expect(ok).toBe(c.expected !== null);
    expect(st().text).toBe(c.expected ?? c.text);
    // One text change (one Monaco edit), one undo step.
    expect(texts).toEqual(c.expected === null ? [] : [c.expected]);
    expect(st().history.past).toEqual(c.expected === null ? [] : [c.text]);
    if (c.expected === null) return;
    expect(st().undo()).toBe(true);
    expect(st().text).toBe(c.text);
    expect(st().redo()).toBe(true);
    expect(st().text).toBe(c.expected);
  });

  it('is refused while the text does not parse', () => {
    st().loadDocument('{"a": 1}', 'paste');
    st().setText('{"a": 1,');
    expect(
      st().updateMany([
        { pointer: '/a', value: 2 },
        { pointer: '/b', value: 3 },
      ]),
    ).toBe(false);
    expect(st().text).toBe('{"a": 1,');
  });

  it('an empty batch changes nothing; a batch of one is updateAt', () => {
    st().loadDocument('{"a": 1}', 'paste');
    const updateAt = vi.fn(st().updateAt);
    useSpecStore.setState({ updateAt });
    expect(st().updateMany([])).toBe(true);
    expect(st().text).toBe('{"a": 1}');
    expect(st().updateMany([{ pointer: '/a', value: 2 }])).toBe(true);
    expect(updateAt).toHaveBeenCalledWith('/a', 2);
    expect(st().text).toBe('{"a": 2}');
  });

  it('the same batch repeated within a second is one step; after a pause it is a new one', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    st().loadDocument('{"p": {"x": 1}, "r": [1]}', 'paste');
    const batch = (n: number) => [
      { pointer: '/p', value: { [`x${n}`]: 1 } },
      { pointer: '/r', value: [n] },
    ];
    st().updateMany(batch(1));
    vi.advanceTimersByTime(300);
    st().updateMany(batch(2));
    expect(st().history.past).toHaveLength(1);
    vi.advanceTimersByTime(1500);
    st().updateMany(batch(3));
    expect(st().history.past).toHaveLength(2);
    st().undo();
    expect(st().doc).toEqual({ p: { x2: 1 }, r: [2] });
  });
});

/** The app's keyboard wiring (Ctrl+Z anywhere outside Monaco goes to the store's history). */
function Lifecycle() {
  useAppLifecycle();
  return null;
}

const withRequired = (() => {
  const doc = structuredClone(mailchimp) as { sourceSpec: { spec: Record<string, unknown> } };
  doc.sourceSpec.spec['required'] = ['listId'];
  doc.sourceSpec.spec['properties'] = {
    listId: { type: 'string', description: 'listId for which members need to fetch.' },
    status: { type: 'string' },
  };
  return doc as unknown as JsonValue;
})();

const select = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

interface ActionCase {
  name: string;
  fixture: 'mailchimp' | JsonValue;
  section: Parameters<typeof setup>[1];
  act: () => void;
  /** Where the action shows in the document, and what it holds afterwards. */
  pointer: string;
  after: JsonValue | undefined;
}

const P = '/sourceSpec/attributes/paginationParams';
const SPEC = '/sourceSpec/spec';

const ACTIONS: ActionCase[] = [
  {
    name: 'switching pagination type OFFSET → PAGE',
    fixture: 'mailchimp',
    section: 'paginationParams',
    act: () => select('Type', 'PAGE'),
    pointer: P,
    after: { type: 'PAGE', limitName: 'count', limitValue: '100', 'x-extra': true },
  },
  {
    name: 'switching the schedule to ADVANCE',
    fixture: 'mailchimp',
    section: 'scheduleParams',
    act: () => select('Form', 'ADVANCE'),
    pointer: '/sourceSpec/attributes/scheduleParams',
    after: { type: 'ADVANCE' },
  },
  {
    name: 'renaming a required parameter',
    fixture: withRequired,
    section: 'userInputs',
    act: () => fireEvent.change(screen.getByLabelText('Name of parameter 1'), { target: { value: 'list' } }),
    pointer: `${SPEC}/required`,
    after: ['list'],
  },
  {
    name: 'removing a required parameter',
    fixture: withRequired,
    section: 'userInputs',
    act: () => fireEvent.click(screen.getByRole('button', { name: 'Remove parameter listId' })),
    pointer: `${SPEC}/required`,
    after: [],
  },
  {
    name: 'declaring a placeholder as a user input',
    fixture: 'mailchimp',
    section: 'urlParams',
    act: () => {
      const flag = screen.getByText('${status}').closest('p') as HTMLElement;
      fireEvent.click(within(flag).getByRole('button', { name: 'Declare as user input' }));
    },
    pointer: `${SPEC}/properties/status`,
    after: { type: 'string', title: 'status' },
  },
];

describe('one Ctrl+Z reverts a whole form action', () => {
  it.each(ACTIONS)('$name', (c) => {
    setup(c.fixture, c.section);
    render(createElement(Lifecycle));
    const before = st().text;
    const texts: string[] = [];
    const unsubscribe = useSpecStore.subscribe((s, prev) => {
      if (s.text !== prev.text) texts.push(s.text);
    });
    c.act();
    unsubscribe();
    const after = st().text;
    expect(getAt(st().doc, c.pointer)).toEqual(c.after);
    expect(texts).toEqual([after]);
    expect(st().history.past).toEqual([before]);

    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    });
    expect(st().text).toBe(before);
    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, shiftKey: true });
    });
    expect(st().text).toBe(after);
  });

  it('after undoing a pagination switch the form shows the OFFSET fields again', () => {
    setup('mailchimp', 'paginationParams');
    render(createElement(Lifecycle));
    select('Type', 'PAGE');
    expect(screen.queryByLabelText('Offset parameter')).toBeNull();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    });
    expect((screen.getByLabelText('Offset parameter') as HTMLInputElement).value).toBe('offset');
  });
});
