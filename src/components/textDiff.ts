/** The minimal text replacement lives in src/lib (the store's undo history uses it too). */
export { applyReplacement, minimalReplacement, type TextReplacement } from '../lib/textDiff';
