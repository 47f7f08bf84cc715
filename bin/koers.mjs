#!/usr/bin/env node
// The `koers` command (package.json "bin"): runs the TypeScript CLI through
// tsx's loader, with the root tsconfig so the `@koers/*` path aliases resolve.
// No build step: `npm ci` then `npx koers check DIR`.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)) });
await import('../apps/cli/src/main.ts');
