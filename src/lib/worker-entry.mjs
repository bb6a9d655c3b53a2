// The start of every worker thread of `runInWorker` (worker-task.ts). The CLI runs from a compiled
// copy or through tsx, and the tests through Vitest: a worker thread starts with none of them, so
// it registers tsx itself and imports the task's TypeScript source.
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const { module, exported, input, yieldToMain } = workerData;
// A compiled task (JavaScript) needs no tsx: every module it imports then loads without tsx's hooks.
if (module.endsWith('.ts')) register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
if (yieldToMain)
	try {
		setPriority(0, 19);
	} catch {
		// Not permitted here: the work is the same, only less polite.
	}

// The task's calls to its parent (see `ParentThread`): answered by id. The port listens only
// while a call waits, so a task that never calls ends its thread as it always did.
const waiting = new Map();
let nextId = 0;
parentPort.on('message', (message) => {
	if (message?.kind !== 'reply') return;
	const pending = waiting.get(message.id);
	waiting.delete(message.id);
	if (waiting.size === 0) parentPort.unref();
	if ('error' in message) pending?.reject(new Error(message.error));
	else pending?.resolve(message.value);
});
parentPort.unref();
const parent = {
	call(name, argument) {
		const id = nextId++;
		parentPort.ref();
		return new Promise((resolve, reject) => {
			waiting.set(id, { resolve, reject });
			parentPort.postMessage({ kind: 'call', id, name, argument });
		});
	},
	tell(name, argument) {
		parentPort.postMessage({ kind: 'tell', name, argument });
	},
};

const task = (await import(module))[exported];
parentPort.postMessage({ kind: 'result', value: await task(input, parent) });
