import { describe, expect, it } from 'vitest';
import { compileJsonPath, compileLinear, loadRegexEngine, regexEngineLoaded, runJsonPath } from '@core';

// Issue 8 C9: the engine's chunk is not fetched by importing the core (the app's first paint does not
// wait for it); it loads when an entry point asks. Until then, patterns answer "still loading".
describe('loading the linear-time regex engine on request', () => {
  it('is not loaded by importing the core; compileLinear says so instead of answering', async () => {
    // Give a load started at import time every chance to finish.
    await new Promise((r) => setTimeout(r, 50));
    expect(regexEngineLoaded()).toBe(false);
    const r = compileLinear('^a+$', 'ecma');
    expect(r).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(r.ok ? '' : r.message).toMatch(/still loading/);
  });

  it('a JSONPath match() before the load reports the engine, not an empty result', () => {
    const path = compileJsonPath("$[?match(@.s, 'a+')]");
    if (!path.ok) throw new Error(path.message);
    const run = runJsonPath(path.path, [{ s: 'aaa' }]);
    expect(run.matches).toEqual([]);
    expect(run.stopped).toMatch(/still loading/);
  });

  it('loadRegexEngine loads it once and then patterns run', async () => {
    const first = loadRegexEngine();
    expect(loadRegexEngine()).toBe(first);
    expect(await first).toBe(true);
    expect(regexEngineLoaded()).toBe(true);
    const r = compileLinear('^a+$', 'ecma');
    expect(r.ok).toBe(true);
  });
});
