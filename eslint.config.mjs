import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettierRecommended from 'eslint-plugin-prettier/recommended';

export default [
  {
    ignores: [
      '**/dist',
      'packages/service/dashboard',
      '**/node_modules',
      '**/.nx',
      '**/coverage',
      '**/test-output',
      '**/tmp',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The CLI import()s these on demand to start fast; Node splits no bundle, so the modules it
          // loads that way, and tests, may import them statically.
          checkDynamicDependenciesExceptions: ['@magekit/nest', '@magekit/service'],
          depConstraints: [
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:nest', onlyDependOnLibsWithTags: ['scope:core', 'scope:nest', 'scope:testing'] },
            {
              sourceTag: 'scope:app',
              onlyDependOnLibsWithTags: ['scope:core', 'scope:nest', 'scope:app', 'scope:testing'],
            },
            { sourceTag: 'scope:tool', onlyDependOnLibsWithTags: ['scope:core', 'scope:nest', 'scope:tool'] },
            // @magekit/testing (tools/testing) holds test helpers only and depends on no workspace package.
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The shared test helpers are for tests only: specs, test-support folders and end-to-end suites.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.spec.ts', '**/*.spec.tsx', '**/test-support/**', '**/e2e/**', 'tools/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@magekit/testing', '@magekit/testing/*'],
              message: '@magekit/testing is for tests only (specs and test-support).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
      },
    },
  },
  // Formatting is Prettier's (.prettierrc.json): a file it would change is a lint error.
  prettierRecommended,
];
