/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import { catalogPlugin } from './src/i18n/build/catalogPlugin.js';
import { monacoNlsPlugin } from './src/i18n/build/monacoNlsPlugin.js';
import { CSP, DEV_CSP } from './src/server/csp.js';

/**
 * The Content-Security-Policy of the app (written once, in src/server/csp.ts; README "Security" lists
 * each relaxation and its reason). The production build gets it as a meta tag; the dev server gets a
 * copy that also allows Vite's inline React Refresh preamble and its HMR websocket, which only exist
 * in dev. `spec-studio serve` and the dev server also send it as a header, with `frame-ancestors`.
 */
function contentSecurityPolicy(): Plugin {
  let policy = CSP;
  return {
    name: 'spec-studio-csp',
    configResolved(config) {
      if (config.command === 'serve') policy = DEV_CSP;
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy.join('; ') },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * `npm run dev` serves the same `/api/` as `spec-studio serve`: the one handler of src/server/api.ts,
 * loaded through Vite (so its `@core` import resolves) on the first request and mounted before Vite's
 * own middlewares, so its Host guard sees every request. `vite preview` gets no API.
 */
function localApi(): Plugin {
  return {
    name: 'spec-studio-local-api',
    apply: 'serve',
    configureServer(server) {
      const httpServer = server.httpServer;
      if (!httpServer) return; // middleware mode (Vitest): no requests to guard
      type DevModule = typeof import('./src/server/dev');
      let handler: Promise<ReturnType<DevModule['createDevHandler']>> | null = null;
      const port = (): number => {
        const address = httpServer.address();
        return typeof address === 'object' && address !== null ? address.port : 0;
      };
      server.middlewares.use((req, res, next) => {
        handler ??= (server.ssrLoadModule('/src/server/dev.ts') as Promise<DevModule>).then((m) =>
          m.createDevHandler(port),
        );
        handler.then(
          (h) => h(req, res, next),
          (error: unknown) => next(error),
        );
      });
    },
  };
}

/**
 * Ships the connection-spec JSON Schema for other editors at `/schema/connection-spec.schema.json`:
 * written into every build from the core's `connectionSpecSchema` (so it cannot go stale, unlike a
 * copy under public/), and served by the dev server from the same function. The core module is
 * loaded through Vite's module runner rather than imported here, so the config itself stays free of
 * the core's extension-less imports.
 */
function connectionSpecSchemaFile(): Plugin {
  type SchemaModule = typeof import('./src/core/kit/schemaFile');
  const entry = fileURLToPath(new URL('./src/core/kit/schemaFile.ts', import.meta.url));
  const FILE = 'schema/connection-spec.schema.json';
  return {
    name: 'spec-studio-schema-file',
    async generateBundle() {
      const { module } = await runnerImport<SchemaModule>(entry, { configFile: false, logLevel: 'error' });
      this.emitFile({
        type: 'asset',
        fileName: module.SCHEMA_FILE_PATH,
        source: module.connectionSpecSchemaText(),
      });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        if ((req.url ?? '').split('?')[0] !== `/${FILE}`) return next();
        (server.ssrLoadModule('/src/core/kit/schemaFile.ts') as Promise<SchemaModule>).then(
          (m) => {
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(req.method === 'HEAD' ? undefined : m.connectionSpecSchemaText());
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}

/** Test projects that run the built CLI: built once per run by the shared global setup. */
const BUILT_CLI = {
  environment: 'node',
  globalSetup: ['tests/cli/globalSetup.ts'],
  maxWorkers: 2,
  testTimeout: 30_000,
};

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    localApi(),
    connectionSpecSchemaFile(),
    catalogPlugin(fileURLToPath(new URL('.', import.meta.url))),
    monacoNlsPlugin(fileURLToPath(new URL('.', import.meta.url))),
  ],
  resolve: {
    alias: {
      '@core': fileURLToPath(new URL('./src/core/index.ts', import.meta.url)),
      // rjsf's Markdown renderer: a plain-text stand-in (see the file for why).
      'markdown-to-jsx/react': fileURLToPath(new URL('./src/vendor/plainMarkdown.tsx', import.meta.url)),
    },
  },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 5000, sourcemap: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/core/**/*.test.ts', 'tests/app/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/app/setup-no-network.ts'],
          environment: 'node',
          pool: 'threads',
          maxWorkers: 2,
          // App tests render whole forms in happy-dom; on a loaded 2-core machine some take 5–10 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: { ...BUILT_CLI, name: 'cli', include: ['tests/cli/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { ...BUILT_CLI, name: 'server', include: ['tests/server/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          ...BUILT_CLI,
          name: 'hostile',
          include: ['tests/hostile/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/app/setup-no-network.ts'],
          exclude: ['tests/hostile/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/hostile/e2e/**/*.test.ts'],
          environment: 'node',
          // The live-run tests serve the build through the built CLI (`spec-studio serve`).
          globalSetup: ['tests/cli/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
