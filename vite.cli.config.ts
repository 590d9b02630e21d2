import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the `spec-studio` CLI (dist-cli/spec-studio.mjs, which Node 20 runs directly) and a plain ES
 * module of the core (dist-cli/core.mjs) that the benchmarks import.
 */
export default defineConfig({
  resolve: { alias: { '@core': fileURLToPath(new URL('./src/core/index.ts', import.meta.url)) } },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: { 'spec-studio': 'src/cli/main.ts', core: 'src/core/index.ts' },
      output: {
        entryFileNames: '[name].mjs',
        banner: (chunk) => (chunk.name === 'spec-studio' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
