// The monorepo's rules (module boundaries, floating promises...) plus React's rules of hooks for the portal.
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../eslint.config.mjs';

export default defineConfig(
  root,
  // Builds into another folder (PORTAL_DIST_DIR) are output, like .next.
  { ignores: ['.next-*/**'] },
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
