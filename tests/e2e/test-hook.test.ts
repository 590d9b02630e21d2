/**
 * Issue 8, B6: the production build exposes no test hook. `npm run build` (mode "production") must
 * not contain `window.__specStudio` (the store and the Monaco model, which e2e tests read); the e2e
 * build (`vite build --mode e2e`, served by the harness) keeps it. The production build is made here,
 * into a private folder, so the check never depends on what dist/ holds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from './harness';

const ROOT = new URL('../../', import.meta.url).pathname;
const HOOK = '__specStudio';
let prod = '';

/** The built files (scripts and the page) of a build folder that mention the test hook. */
function filesWithHook(dir: string): string[] {
  const files = ['index.html', ...readdirSync(join(dir, 'assets')).map((f) => join('assets', f))];
  return files.filter((f) => /\.(js|html)$/.test(f) && readFileSync(join(dir, f), 'utf8').includes(HOOK));
}

beforeAll(() => {
  prod = mkdtempSync(join(tmpdir(), 'spec-studio-prod-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      prod,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}, 240_000);

afterAll(() => {
  if (prod) rmSync(prod, { recursive: true, force: true });
});

describe('test hook', () => {
  it('the production build has no test hook anywhere in its scripts or page', () => {
    expect(readdirSync(join(prod, 'assets')).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(3);
    expect(filesWithHook(prod)).toEqual([]);
  });

  it('the e2e build the tests run against keeps it (so the check above looks for the right name)', () => {
    expect(filesWithHook(DIST).length).toBeGreaterThan(0);
  });
});
