import { parentPort, workerData } from 'node:worker_threads';
import { restoreCached, type RestoreCachedInput } from './restore-cached';

// The worker thread's body (started by `restoreInWorker` through `restore-worker.mjs`): restores
// and scans the cached clients while the main thread runs Astro.
parentPort!.postMessage(restoreCached(workerData as RestoreCachedInput));
