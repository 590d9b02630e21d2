// Summarises the hostile-input tests (tests/hostile/**, titles starting "A1: ", "B5: " ...) over the
// Vitest JSON reports of `npm test` / `npm run test:hostile`:
//   hostile inputs: 58 tried, 58 handled, 0 lost
// tried = catalogue inputs with at least one test; handled = all of their tests passed; lost = tried − handled.
import { existsSync, readFileSync } from 'node:fs';

const catalogue = JSON.parse(readFileSync('tests/hostile/catalogue.json', 'utf8')).inputs.map((i) => i.id);
const status = new Map(catalogue.map((id) => [id, { passed: 0, failed: 0 }]));
const reports = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['test-results/unit.json', 'test-results/e2e.json'];
for (const file of reports) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of report.testResults ?? []) {
    if (!suite.name.includes('/tests/hostile/')) continue;
    for (const test of suite.assertionResults ?? []) {
      const id = /^([A-G]\d+)\b/.exec(test.title)?.[1];
      const entry = id && status.get(id);
      if (!entry) continue;
      if (test.status === 'passed') entry.passed++;
      else if (test.status === 'failed') entry.failed++;
    }
  }
}
const tried = [...status].filter(([, s]) => s.passed + s.failed > 0);
const handled = tried.filter(([, s]) => s.failed === 0);
const lost = tried.filter(([, s]) => s.failed > 0).map(([id]) => id);
const missing = [...status].filter(([, s]) => s.passed + s.failed === 0).map(([id]) => id);
console.log(`hostile inputs: ${tried.length} tried, ${handled.length} handled, ${lost.length} lost`);
if (lost.length) console.log(`  failing: ${lost.join(', ')}`);
if (missing.length) console.log(`  not yet covered by a test: ${missing.join(', ')}`);
process.exit(lost.length ? 1 : 0);
