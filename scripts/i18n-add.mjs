#!/usr/bin/env node
// Adds (or replaces) messages in the catalogues: `node scripts/i18n-add.mjs entries.json`, where
// entries.json is { "<id>": { "en": "…", "sv": "…", "fr": "…", "ko": "…", "zh-Hant": "…" }, … }.
// Each id goes to its area's file (the part of the id before the first dot) in every language;
// an id already there is replaced in place, a new one is appended. Each file is read and written
// in one step, so helpers adding to the same area at about the same time do not undo each other.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALES = ['en', 'sv', 'fr', 'ko', 'zh-Hant'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'i18n', 'locales');
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/i18n-add.mjs entries.json');
  process.exit(2);
}
const entries = JSON.parse(readFileSync(file, 'utf8'));
const byArea = new Map();
for (const [id, texts] of Object.entries(entries)) {
  for (const l of LOCALES) if (typeof texts[l] !== 'string') throw new Error(`${id}: no ${l} text`);
  const area = id.slice(0, id.indexOf('.'));
  if (!byArea.has(area)) byArea.set(area, []);
  byArea.get(area).push([id, texts]);
}
for (const [area, list] of byArea)
  for (const l of LOCALES) {
    const path = join(root, l, `${area}.json`);
    const cat = JSON.parse(readFileSync(path, 'utf8'));
    for (const [id, texts] of list) cat[id] = texts[l];
    writeFileSync(path, JSON.stringify(cat, null, 2) + '\n');
  }
console.log(`${Object.keys(entries).length} messages added to ${[...byArea.keys()].join(', ')}`);
