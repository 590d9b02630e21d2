/** A single replacement turning one text into another: replace [start, end) of the old text with `text`. */
export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/** Characters compared at once while skipping the common prefix and suffix. */
const BLOCK = 256;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The replacement of the store's last edit, with the texts it joins (see `noteReplacement`). */
let noted: { before: string; after: string; replacement: TextReplacement } | null = null;

/**
 * Notes that `replacement` turns `before` into `after` (an edit the store just made), so the next
 * `minimalReplacement` of the same two texts (the JSON view following the store) answers without
 * comparing 5 MB (issue 12 item 5).
 */
export function noteReplacement(before: string, after: string, replacement: TextReplacement): void {
  noted = { before, after, replacement };
}

/**
 * The smallest single replacement (common prefix and suffix removed) that turns `before` into
 * `after`, never splitting a surrogate pair. Null when the texts are equal. For the two texts of the
 * store's last edit, that edit's replacement (noted by the store; no wider than the edit).
 */
export function minimalReplacement(before: string, after: string): TextReplacement | null {
  if (before === after) return null;
  if (noted !== null && noted.before === before && noted.after === after) return noted.replacement;
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Skip equal blocks with native string comparison first (a 340 kB spec: ~3 ms less per keystroke).
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK))
    start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > 0 && start < max && isHigh(before.charCodeAt(start - 1))) start--;
  let endB = before.length;
  let endA = after.length;
  while (
    endB - BLOCK >= start &&
    endA - BLOCK >= start &&
    before.slice(endB - BLOCK, endB) === after.slice(endA - BLOCK, endA)
  ) {
    endB -= BLOCK;
    endA -= BLOCK;
  }
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (endB < before.length && isLow(before.charCodeAt(endB))) {
    endB++;
    endA++;
  }
  return { start, end: endB, text: after.slice(start, endA) };
}

/**
 * A replacement reported by an editor, with the text it was applied to (`base`): e.g. Monaco's change
 * event and the model's text before it.
 */
export interface BasedReplacement extends TextReplacement {
  base: string;
}

/**
 * `hint` when it turns `before` into `after`; otherwise `minimalReplacement` of the two texts. The hint
 * is trusted when it was made on `before` itself (`hint.base === before`: the same string object in the
 * common case, compared in O(1)) and the lengths agree, so a keystroke in a 1 MB text is not compared
 * character by character. A hint that splits a surrogate pair is not used.
 */
export function hintedReplacement(
  before: string,
  after: string,
  hint: BasedReplacement | undefined,
): TextReplacement | null {
  if (before === after) return null;
  if (hint !== undefined && holds(before, after, hint))
    return { start: hint.start, end: hint.end, text: hint.text };
  return minimalReplacement(before, after);
}

function holds(before: string, after: string, r: BasedReplacement): boolean {
  const { start, end, text } = r;
  if (r.base !== before || start < 0 || end < start || end > before.length) return false;
  if (after.length !== before.length - (end - start) + text.length) return false;
  if (
    start > 0 &&
    start < before.length &&
    isHigh(before.charCodeAt(start - 1)) &&
    isLow(before.charCodeAt(start))
  )
    return false;
  if (end > 0 && end < before.length && isHigh(before.charCodeAt(end - 1)) && isLow(before.charCodeAt(end)))
    return false;
  return after.startsWith(text, start);
}

/** Applies a replacement (inverse check for tests and callers). */
export function applyReplacement(text: string, r: TextReplacement): string {
  return text.slice(0, r.start) + r.text + text.slice(r.end);
}
