import js from '@eslint/js';
import lexical from '@lexical/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import featureIndex from './eslint-rules/feature-index.js';
import layering from './eslint-rules/layering.js';
import { LAYERS, SHARED_RENDERER_FOLDERS } from './eslint-rules/layers.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { warrant: { rules: { layering, 'feature-index': featureIndex } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'warrant/layering': ['error', { root, layers: LAYERS }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a const array and a union type.' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'warrant/feature-index': ['error', { root, folder: 'renderer', shared: SHARED_RENDERER_FOLDERS }],
    },
  },
  {
    // The $function convention of Lexical, wherever editor code lives.
    files: ['src/editor/**/*.ts', 'renderer/editor/**/*.{ts,tsx}', 'renderer/briefings/**/*.{ts,tsx}'],
    plugins: { '@lexical': lexical },
    rules: { '@lexical/rules-of-lexical': 'error' },
  },
  {
    // Build configuration runs in Node at build time, not in the renderer.
    files: ['renderer/vite.config.ts'],
    rules: { 'warrant/layering': 'off' },
  },
);
