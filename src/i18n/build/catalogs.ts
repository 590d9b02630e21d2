/**
 * Build-time side of the message catalogues (Node only): read src/i18n/locales/<locale>/<area>.json,
 * merge a language's areas, compile every ICU message to Lingui's compiled form (plain data: arrays
 * and strings, so the app never parses or evaluates a message at run time), and list what a message
 * expects (its arguments and its `<0>…</0>` element tags). Used by the Vite plugin (catalogPlugin.ts)
 * and by `npm run i18n:check` (check.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { AREAS, type Locale } from '../locales.js';

export interface CatalogEntry {
  id: string;
  message: string;
  /** Where the message is written: `src/i18n/locales/sv/app.json`. */
  file: string;
}

export interface CatalogProblem {
  file: string;
  id?: string;
  message: string;
}

export function localeDir(root: string, locale: Locale): string {
  return join(root, 'src', 'i18n', 'locales', locale);
}

/** Every message of a language, by id, with the problems met reading it (bad JSON, a non-string, an id in two areas, an unknown area file). */
export function readCatalog(
  root: string,
  locale: Locale,
): { entries: Map<string, CatalogEntry>; problems: CatalogProblem[] } {
  const dir = localeDir(root, locale);
  const entries = new Map<string, CatalogEntry>();
  const problems: CatalogProblem[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  for (const f of files) {
    const file = `src/i18n/locales/${locale}/${f}`;
    if (!(AREAS as readonly string[]).includes(f.slice(0, -5))) {
      problems.push({
        file,
        message: `${f} is not one of the areas (${AREAS.join(', ')}): add it to AREAS in src/i18n/locales.ts`,
      });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (error) {
      problems.push({ file, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      problems.push({ file, message: 'must be one JSON object of id → message' });
      continue;
    }
    for (const [id, message] of Object.entries(data)) {
      if (typeof message !== 'string') {
        problems.push({ file, id, message: 'the message must be a string' });
        continue;
      }
      const before = entries.get(id);
      if (before) {
        problems.push({ file, id, message: `also in ${before.file}: an id lives in one area only` });
        continue;
      }
      entries.set(id, { id, message, file });
    }
  }
  return { entries, problems };
}

/** The compiled form of one message; throws with the parser's reason when the ICU syntax is wrong. */
export function compileOne(message: string): CompiledMessage {
  return compileMessageOrThrow(message);
}

/** What a message expects: argument names (`{name}`, `{count, plural, …}`) and element tags (`<0>`). */
export function messageShape(message: string): { args: string[]; tags: string[] } {
  const args = new Set<string>();
  const walk = (tokens: CompiledMessage): void => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      const [name, , format] = token;
      if (name !== '#') args.add(name);
      if (format && typeof format === 'object' && !Array.isArray(format)) {
        for (const [key, choice] of Object.entries(format as Record<string, unknown>)) {
          if (key !== 'offset' && Array.isArray(choice)) walk(choice as CompiledMessage);
        }
      }
    }
  };
  walk(compileOne(message));
  const tags = new Set<string>();
  for (const m of message.matchAll(/<(\d+)\s*\/?>/g)) tags.add(m[1] as string);
  return { args: [...args].sort(), tags: [...tags].sort() };
}

/** A language's catalogue compiled, English filling any gap (i18n:check keeps gaps from landing). */
export function compiledCatalog(root: string, locale: Locale): Record<string, CompiledMessage> {
  const out: Record<string, CompiledMessage> = Object.create(null) as Record<string, CompiledMessage>;
  const fill = (l: Locale): void => {
    const { entries, problems } = readCatalog(root, l);
    if (problems.length > 0) {
      const p = problems[0] as CatalogProblem;
      throw new Error(`${p.file}${p.id ? ` (${p.id})` : ''}: ${p.message}`);
    }
    for (const e of entries.values()) {
      try {
        out[e.id] = compileOne(e.message);
      } catch (error) {
        throw new Error(`${e.file} (${e.id}): not a valid ICU message: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  };
  if (locale !== 'en') fill('en');
  fill(locale);
  return out;
}
