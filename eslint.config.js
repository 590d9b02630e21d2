import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noCode = {
  'no-eval': 'error',
  'no-new-func': 'error',
  'no-implied-eval': 'error',
  'no-script-url': 'error',
};

/** Libraries and runtimes the pure core must never reach (see STYLE.md: imports flow one way). */
const coreForbidden = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/core is pure: no React.' },
  { group: ['zustand', 'zustand/*'], message: 'src/core is pure: no store.' },
  {
    group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
    message: 'src/core is pure: no Monaco.',
  },
  { group: ['@rjsf/*'], message: 'src/core is pure: no rjsf.' },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: 'src/core runs in browsers too: no node:*.',
  },
  {
    group: ['@core', '../../*'],
    message: 'Inside core, import siblings by relative path; never leave src/core.',
  },
];

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-cli',
    'dist-e2e',
    'dist-cli.build-*',
    'node_modules',
    'coverage',
    '.bench',
    'src/core/spec/generated',
    'src/lib/precompiled/sectionFormValidators.*',
  ]),
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...noCode,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/*', '!@core'], message: 'Import the core through its one entry: @core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: coreForbidden }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'navigator',
        'process',
        'require',
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store', '**/store/*', 'zustand'],
              message: 'Components are presentational: no store.',
            },
            { group: ['**/features/*'], message: 'Components never import features.' },
            { group: ['**/core/*', '!@core'], message: 'Import the core through its one entry: @core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'zustand', 'monaco-editor', '@rjsf/*'],
              message: 'The CLI and the local server are core + node:* only.',
            },
            { group: ['**/core/*', '!@core'], message: 'Import the core through its one entry: @core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
]);
