/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy of the app, as strict as the stack allows (README "Security" lists each
 * relaxation and its reason). The production build gets it as a meta tag; the dev server gets a copy
 * that also allows Vite's inline React Refresh preamble and its HMR websocket, which only exist in dev.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];
const DEV_CSP = CSP.map((d) =>
  d.startsWith('script-src')
    ? `${d} 'unsafe-inline'`
    : d.startsWith('connect-src')
      ? `${d} ws://127.0.0.1:* ws://localhost:*`
      : d,
);

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

/** Test projects that run the built CLI: built once per run by the shared global setup. */
const BUILT_CLI = {
  environment: 'node',
  globalSetup: ['tests/cli/globalSetup.ts'],
  maxWorkers: 2,
  testTimeout: 30_000,
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: { '@core': fileURLToPath(new URL('./src/core/index.ts', import.meta.url)) } },
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
          environment: 'node',
          pool: 'threads',
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: { ...BUILT_CLI, name: 'cli', include: ['tests/cli/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          ...BUILT_CLI,
          name: 'hostile',
          include: ['tests/hostile/**/*.test.{ts,tsx}'],
          exclude: ['tests/hostile/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/hostile/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
