// @vitest-environment happy-dom
/**
 * Issue 12 item 5: undo steps are stored as edits, so the memory the history holds follows the size of
 * the edits, not 200 × the text; undo/redo behave as with snapshots (coalescing, the cap, redo
 * cleared by a new edit), checked against a snapshot model on random edits. A big session that did
 * not fit in storage is not serialised again on every edit.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushAutosave, resetStore, useSpecStore } from '../../src/store';
import {
  COALESCE_MS,
  MAX_HISTORY,
  MAX_HISTORY_CHARS,
  undoSizeNotice,
  type History,
} from '../../src/store/history';
import { AUTOSAVE_RETRY_MS } from '../../src/store/persistConfig';
import { minimalReplacement } from '../../src/components/textDiff';
import { FaultyStorage, installStorage } from '../hostile/app/persist.helpers';

const st = () => useSpecStore.getState();

/** Characters held by the history's steps. */
const heldChars = (h: History) =>
  [...h.undo, ...h.redo].reduce((n, c) => n + c.removed.length + c.inserted.length, 0);

/** A valid spec-like document of about `chars` characters. */
function bigText(chars: number): string {
  const rows: Record<string, string> = {};
  for (let i = 0; chars > 0; i++) {
    rows[`key_${i}`] = `value ${i} `.repeat(8);
    chars -= 110;
  }
  return `${JSON.stringify({ name: 'Big', description: 'd', rows }, null, 2)}\n`;
}

