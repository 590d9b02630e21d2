/**
 * Invisible characters in a spec (validate): a zero-width or bidi-control character makes a name look
 * like another one (`listId` and `list\u200BId` print the same) or reorders what is shown ("Trojan
 * Source"). Found in property names anywhere, in `${…}` placeholders, and (bidi controls) in any
 * string; each is a warning at its pointer, naming the character and where it is.
 */
import { joinPointer } from '../json/pointer';
import type { DiagnosticParams, JsonValue } from '../types';
import { DiagnosticList, isObject } from './jsonUtil';

/** Findings listed one by one; past this many, one more counts the rest. */
export const MAX_INVISIBLE_FINDINGS = 50;

const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const PLACEHOLDER = /\$\{([^}]*)\}/g;

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** `text` with each invisible character written as `‹U+200B›`, so the message shows it. */
function reveal(text: string): string {
  let out = '';
  for (const ch of text) out += INVISIBLE.test(ch) ? `‹${hex(ch.codePointAt(0) as number)}›` : ch;
  return out;
}

/** The first character of `text` matching `re`: `U+200B ZERO WIDTH SPACE` and its 1-based position. */
function describe(text: string, re: RegExp): { char: string; position: string } {
  const i = [...text].findIndex((ch) => re.test(ch));
  const cp = [...text][i]?.codePointAt(0) ?? 0;
  return { char: `${hex(cp)} ${NAMES[cp] ?? ''}`.trim(), position: String(i + 1) };
}

const described = (x: { char: string; position: string }): string => `${x.char} at character ${x.position}`;

/** Adds a warning for every invisible character in a property name or placeholder, and every bidi control. */
export function invisibleChecks(doc: JsonValue, d: DiagnosticList): void {
  let found = 0;
  const add = (pointer: string, message: string, params: DiagnosticParams): void => {
    found++;
    if (found <= MAX_INVISIBLE_FINDINGS) d.add('warning', pointer, 'invisible-character', message, params);
  };
  const stack: Array<[JsonValue, string]> = [[doc, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop() as [JsonValue, string];
    if (typeof value === 'string') {
      for (const m of value.matchAll(PLACEHOLDER)) {
        const name = m[1] ?? '';
        if (INVISIBLE.test(name)) {
          const x = describe(name, INVISIBLE);
          add(pointer, `placeholder \${${reveal(name)}} holds an invisible character (${described(x)})`, {
            kind: 'placeholder',
            name: reveal(name),
            ...x,
          });
        }
      }
      if (BIDI.test(value) && !/\$\{[^}]*[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(value)) {
        const x = describe(value, BIDI);
        add(pointer, `text holds a bidi control (${described(x)}): what is shown is not what is sent`, {
          kind: 'bidi',
          ...x,
        });
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i] as JsonValue, `${pointer}/${i}`]);
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const at = joinPointer(pointer, key);
        if (INVISIBLE.test(key)) {
          const x = describe(key, INVISIBLE);
          add(at, `name "${reveal(key)}" holds an invisible character (${described(x)})`, {
            kind: 'name',
            name: reveal(key),
            ...x,
          });
        }
        stack.push([value[key] as JsonValue, at]);
      }
    }
  }
  if (found > MAX_INVISIBLE_FINDINGS)
    d.add(
      'warning',
      '',
      'invisible-character',
      `${found - MAX_INVISIBLE_FINDINGS} more invisible characters are not listed (the first ${MAX_INVISIBLE_FINDINGS} are)`,
      { kind: 'more', count: found - MAX_INVISIBLE_FINDINGS, limit: MAX_INVISIBLE_FINDINGS },
    );
}
