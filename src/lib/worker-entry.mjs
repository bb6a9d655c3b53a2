// The start of every worker thread of `runInWorker` (worker-task.ts). The CLI runs from a compiled
// copy or through tsx, and the tests through Vitest: a worker thread starts with none of them, so
// it registers tsx itself and imports the task's TypeScript source.
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { module, exported, input, yieldToMain } = workerData;
if (yieldToMain)
	try {
		setPriority(0, 19);
	} catch {
		// Not permitted here: the work is the same, only less polite.
	}
const task = (await import(module))[exported];
parentPort.postMessage(await task(input));
