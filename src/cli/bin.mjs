#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript, loaded through tsx so no compile step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./index.ts');
process.exitCode = await main(process.argv.slice(2));
