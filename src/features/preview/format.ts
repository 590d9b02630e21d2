/** "1,234": a count with thousands separators (en-US, like the rest of the app). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 record" / "3 records". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "12.3 KB": a size for people. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
