import { realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  caseErrorText,
  compareCase,
  diffLines,
  expectFrom,
  parseCase,
  runCase,
  type JsonObject,
  type JsonValue,
  type TestCase,
} from '@core';
import { CliError, createWriter, parseArgs, readJson, warnToStderr } from '../io';
import { readSpecModel } from '../specInput';
import { escapeLine } from '../stderr';

export const TEST_HELP = `Usage: spec-studio test --spec <spec.json> [--update] <case.json>...

Runs regression cases (*.case.json) against the spec: each case's sample pages and run inputs go
through the same flatten and simulation as "flatten" and "simulate", and the output is compared with
the case's "expect" (only the keys it holds: records by value and in order, requests as method + URL
with secrets masked, the stop reason). Prints "ok <name>" or "FAIL <name>" with the diff below it
(records added, removed and changed with the changed fields named; requests; stop), then
"tests: N passed, M failed".
A case file: {"name", "pages": [<response>...] or "pageFiles": ["<path>"...], "params": {...}, "auth",
  "windowStart", "windowEnd", "backfill", "expect": {"records", "requests", "stop"}}.
pageFiles are relative to the case file's folder and must stay inside it (no absolute paths, no ".."
  or symbolic link leading out of it), so a case cannot read other files of the machine into its output.
Without windowStart/windowEnd a case uses the 24 hours before now: give the window when the requests
  carry it. An input without a value (a credential) shows as ‹name› in the URL and does not stop a case.
A case without "expect" passes with a note that nothing was compared.
--update: rewrites the "expect" of each failing case (and of a case without one) from the current
  output: the keys it already compares, or all three when it has none. The file's other keys stay in
  their order; 2-space JSON, written atomically (a new file renamed over the old one).
Exit status: 0 when every case passes (or was updated); 1 when any fails; 2 for unusable input (one
stderr line naming the file).`;

/** A case file read and checked: its path, its JSON (for --update), the case and its pages. */
interface LoadedCase {
  file: string;
  raw: JsonObject;
  testCase: TestCase;
  pages: JsonValue[];
}

/**
 * The page file `path` of `caseFile`, resolved against the case file's folder; refused (exit 2) when
 * absolute or when it (or a symbolic link on the way) leads out of that folder.
 */
async function pageFilePath(caseFile: string, index: number, path: string): Promise<string> {
  const where = `${caseFile}: /pageFiles/${index}`;
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path))
    throw new CliError(
      `${where}: ${JSON.stringify(path)} is absolute; page files are relative to the case file`,
    );
  const folder = dirname(resolve(caseFile));
  const inside = (root: string, p: string): boolean => {
    const rel = relative(root, p);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  };
  const target = resolve(folder, path);
  if (!inside(folder, target))
    throw new CliError(`${where}: ${JSON.stringify(path)} leads out of the case file's folder (refused)`);
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new CliError(`${where}: ${JSON.stringify(path)}: no such file`);
  }
  if (!inside(await realpath(folder), real))
    throw new CliError(
      `${where}: ${JSON.stringify(path)} is a link leading out of the case file's folder (refused)`,
    );
  return target;
}

async function loadCase(file: string): Promise<LoadedCase> {
  const raw = await readJson(file, warnToStderr(file));
  const parsed = parseCase(raw);
  if (!parsed.ok) throw new CliError(`${file}: not a usable case: ${caseErrorText(parsed.errors)}`);
  const { testCase } = parsed;
  let pages: JsonValue[] = testCase.pages ?? [];
  if (testCase.pageFiles) {
    pages = [];
    for (const [i, path] of testCase.pageFiles.entries()) {
      const target = await pageFilePath(file, i, path);
      try {
        pages.push(await readJson(target, warnToStderr(target)));
      } catch (error) {
        if (error instanceof CliError) throw new CliError(`${file}: /pageFiles/${i}: ${error.message}`);
        throw error;
      }
    }
  }
  return { file, raw: raw as JsonObject, testCase, pages };
}

/** Replaces `expect` in the case's JSON, keeping every other key where it is; writes atomically. */
async function writeExpect(loaded: LoadedCase, expect: JsonValue): Promise<void> {
  const out: JsonObject = {};
  const put = (k: string, v: JsonValue) =>
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const key of Object.keys(loaded.raw))
    put(key, key === 'expect' ? expect : (loaded.raw[key] as JsonValue));
  if (!Object.hasOwn(out, 'expect')) put('expect', expect);
  const tmp = `${loaded.file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(out, null, 2)}\n`, 'utf8');
    await rename(tmp, loaded.file);
  } catch (error) {
    await rm(tmp, { force: true });
    const code = (error as { code?: string }).code ?? String(error);
    throw new CliError(`${loaded.file}: cannot write the updated case (${code})`);
  }
}

/** `spec-studio test`: regression cases against the spec. */
export async function runTest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { spec: { type: 'string' }, update: { type: 'boolean', default: false } },
  });
  if (!values.spec) throw new CliError('test needs --spec <spec.json> (see --help)');
  if (positionals.length === 0) throw new CliError('test needs at least one case file (see --help)');
  const { model } = await readSpecModel(values.spec);
  // Every case is read and checked before any runs: unusable input fails the whole command (exit 2).
  const cases: LoadedCase[] = [];
  for (const file of positionals) cases.push(await loadCase(file));

  const out = createWriter();
  let passed = 0;
  let failed = 0;
  let updated = 0;
  for (const loaded of cases) {
    const { testCase } = loaded;
    const output = runCase(model, testCase, loaded.pages);
    const diff = compareCase(testCase.expect, output);
    const name = escapeLine(testCase.name);
    const nothing = diff.compared.length === 0;
    if (values.update && (!diff.pass || nothing)) {
      await writeExpect(loaded, expectFrom(output, testCase.expect) as JsonValue);
      updated++;
      await out.line(`updated ${name} (${loaded.file})`);
    } else if (diff.pass) {
      passed++;
      await out.line(
        `ok ${name}${nothing ? ' (nothing compared: the case has no expect; --update writes one)' : ''}`,
      );
    } else {
      failed++;
      await out.line(`FAIL ${name}`);
      for (const line of diffLines(diff)) await out.line(escapeLine(line));
    }
  }
  await out.line(
    `tests: ${passed + updated} passed, ${failed} failed${values.update ? ` (${updated} updated)` : ''}`,
  );
  await out.flush();
  return failed > 0 ? 1 : 0;
}
