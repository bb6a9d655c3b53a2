#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, loaded through tsx so no compile step is needed.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The tsconfig is named so `@/` imports resolve from whatever folder the CLI is run in.
register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
