// Lint rules, including the dependency rules of ARCHITECTURE.md: the engine and signals libs are
// pure TypeScript, only @bamboo/runtime owns TypeORM and Bull, nobody deep-imports a package's src.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';

const deepImports = {
  group: ['@bamboo/*/src', '@bamboo/*/src/*', '@bamboo/*/dist/*'],
  message: 'Import @bamboo packages by name only.',
};
const frameworkImports = {
  group: [
    '@nestjs/*',
    'typeorm',
    'typeorm/*',
    'bull',
    'ioredis',
    'mysql2',
    'mysql2/*',
    'better-sqlite3',
    'express',
    'fs',
    'fs/*',
    'node:fs',
    'node:fs/*',
    'net',
    'node:net',
    'http',
    'node:http',
    'child_process',
    'node:child_process',
    'vm',
    'node:vm',
    '@bamboo/runtime',
    '@bamboo/component-framework',
    '@bamboo/testing',
  ],
  message:
    'This library is pure TypeScript: talk to storage, queues and the framework through ports (ARCHITECTURE.md).',
};
const persistenceImports = {
  group: ['typeorm', 'typeorm/*', 'bull', '@nestjs/bull', '@nestjs/typeorm', 'ioredis', 'mysql2', 'better-sqlite3'],
  message: 'Only @bamboo/runtime owns TypeORM, Bull and database drivers.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'data/**',
      'apps/admin/web/**',
      '**/*.fixture.ts',
      'jest.config.js',
      'examples/**/jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-relative-packages': 'error',
      'no-restricted-imports': ['error', { patterns: [deepImports] }],
    },
  },
  {
    files: ['libs/engine/**/*.ts', 'libs/signals/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepImports, frameworkImports] }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The engine reads no environment: take options.' },
      ],
    },
  },
  {
    // The component framework's core stays free of Nest so plugins are written and tested without a server.
    files: ['libs/component-framework/src/**/*.ts'],
    ignores: ['libs/component-framework/src/nest/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            deepImports,
            persistenceImports,
            { group: ['@nestjs/*'], message: 'Nest integration lives in src/nest/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/component-framework/src/nest/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImports, persistenceImports] }] },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/test/**/*.ts',
      'libs/testing/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        module: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
  prettier,
);
