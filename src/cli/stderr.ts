/**
 * The CLI's one door to stderr. Every line is escaped here (spec text, file names and Node's own
 * messages may hold CR, LF, ESC or other controls), and warnings wait until the run ends: a run that
 * succeeds prints them, a failing run prints exactly one line, the error, with the warnings counted.
 */

/**
 * C0 controls (CR, LF, TAB, ESC ...), DEL, C1 controls (CSI U+009B, NEL U+0085 ...), the Unicode line
 * and paragraph separators and the bidirectional controls: what a terminal or a line-based reader
 * would act on instead of showing.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` as one printable line: every character of {@link UNSAFE} is written as an escape (`\n`,
 * `\r`, `\t`, else `\uXXXX`). Backslashes are left alone, so a JSON line stays the same JSON value.
 */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes one escaped line to stderr (the only place the CLI writes to stderr). */
export function writeStderrLine(text: string): void {
  process.stderr.write(`${escapeLine(text)}\n`);
}

let pending: string[] = [];

/** Queues a warning or diagnostic (written as one JSON line) until the run's outcome is known. */
export function warn(diagnostic: object): void {
  pending.push(JSON.stringify(diagnostic));
}

/**
 * Ends a run's stderr: with `error`, exactly one line `spec-studio: <error>`, folding in how many
 * warnings were left out; without it, the queued warnings, one line each.
 */
export function finishStderr(error?: string): void {
  const queued = pending;
  pending = [];
  if (error === undefined) {
    for (const line of queued) writeStderrLine(line);
    return;
  }
  const more =
    queued.length === 0
      ? ''
      : ` (${queued.length} earlier warning${queued.length === 1 ? '' : 's'} not shown)`;
  writeStderrLine(`spec-studio: ${error}${more}`);
}
