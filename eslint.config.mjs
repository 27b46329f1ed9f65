// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const notInWorkflows = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'workflow code is deterministic and sandboxed: no Node builtins',
  })),
  patterns: [
    {
      group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
      message: 'workflows use @temporalio/workflow only',
    },
    { group: ['@nestjs/*', 'typeorm', 'pg', 'express'], message: 'workflows never see NestJS, TypeORM or pg' },
    {
      group: ['**/activities', '**/activities/*'],
      allowTypeImports: true,
      message: 'workflows reach activities through proxyActivities (type imports only)',
    },
    {
      group: ['**/api/**', '**/worker/**', '**/persistence/**', '**/config/**'],
      message: 'workflows do not import the API, the worker, persistence or process config',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
      'console/dist/**',
      'console/src/api/schema.d.ts', // generated from the OpenAPI document (npm run api-schema)
      'jest.config.js',
      'stryker.config.mjs',
      'test/stryker.jest.config.js',
      '.stryker-tmp/**', // the mutation run's sandbox (a copy of the project)
      'reports/**',
      'eslint.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      // Prettier (printWidth 120) cannot break long strings, template literals or comments: keep those within 120 too
      'max-len': ['error', { code: 120, ignoreUrls: true, ignorePattern: '^import ' }],
      // a package's public entry point only: its internals move between releases
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@*/*/dist/**', '@*/*/lib/**', 'typeorm/*/**'],
              message: "import the package's public entry point",
            },
          ],
        },
      ],
    },
  },
  {
    // NestJS injects by the runtime type of constructor parameters: those imports must stay values.
    files: ['api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', notInWorkflows] },
  },
  {
    files: ['workflows/definitions/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...notInWorkflows,
          patterns: [
            ...notInWorkflows.patterns,
            {
              group: ['../*', '!./*', '@temporalio/*', '!@temporalio/workflow'],
              message: 'definitions import only @temporalio/workflow and each other',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['api/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/activities',
                '**/activities/**',
                '**/worker',
                '**/worker/**',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message: 'the API never imports activities or worker code',
            },
            {
              group: ['**/workflows/*', '!**/workflows/definitions'],
              message: 'the API imports workflow definitions only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'tooling/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
