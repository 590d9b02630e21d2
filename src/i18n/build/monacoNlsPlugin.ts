/**
 * Vite plugin: Monaco's messages in the app's languages, as data chunks for src/lib/monacoNls.ts.
 *
 * Monaco 0.57 words its UI with `localize(<index>, '<English>')` (monaco-editor/esm/vs/nls.js): each
 * call looks the index up in `globalThis._VSCODE_NLS_MESSAGES` and falls back to the English given in
 * the call. `virtual:spec-studio-monaco-nls/monaco-nls-<locale>` is that array for one app language,
 * `export default { messages, language }`, with no side effect (src/lib/monacoNls.ts decides whether
 * it may still be applied). Its chunk is named monaco-nls-<locale>-<hash>.js (never read as one of the
 * app's own catalogue chunks, <locale>-<hash>.js).
 *
 * - fr, ko, zh-Hant: Monaco's own files (monaco-editor/esm/vs/nls/lang/{fr,ko,zh-tw}.js), whose array
 *   is read here (they would otherwise set the globals themselves when evaluated).
 * - sv (Monaco has none): built here from Monaco's own English (its `localize(<index>, '<English>')`
 *   calls) and src/lib/monacoNlsSv.ts (English → Swedish, for what a user of this app sees); every
 *   other index is left empty, so Monaco shows its English there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { MONACO_SV } from '../../lib/monacoNlsSv.js';

/** `virtual:spec-studio-monaco-nls/monaco-nls-<locale>`: Monaco's messages for one app language. */
const VIRTUAL = 'virtual:spec-studio-monaco-nls/monaco-nls-';
/** Monaco's language file for each app language that has one (Swedish is built here). */
const MONACO_FILES: Record<string, string> = { fr: 'fr', ko: 'ko', 'zh-Hant': 'zh-tw' };

/** monaco-editor/esm/vs, where this project's Monaco is installed. */
export function monacoSourceDir(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  // The package exports `./*` as `./esm/vs/*.js`: nls.js sits at the top of esm/vs.
  return dirname(require.resolve('monaco-editor/nls.js'));
}

/** The value of a JavaScript string literal's body (quotes removed), its escapes decoded. */
export function unescapeJs(body: string): string {
  return body.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g,
    (_m, e: string) => {
      if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
      if (e.length > 1 && (e[0] === 'u' || e[0] === 'x'))
        return String.fromCharCode(parseInt(e.slice(1), 16));
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        b: '\b',
        f: '\f',
        v: '\v',
        '0': '\0',
      };
      if (e === '\n' || e === '\r\n' || e === '\r') return '';
      return simple[e] ?? e;
    },
  );
}

const CALL =
  /\blocalize2?\(\s*(\d+)\s*,\s*(?:'((?:[^'\\\n]|\\[\s\S])*)'|"((?:[^"\\\n]|\\[\s\S])*)"|`((?:[^`\\$]|\\[\s\S])*)`)/g;

/** Every `localize(<index>, '<English>')` of Monaco's sources: index → English. */
export function monacoEnglishMessages(vsDir: string): Map<number, string> {
  const out = new Map<number, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === vsDir && entry.name === 'nls')) walk(path);
      } else if (entry.name.endsWith('.js')) {
        const text = readFileSync(path, 'utf8');
        if (!text.includes('localize')) continue;
        for (const m of text.matchAll(CALL)) {
          out.set(Number(m[1]), unescapeJs(m[2] ?? m[3] ?? m[4] ?? ''));
        }
      }
    }
  };
  walk(vsDir);
  return out;
}

/**
 * The Swedish message array: at each index whose English `translations` has, its Swedish; null
 * elsewhere (Monaco then shows the English of the call). `missing`: the English texts of
 * `translations` that Monaco no longer has (a Monaco upgrade reworded them).
 */
export function swedishMessages(
  english: Map<number, string>,
  translations: Readonly<Record<string, string>> = MONACO_SV,
): { messages: (string | null)[]; missing: string[] } {
  const size = Math.max(-1, ...english.keys()) + 1;
  const messages: (string | null)[] = new Array<string | null>(size).fill(null);
  const found = new Set<string>();
  for (const [index, en] of english) {
    const sv = translations[en];
    if (sv === undefined) continue;
    messages[index] = sv;
    found.add(en);
  }
  return { messages, missing: Object.keys(translations).filter((en) => !found.has(en)) };
}

/** The message array of one of Monaco's language files (`globalThis._VSCODE_NLS_MESSAGES=[…];`). */
export function monacoLanguageFile(vsDir: string, file: string): { messages: string[]; language: string } {
  const text = readFileSync(join(vsDir, 'nls', 'lang', `${file}.js`), 'utf8');
  const m =
    /globalThis\._VSCODE_NLS_MESSAGES=(\[[\s\S]*\]);\s*globalThis\._VSCODE_NLS_LANGUAGE=("[^"]*");?\s*$/.exec(
      text,
    );
  if (!m?.[1] || !m[2]) throw new Error(`monaco-editor/esm/vs/nls/lang/${file}.js: not the expected shape`);
  return { messages: JSON.parse(m[1]) as string[], language: JSON.parse(m[2]) as string };
}

/** A data module, `export default { messages, language }`, for Monaco's array as it is. */
const dataModule = (messages: readonly (string | null)[], language: string): string =>
  // As a literal, like Monaco's own file (a JSON.parse string would escape every quote again).
  `export default { messages: ${JSON.stringify(messages)}, language: ${JSON.stringify(language)} };\n`;

/** The same for a sparse array: only its messages are shipped, every other index is a hole (English). */
function sparseDataModule(messages: readonly (string | null)[], language: string): string {
  const byIndex = Object.fromEntries(messages.flatMap((m, i) => (m === null ? [] : [[i, m]])));
  return (
    `const messages = [];\n` +
    `for (const [i, m] of Object.entries(${JSON.stringify(byIndex)})) messages[Number(i)] = m;\n` +
    `export default { messages, language: ${JSON.stringify(language)} };\n`
  );
}

export function monacoNlsPlugin(root: string): Plugin {
  return {
    name: 'spec-studio-monaco-nls',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return null;
      const locale = id.slice(VIRTUAL.length + 1);
      const vsDir = monacoSourceDir(root);
      const file = MONACO_FILES[locale];
      if (file !== undefined) {
        const { messages, language } = monacoLanguageFile(vsDir, file);
        return dataModule(messages, language);
      }
      if (locale !== 'sv') throw new Error(`no Monaco messages for ${JSON.stringify(locale)}`);
      const { messages, missing } = swedishMessages(monacoEnglishMessages(vsDir));
      if (missing.length > 0)
        this.warn(
          `src/lib/monacoNlsSv.ts: ${missing.length} English text(s) no longer in Monaco (shown in English): ${missing
            .slice(0, 5)
            .map((m) => JSON.stringify(m))
            .join(', ')}`,
        );
      return sparseDataModule(messages, 'sv');
    },
  };
}
