#!/usr/bin/env node
// `npm run i18n:check` (part of `npm test`): the message catalogues under src/i18n/locales/ are
// complete, used, valid ICU, and each translation has English's placeholders. See src/i18n/build/check.ts.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('../src/i18n/build/check.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'error',
  resolve: { alias: { '@core': fileURLToPath(new URL('../src/core/index.ts', import.meta.url)) } },
});
const { problems, summary } = module.checkCatalogs(root);
for (const line of summary) console.log(`i18n: ${line}`);
for (const p of problems) console.error(`${p.file}${p.id ? `: ${p.id}` : ''}: ${p.message}`);
if (problems.length > 0) {
  console.error(`i18n:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log('i18n:check: every language complete, every message used and well-formed');
