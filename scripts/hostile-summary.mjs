// Summarises the hostile-input tests (tests/hostile/**, titles starting "A1: ", "B5: " ...) over the
// Vitest JSON reports of `npm test` / `npm run test:hostile`:
//   hostile inputs: 55 tried, 55 handled, 0 lost; 3 static checks
// tried = catalogue inputs with at least one executed test (one that feeds the input to the code);
// handled = all of their tests passed; lost = tried − handled. A test that only reads source or build
// text marks itself with "[static]" after its id ("G1 [static]: ..."): an input covered only by such
// tests is a static check, counted apart and never as tried.
// Exits 1 when a report is missing, a test failed, or a catalogue input has no test at all.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ID = /^([A-G]\d+)(\s*\[static\])?(?=[\s:/–,-])/;

/**
 * The summary of `reports` (parsed Vitest JSON reports) against the catalogue ids: the line to print,
 * the problems that fail the run, and the per-id counts.
 */
export function summarise(ids, reports) {
  const status = new Map(ids.map((id) => [id, { passed: 0, failed: 0, staticPassed: 0, staticFailed: 0 }]));
  for (const report of reports) {
    for (const suite of report.testResults ?? []) {
      if (!suite.name.includes('/tests/hostile/')) continue;
      for (const test of suite.assertionResults ?? []) {
        const m = ID.exec(test.title);
        const entry = m && status.get(m[1]);
        if (!entry || (test.status !== 'passed' && test.status !== 'failed')) continue;
        const isStatic = m[2] !== undefined;
        const ok = test.status === 'passed';
        if (isStatic) entry[ok ? 'staticPassed' : 'staticFailed']++;
        else entry[ok ? 'passed' : 'failed']++;
      }
    }
  }
  const rows = [...status];
  const tried = rows.filter(([, s]) => s.passed + s.failed > 0);
  const lost = tried.filter(([, s]) => s.failed + s.staticFailed > 0).map(([id]) => id);
  const statics = rows.filter(([, s]) => s.passed + s.failed === 0 && s.staticPassed + s.staticFailed > 0);
  const staticFailing = statics.filter(([, s]) => s.staticFailed > 0).map(([id]) => id);
  const untested = rows.filter(([, s]) => s.passed + s.failed + s.staticPassed + s.staticFailed === 0);
  const line =
    `hostile inputs: ${tried.length} tried, ${tried.length - lost.length} handled, ${lost.length} lost; ` +
    `${statics.length} static check${statics.length === 1 ? '' : 's'}`;
  const problems = [];
  if (lost.length) problems.push(`failing: ${lost.join(', ')}`);
  if (staticFailing.length) problems.push(`static checks failing: ${staticFailing.join(', ')}`);
  if (untested.length) problems.push(`no executed test: ${untested.map(([id]) => id).join(', ')}`);
  const notes = statics.length
    ? [`static checks only (source or build read, no input run): ${statics.map(([id]) => id).join(', ')}`]
    : [];
  return { line, problems, notes };
}

function main() {
  const ids = JSON.parse(readFileSync('tests/hostile/catalogue.json', 'utf8')).inputs.map((i) => i.id);
  const files = process.argv.slice(2).length
    ? process.argv.slice(2)
    : ['test-results/unit.json', 'test-results/e2e.json'];
  const missing = files.filter((f) => !existsSync(f));
  const reports = files.filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const { line, problems, notes } = summarise(ids, reports);
  console.log(line);
  for (const note of notes) console.log(`  ${note}`);
  for (const f of missing) problems.unshift(`report missing: ${f} (run the tests that write it first)`);
  for (const p of problems) console.log(`  ${p}`);
  process.exit(problems.length ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
