/**
 * Vite plugin: `import('virtual:spec-studio-catalog/<locale>')` is the part of that language's
 * catalogue the first screen shows, `…/<locale>/later` the rest (`isLaterId`), compiled at build time
 * (see catalogs.ts) into two small chunks per language, loaded when the language is chosen.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { AREAS, isLaterId, isLocale, LOCALES } from '../locales.js';
import { compiledCatalog, localeDir } from './catalogs.js';
// vite.config.ts loads this plugin, where the @core alias does not exist; diagnosticCodes.ts is plain
// data with no imports.
// eslint-disable-next-line no-restricted-imports
import { PREVIEW_DIAGNOSTIC_CODES } from '../../core/diagnosticCodes.js';

/** The messages of the core's codes that only the preview gives (records, runs, the local server). */
const PREVIEW_DIAGNOSTICS: ReadonlySet<string> = new Set(
  PREVIEW_DIAGNOSTIC_CODES.map((c) => `diagnostics.${c}`),
);

/** Whether a message goes to the part of a catalogue loaded after the first paint. */
export function isLaterMessage(id: string): boolean {
  return isLaterId(id) || PREVIEW_DIAGNOSTICS.has(id);
}

const PREFIX = 'virtual:spec-studio-catalog/';

export function catalogPlugin(root: string): Plugin {
  return {
    name: 'spec-studio-catalogs',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const [locale, part] = id.slice(PREFIX.length + 1).split('/');
      if (!isLocale(locale))
        throw new Error(
          `no catalogue for ${JSON.stringify(locale)}: the languages are ${LOCALES.join(', ')}`,
        );
      for (const l of new Set(['en', locale] as const)) {
        for (const area of AREAS) this.addWatchFile(join(localeDir(root, l), `${area}.json`));
      }
      if (part !== undefined && part !== 'later')
        throw new Error(`no catalogue part ${JSON.stringify(part)}`);
      const all = compiledCatalog(root, locale);
      const later = part === 'later';
      const messages = Object.fromEntries(Object.entries(all).filter(([k]) => isLaterMessage(k) === later));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});`;
    },
  };
}
