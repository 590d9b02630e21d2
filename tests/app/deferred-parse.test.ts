/**
 * Issue 12 item 3: a keystroke in the JSON view of a big text (DEFER_PARSE_CHARS or more) records the
 * text and the undo step at once and parses after the keystroke is painted; every store action that
 * reads the document settles it first, so no edit lands on a document older than the text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSpecStore } from '../../src/store';
import { DEFER_PARSE_CHARS } from '../../src/store/slices/documentSlice';

const st = () => useSpecStore.getState();

function bigSpec(name: string): string {
  const pad = 'x'.repeat(DEFER_PARSE_CHARS);
  return `${JSON.stringify({ name, sourceSpec: { attributes: { pad } } }, null, 2)}\n`;
}

/** Types `ch` after the name's value, as the JSON view reports it. */
function typeInName(ch: string): void {
  const before = st().text;
  const at = before.indexOf('",');
  st().setText(`${before.slice(0, at)}${ch}${before.slice(at)}`, {
    start: at,
    end: at,
    text: ch,
    base: before,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('deferred parse of big texts typed in the JSON view', () => {
  it('the text moves at once, the document after the frame; keystrokes in one frame parse once', () => {
    vi.useFakeTimers();
    st().loadDocument(bigSpec('abc'), 'file');
    const revision = st().revision;
    typeInName('d');
    typeInName('e');
    expect(st().text).toContain('"name": "abcde"');
    expect(st().doc).toMatchObject({ name: 'abc' });
    expect(st().revision).toBe(revision);
    expect(st().history.undo.length).toBeGreaterThan(0);
    vi.advanceTimersByTime(100);
    expect(st().doc).toMatchObject({ name: 'abcde' });
    expect(st().revision).toBe(revision + 1);
  });

  it('a form write right after a keystroke applies to the up-to-date document', () => {
    vi.useFakeTimers();
    st().loadDocument(bigSpec('abc'), 'file');
    typeInName('d');
    expect(st().updateAt('/name', 'form')).toBe(true);
    expect(st().doc).toMatchObject({ name: 'form' });
    expect(JSON.parse(st().text)).toMatchObject({ name: 'form' });
    vi.advanceTimersByTime(100);
    expect(st().doc).toMatchObject({ name: 'form' });
  });

  it('undo right after a keystroke restores text and document together', () => {
    vi.useFakeTimers();
    st().loadDocument(bigSpec('abc'), 'file');
    typeInName('d');
    st().undo();
    expect(st().doc).toMatchObject({ name: 'abc' });
    expect(st().text).toContain('"name": "abc"');
    vi.advanceTimersByTime(100);
    expect(st().doc).toMatchObject({ name: 'abc' });
  });

  it('small texts, and edits without the JSON view hint, parse at once', () => {
    st().loadDocument('{\n  "name": "abc",\n  "x": 1\n}\n', 'file');
    typeInName('d');
    expect(st().doc).toMatchObject({ name: 'abcd' });
    st().loadDocument(bigSpec('abc'), 'file');
    st().setText(st().text.replace('"abc"', '"abz"'));
    expect(st().doc).toMatchObject({ name: 'abz' });
  });

  it('loading a document drops a pending parse of the old text', () => {
    vi.useFakeTimers();
    st().loadDocument(bigSpec('abc'), 'file');
    typeInName('d');
    st().loadDocument('{"name": "other"}', 'file');
    vi.advanceTimersByTime(100);
    expect(st().doc).toEqual({ name: 'other' });
  });
});
