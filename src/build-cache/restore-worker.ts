import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { restoreCached, type RestoreCachedInput } from './restore-cached';

// The worker thread's body (started by `restoreInWorker` through `restore-worker.mjs`): restores
// and scans the cached clients while the main thread runs Astro. Astro's render is what the build
// waits for, so this thread yields to it: on Linux a nice value set with pid 0 is the calling
// thread's alone. Where that is refused, the work is the same, only less polite.
try {
	setPriority(0, 19);
} catch {
	// Not permitted here: run at the process's priority.
}
parentPort!.postMessage(restoreCached(workerData as RestoreCachedInput));
