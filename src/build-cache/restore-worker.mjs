// Starts the worker thread of `restoreInWorker` (restore-in-worker.ts). The CLI runs from a
// compiled copy or through tsx, and the tests through Vitest: a worker thread starts with none of
// them, so it registers tsx itself. It runs beside Astro, so its start costs the build nothing.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./restore-worker.ts');
