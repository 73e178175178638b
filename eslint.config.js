// Lint: typescript-eslint recommended, plus the layering rule of architecture.md:
// the pure core (catalogue rules, forms, calendar, statistics) imports nothing from
// Office.js, React, the DOM or Node built-ins.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'zlib', 'http', 'https', 'worker_threads', 'buffer', 'process'];
const forbiddenInCore = [
  ...nodeBuiltins.flatMap((m) => [m, `node:${m}`, `node:${m}/*`, `${m}/*`]),
  'react', 'react-dom', 'react-dom/*', '@fluentui/*', 'office-js', '@microsoft/office-js',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-output/**', '**/*.generated.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['addin/catalogue/**/*.ts', 'forms-lib/calendar/**/*.ts', 'forms-lib/register/**/*.ts', 'forms-lib/templates/**/*.ts', 'forms-lib/layout/**/*.ts', 'forms-lib/stats/**/*.ts', 'forms-lib/pdf/**/*.ts', 'addin/usecases/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: forbiddenInCore.filter((p) => !p.includes('*')), patterns: forbiddenInCore.filter((p) => p.includes('*')) }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'Buffer', 'require'],
    },
  },
);
