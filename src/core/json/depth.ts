/**
 * An iterative nesting check for values that did not come through `parseJson` (built in code, read
 * from storage, posted by a worker): run it before any recursive walk (`JSON.stringify`, ajv, the
 * spec readers), so a 10,000-deep value is refused with its place instead of a `RangeError`.
 */
import type { JsonValue } from '../types';
import { MAX_JSON_DEPTH } from './parseJson';
import { encodePointer } from './pointer';

interface Frame {
  value: JsonValue;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

/**
 * The JSON Pointer of the first array or object nested deeper than `max` levels (default
 * {@link MAX_JSON_DEPTH}; the root container is level 1, as in `checkDepth`), or null when the value
 * is within the limit. Iterative: never overflows the stack. Visits every node once.
 */
export function tooDeepAt(value: JsonValue, max = MAX_JSON_DEPTH): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Frame[] = [{ value, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (v === null || typeof v !== 'object') continue;
    if (frame.depth > max) return pointerOf(frame);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i] as JsonValue, depth: frame.depth + 1, parent: frame, key: i });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: v[key] as JsonValue, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return null;
}

function pointerOf(frame: Frame): string {
  const segments: Array<string | number> = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent) segments.push(f.key);
  return encodePointer(segments.reverse());
}

/** The message for a value nested deeper than `max` (the diagnostic's pointer says where). */
export function tooDeepMessage(max = MAX_JSON_DEPTH): string {
  return `nesting deeper than ${max} levels: not read (the limit protects against stack overflows)`;
}
