/**
 * Where a share link keeps the document: the URL fragment `#share=…`. Apart from shareLink.ts (which
 * pulls in the inflate library), so the app can look for a link at start without loading the decoder.
 */
/** The fragment key; the value is `<format version>.<data>`. */
export const SHARE_FRAGMENT_KEY = 'share';

/** The value of `share=` in a URL fragment (with or without `#`), or null when it is not a share link. */
export function shareFragmentValue(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith(`${SHARE_FRAGMENT_KEY}=`) ? h.slice(SHARE_FRAGMENT_KEY.length + 1) : null;
}
