import { Worker } from 'node:worker_threads';
import type { RestoreCachedInput, RestoreCachedResult } from './restore-cached';

/**
 * Runs `restoreCached` on a worker thread, so that verifying, copying and scanning the cached
 * clients' files (a few seconds for thousands of files) overlaps Astro's render on the main thread
 * instead of following it. Its reads and writes are synchronous on its own thread: none of them
 * waits for the main thread, which Astro keeps busy (on the main thread, the same copy beside Astro
 * made both slower). Rejects with the worker's error (a file the leak scan cannot read, a folder
 * that cannot be written): the build then fails as it would have without the worker. `signal`
 * stops the thread (Astro failed: nothing it restores would be published); the promise settles
 * once the thread has exited, so nothing writes into the folder after it.
 */
export function restoreInWorker(input: RestoreCachedInput, signal?: AbortSignal): Promise<RestoreCachedResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./restore-worker.mjs', import.meta.url), { workerData: input });
		let answer: { result: RestoreCachedResult } | { error: unknown } | undefined;
		const stop = () => void worker.terminate();
		signal?.addEventListener('abort', stop, { once: true });
		worker.once('message', (result: RestoreCachedResult) => (answer ??= { result }));
		worker.once('error', (error) => (answer ??= { error }));
		worker.once('exit', (code) => {
			signal?.removeEventListener('abort', stop);
			if (answer && 'result' in answer) resolve(answer.result);
			else if (answer) reject(answer.error);
			else if (signal?.aborted) reject(new Error('the worker restoring cached clients was stopped'));
			else reject(new Error(`the worker restoring cached clients stopped (exit code ${code}) without an answer`));
		});
	});
}
