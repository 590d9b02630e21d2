/**
 * `npm run i18n:check`: every language has every English message and no other, every message is used
 * by the code, every message compiles, and each translation expects the same arguments and element
 * tags as its English source. Returns the problems (each located: file and id) and a summary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticMessageIds } from '../dynamic/diagnostics.js';
import { schemaMessageIds } from '../dynamic/schema.js';
import { LOCALES, SOURCE_LOCALE } from '../locales.js';
import { messageShape, readCatalog, type CatalogProblem } from './catalogs.js';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'locales' && name !== 'node_modules') sourceFiles(path, out);
    } else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Every quoted token of the app's sources that looks like a message id (`'app.topBar.library'`,
 * `"x.y"`, `` `x.y` ``): dotted words without spaces, so a template literal with `${…}` or a stray
 * backtick in a comment cannot swallow the code around it.
 */
export function literalsIn(root: string): Set<string> {
  const seen = new Set<string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) seen.add(m[2] as string);
  }
  return seen;
}

export interface CheckResult {
  problems: CatalogProblem[];
  summary: string[];
}

/** `dynamicIds`: the ids the app builds at run time (default: from src/i18n/dynamic/; tests pass their own). */
export function checkCatalogs(root: string, dynamicIds?: readonly string[]): CheckResult {
  const problems: CatalogProblem[] = [];
  const summary: string[] = [];
  const source = readCatalog(root, SOURCE_LOCALE);
  problems.push(...source.problems);
  const dynamic = new Set(dynamicIds ?? [...diagnosticMessageIds(), ...schemaMessageIds()]);
  const literals = literalsIn(root);
  const shapes = new Map<string, { args: string[]; tags: string[] }>();
  for (const e of source.entries.values()) {
    const area = e.file
      .split('/')
      .pop()
      ?.replace(/\.json$/, '');
    if (!e.id.startsWith(`${area}.`))
      problems.push({ file: e.file, id: e.id, message: `an id of ${area}.json starts with "${area}."` });
    try {
      shapes.set(e.id, messageShape(e.message));
    } catch (error) {
      problems.push({
        file: e.file,
        id: e.id,
        message: `not a valid ICU message: ${(error as Error).message}`,
      });
    }
    if (!literals.has(e.id) && !dynamic.has(e.id))
      problems.push({ file: e.file, id: e.id, message: 'no code uses this id: remove it, or use it' });
  }
  for (const id of dynamic) {
    if (!source.entries.has(id))
      problems.push({
        file: `src/i18n/locales/${SOURCE_LOCALE}`,
        id,
        message: 'the app builds this id at run time but English has no message for it',
      });
  }
  summary.push(`${SOURCE_LOCALE}: ${source.entries.size} messages (${dynamic.size} built at run time)`);
  for (const locale of LOCALES) {
    if (locale === SOURCE_LOCALE) continue;
    const { entries, problems: read } = readCatalog(root, locale);
    problems.push(...read);
    let same = 0;
    for (const e of source.entries.values()) {
      const tr = entries.get(e.id);
      if (!tr) {
        problems.push({
          file: `src/i18n/locales/${locale}/${e.file.split('/').pop()}`,
          id: e.id,
          message: `missing: ${locale} has no message for this id`,
        });
        continue;
      }
      if (tr.message === e.message && /[a-z]{4,}\s+[a-z]{3,}/i.test(e.message)) same++;
      const want = shapes.get(e.id);
      let got: { args: string[]; tags: string[] };
      try {
        got = messageShape(tr.message);
      } catch (error) {
        problems.push({
          file: tr.file,
          id: e.id,
          message: `not a valid ICU message: ${(error as Error).message}`,
        });
        continue;
      }
      if (want && (want.args.join() !== got.args.join() || want.tags.join() !== got.tags.join())) {
        problems.push({
          file: tr.file,
          id: e.id,
          message: `placeholders differ from English: English has {${want.args.join('}, {')}}${want.tags.length ? ` and <${want.tags.join('>, <')}>` : ''}, ${locale} has {${got.args.join('}, {')}}${got.tags.length ? ` and <${got.tags.join('>, <')}>` : ''}`,
        });
      }
    }
    for (const tr of entries.values()) {
      if (!source.entries.has(tr.id))
        problems.push({ file: tr.file, id: tr.id, message: 'English has no such id (renamed or removed?)' });
    }
    summary.push(
      `${locale}: ${entries.size} messages${same ? `, ${same} identical to English (names and terms kept as is)` : ''}`,
    );
  }
  return { problems, summary };
}
