import { runInWorker } from '@/lib/worker-task';
import type { RestoreCachedInput, RestoreCachedResult } from './restore-cached';

/**
 * Runs `restoreCached` on a worker thread, so that verifying, copying and scanning the cached
 * clients' files (a few seconds for thousands of files) overlaps Astro's render on the main thread
 * instead of following it. Its reads and writes are synchronous on its own thread: none of them
 * waits for the main thread, which Astro keeps busy (on the main thread, the same copy beside Astro
 * made both slower). Astro's render is what the build waits for, so the thread yields to it.
 * Rejects with the worker's error (a file the leak scan cannot read, a folder that cannot be
 * written): the build then fails as it would have without the worker. `signal` stops the thread
 * (Astro failed: nothing it restores would be published); the promise settles once the thread has
 * exited, so nothing writes into the folder after it.
 */
export function restoreInWorker(input: RestoreCachedInput, signal?: AbortSignal): Promise<RestoreCachedResult> {
	return runInWorker({ module: new URL('./restore-cached.ts', import.meta.url), exported: 'restoreCached' }, input, {
		signal,
		yieldToMain: true,
		what: 'restoring cached clients',
	});
}
