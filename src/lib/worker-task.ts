import { Worker } from 'node:worker_threads';

/** A function exported by a module, run on a worker thread by `runInWorker`. */
export interface WorkerTask {
	/** The module's URL: `new URL('./module.ts', import.meta.url)`. */
	module: URL;
	/**
	 * The name of the function it exports: given one plain-data argument (and the `ParentThread`),
	 * it returns plain data (or a promise of it).
	 */
	exported: string;
}

/** What a task on a worker thread can ask of the thread that started it (its second argument). */
export interface ParentThread {
	/** Calls the parent's `serve[name]` with a plain-data argument and resolves with its plain-data answer (or rejects with its error's message). */
	call<T>(name: string, argument: unknown): Promise<T>;
	/** Hands a plain-data value to the parent's `serve[name]` without waiting for an answer. */
	tell(name: string, argument: unknown): void;
}

export interface WorkerOptions {
	/** Stops the thread; the promise rejects once it has exited, so nothing it does outlives the call. */
	signal?: AbortSignal;
	/**
	 * Runs the thread at the lowest priority (nice 19 on Linux, where pid 0 is the calling thread
	 * alone), for work beside something the build waits for more.
	 */
	yieldToMain?: boolean;
	/** What the thread does, for the errors that have nothing else to say: "restoring cached clients". */
	what: string;
	/** What the task may `call` or `tell` on this thread, by name. */
	serve?: Readonly<Record<string, (argument: never) => unknown>>;
}

/** The messages between a worker thread and its parent (worker-entry.mjs speaks the other side). */
type FromWorker =
	| { kind: 'result'; value: unknown }
	| { kind: 'call'; id: number; name: string; argument: unknown }
	| { kind: 'tell'; name: string; argument: unknown };

/**
 * Runs `task` on a worker thread with `input` (copied to it as structured data) and resolves with
 * what it returned. Rejects with the task's error, or when the thread stops without an answer or
 * is stopped by `signal`; it settles only once the thread has exited (the parent ends it once the
 * answer is in, so a handle the task left open cannot keep it). The thread starts from
 * `worker-entry.mjs`, which registers tsx: a worker thread inherits neither the compiled CLI's
 * bundle nor Vitest's transform, so it imports the task's TypeScript source itself.
 */
export function runInWorker<Input, Result>(task: WorkerTask, input: Input, options: WorkerOptions): Promise<Result> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
			workerData: { module: task.module.href, exported: task.exported, input, yieldToMain: options.yieldToMain === true },
		});
		let answer: { result: Result } | { error: unknown } | undefined;
		const stop = () => void worker.terminate();
		options.signal?.addEventListener('abort', stop, { once: true });
		if (options.signal?.aborted) stop();
		const served = (name: string) => {
			const handler = options.serve?.[name];
			if (!handler) throw new Error(`the worker ${options.what} asked for "${name}", which its parent does not serve`);
			return handler as (argument: unknown) => unknown;
		};
		worker.on('message', (message: FromWorker) => {
			if (message.kind === 'result') {
				answer ??= { result: message.value as Result };
				void worker.terminate();
			} else if (message.kind === 'tell') {
				try {
					served(message.name)(message.argument);
				} catch (error) {
					answer ??= { error };
					stop();
				}
			} else {
				const { id } = message;
				void (async () => served(message.name)(message.argument))().then(
					(value) => worker.postMessage({ kind: 'reply', id, value }),
					(error: unknown) => worker.postMessage({ kind: 'reply', id, error: error instanceof Error ? error.message : String(error) }),
				);
			}
		});
		worker.once('error', (error) => (answer ??= { error }));
		worker.once('exit', (code) => {
			options.signal?.removeEventListener('abort', stop);
			if (answer && 'result' in answer) resolve(answer.result);
			else if (answer) reject(answer.error);
			else if (options.signal?.aborted) reject(new Error(`the worker ${options.what} was stopped`));
			else reject(new Error(`the worker ${options.what} stopped (exit code ${code}) without an answer`));
		});
	});
}

/**
 * Runs `task` once per input, each on its own thread, all at once, and resolves with their results
 * in order. The first failure stops the other threads and rejects with that failure, once every
 * thread has exited.
 */
export async function runInWorkers<Input, Result>(task: WorkerTask, inputs: readonly Input[], options: WorkerOptions): Promise<Result[]> {
	const stopAll = new AbortController();
	const stopOthers = () => stopAll.abort();
	options.signal?.addEventListener('abort', stopOthers, { once: true });
	let failure: { error: unknown } | undefined;
	const settled = await Promise.all(
		inputs.map((input) =>
			runInWorker<Input, Result>(task, input, { ...options, signal: stopAll.signal }).catch((error: unknown) => {
				// The first error is the cause; the others are the threads it stopped.
				failure ??= { error };
				stopAll.abort();
				return undefined;
			}),
		),
	);
	options.signal?.removeEventListener('abort', stopOthers);
	if (failure) throw failure.error;
	return settled as Result[];
}
