import tseslint from 'typescript-eslint';
import layerImports from './eslint-rules/layer-imports.js';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { plustwin: { rules: { 'layer-imports': layerImports } } },
    rules: {
      'plustwin/layer-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