beforeEach(() => {
  localStorage.clear();
  resetStore();
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('history memory follows the edits', () => {
  it('250 form edits on a 300 kB text hold a few kB, and 200 undos restore the text exactly', () => {
    const text = bigText(300_000);
    st().loadDocument(text, 'file');
    const texts = [text];
    for (let i = 0; i < 250; i++) {
      // Alternating fields, past the coalescing window: every write is its own step.
      expect(st().updateAt(i % 2 ? '/name' : '/rows/key_7', `edit ${i}`)).toBe(true);
      texts.push(st().text);
      vi.advanceTimersByTime(COALESCE_MS + 1);
    }
    expect(st().history.undo).toHaveLength(MAX_HISTORY);
    // Snapshots held 200 × 300 kB; the edits hold what changed.
    expect(heldChars(st().history)).toBeLessThan(20_000);
    for (let i = 0; i < MAX_HISTORY; i++) {
      expect(st().undo()).toBe(true);
      expect(st().text).toBe(texts[texts.length - 2 - i]);
    }
    expect(st().undo()).toBe(false);
    expect(heldChars(st().history)).toBeLessThan(20_000);
    for (let i = 0; i < 3; i++) st().redo();
    expect(st().text).toBe(texts[texts.length - MAX_HISTORY - 1 + 3]);
  }, 120_000);

  it('a coalesced burst of typing is one step of the size of the burst', () => {
    const text = bigText(500_000);
    st().loadDocument(text, 'file');
    let t = text;
    for (const ch of 'hello') {
      t = t.replace('"name": "Big', `"name": "Big${ch}`);
      st().setText(t);
      vi.advanceTimersByTime(100);
    }
    expect(st().history.undo).toHaveLength(1);
    expect(heldChars(st().history)).toBeLessThan(100);
    st().undo();
    expect(st().text).toBe(text);
  });
});

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The snapshot history as it was before issue 12: the reference the edit history must match. */
class SnapshotModel {
  past: string[] = [];
  future: string[] = [];
  lastKey: string | null = null;
  lastAt = 0;
  constructor(public text: string) {}
  edit(next: string, key: string, now: number): void {
    if (next === this.text) return;
    const coalesce = this.lastKey === key && now - this.lastAt < COALESCE_MS && this.past.length > 0;
    if (!coalesce) this.past = [...this.past, this.text].slice(-MAX_HISTORY);
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
    this.text = next;
  }
  step(which: 'undo' | 'redo'): void {
    const [from, to] = which === 'undo' ? [this.past, this.future] : [this.future, this.past];
    const t = from.pop();
    if (t === undefined) return;
    to.push(this.text);
    this.text = t;
    this.lastKey = null;
    this.lastAt = 0;
  }
}

describe('history size cap', () => {
  it('whole-text replacements past MAX_HISTORY_CHARS drop the oldest steps, and the user is told once', () => {
    const fill = 'abcdefghijklmnop';
    const n = Math.ceil(MAX_HISTORY_CHARS / 20);
    const texts = [...fill].map((ch) => `{"a": "${ch.repeat(n)}"}`);
    st().loadDocument(texts[0] ?? '', 'file');
    const notices = () => st().toasts.filter((t) => t.message === undoSizeNotice());
    for (const t of texts.slice(1, 10)) {
      st().setText(t);
      vi.advanceTimersByTime(COALESCE_MS + 1);
    }
    // 9 steps of 2 × n characters: within the cap.
    expect(st().history.undo).toHaveLength(9);
    expect(notices()).toHaveLength(0);
    for (const t of texts.slice(10, 13)) {
      st().setText(t);
      vi.advanceTimersByTime(COALESCE_MS + 1);
    }
    expect(heldChars(st().history)).toBeLessThanOrEqual(MAX_HISTORY_CHARS);
    expect(st().history.undo.length).toBeLessThan(12);
    expect(notices()).toHaveLength(1);
    expect(undoSizeNotice()).toContain('50 million characters');
    // What is kept still undoes exactly.
    const kept = st().history.undo.length;
    for (let i = 0; i < kept; i++) st().undo();
    expect(st().text).toBe(texts[12 - kept]);
  }, 120_000);
});

describe('undo/redo behave as with snapshots', () => {
  it.each([1, 2, 3, 4, 5, 6])('random typing, form edits, undos and redos (seed %i)', (seed) => {
    const rand = rng(seed);
    const start = '{"a": "x", "b": [1, 2, 3], "c": {"d": "text"}}';
    st().loadDocument(start, 'file');
    const model = new SnapshotModel(start);
    const word = () => 'abcdefgh'.slice(0, 1 + Math.floor(rand() * 4));
    for (let i = 0; i < 400; i++) {
      vi.advanceTimersByTime(rand() < 0.5 ? 200 : COALESCE_MS + 10);
      const r = rand();
      const now = Date.now();
      if (r < 0.35) {
        // Typing anywhere (also invalid JSON): insert or delete a few characters.
        const t = st().text;
        const at = Math.floor(rand() * (t.length + 1));
        const value = rand() < 0.6 ? t.slice(0, at) + word() + t.slice(at) : t.slice(0, at) + t.slice(at + 3);
        st().setText(value);
        model.edit(value, 'type:', now);
      } else if (r < 0.7) {
        const pointer = ['/a', '/c/d', '/b/1'][Math.floor(rand() * 3)] ?? '/a';
        const before = st().text;
        const ok = st().updateAt(pointer, pointer === '/b/1' ? Math.floor(rand() * 100) : word());
        if (ok) model.edit(st().text, `form:${pointer}`, now);
        else expect(st().text).toBe(before);
      } else if (r < 0.85) {
        st().undo();
        model.step('undo');
      } else {
        st().redo();
        model.step('redo');
      }
      expect(st().text).toBe(model.text);
      expect(st().history.undo).toHaveLength(model.past.length);
      expect(st().history.redo).toHaveLength(model.future.length);
    }
    expect(st().history.past).toEqual(model.past);
    expect(st().history.future).toEqual(model.future);
  });

  it("the store's last edit is the JSON view's replacement", () => {
    const text = bigText(200_000);
    st().loadDocument(text, 'file');
    st().updateAt('/name', 'Renamed');
    const r = minimalReplacement(text, st().text);
    const at = text.indexOf('"Big"') + 1;
    expect(r).toEqual({ start: at, end: at + 3, text: 'Renamed' });
  });
});

describe('a session too big for storage is not serialised on every edit', () => {
  it('after a failed write of a big text, the next writes wait for the retry delay', () => {
    const disk = new FaultyStorage();
    disk.failWrite = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const restore = installStorage(disk);
    try {
      st().loadDocument(bigText(1_100_000), 'file');
      flushAutosave();
      expect(disk.writes).toBe(1);
      expect(st().storageIssue?.kind).toBe('quota');
      for (let i = 0; i < 5; i++) {
        st().updateAt('/name', `n${i}`);
        vi.advanceTimersByTime(1000);
        flushAutosave();
      }
      expect(disk.writes).toBe(1);
      expect(st().storageIssue?.kind).toBe('quota');
      // Room again: the latest state is written once the delay is over.
      disk.failWrite = null;
      vi.advanceTimersByTime(AUTOSAVE_RETRY_MS);
      expect(disk.writes).toBe(2);
      expect(disk.getItem('spec-studio:session')).toContain('n4');
      expect(st().storageIssue).toBeNull();
    } finally {
      restore();
    }
  });
});
