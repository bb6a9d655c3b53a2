// Starts the worker thread of `restoreInWorker` (restore-in-worker.ts). The CLI runs from a
// compiled copy or through tsx, and the tests through Vitest: a worker thread starts with none of
// them, so it registers tsx itself. It runs beside Astro, so its start costs the build nothing.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../../tsconfig.json', import.meta.url).pathname });
await import('./restore-worker.ts');
