import 'fake-indexeddb/auto';

/**
 * Setup of the unit and hostile projects: in a happy-dom test, `fetch` would really connect (a relative
 * URL resolves against http://localhost:3000, so the app's `GET /api/status` after first paint did, and
 * logged ECONNREFUSED). App tests send nothing: an http(s) fetch is refused like an unreachable server,
 * which the app handles (Live run shows disabled). `blob:` and `data:` URLs still work.
 */
if (typeof window !== 'undefined' && 'happyDOM' in window) {
  const original = window.fetch.bind(window);
  const refuse = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/^(blob|data):/i.test(url)) return original(input, init);
    return Promise.reject(new TypeError(`app tests send nothing (fetch ${url})`));
  };
  window.fetch = refuse as typeof window.fetch;
  globalThis.fetch = refuse as typeof globalThis.fetch;
}

// Messages: the app awaits its language's catalogue before the first render (src/app/main.tsx); tests
// render components directly, so English is loaded here, before any test.
await (await import('../../src/i18n')).initLocale();
