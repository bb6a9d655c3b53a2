import { describe, expect, it } from 'vitest';
import { runInWorker } from '@/lib/worker-task';

const task = (exported: string) => ({ module: new URL('../support/worker-calls-task.ts', import.meta.url), exported });

describe('runInWorker: a task calling its parent', () => {
	it('gets the answers of the calls it makes, in any order, and its told values reach the parent', async () => {
		const told: string[] = [];
		const result = await runInWorker<number[], number[]>(task('doubleThroughParent'), [3, 1, 2], {
			what: 'doubling',
			serve: {
				// Answers come back out of order: the slower first call must still get its own answer.
				double: async (value: number) => {
					await new Promise((resolve) => setTimeout(resolve, value * 20));
					return value * 2;
				},
				note: (line: string) => void told.push(line),
			},
		});
		expect(result).toEqual([6, 2, 4]);
		expect(told.sort()).toEqual(['asked 1', 'asked 2', 'asked 3']);
	});

	it("rejects the task's call with the parent's error message, which the task can catch", async () => {
		const result = await runInWorker<null, string>(task('callFailing'), null, {
			what: 'failing',
			serve: {
				fail: () => {
					throw new Error('no drawing for you');
				},
			},
		});
		expect(result).toBe('caught: no drawing for you');
	});

	it('fails with a message naming the call when the parent does not serve it', async () => {
		const result = await runInWorker<null, string>(task('callFailing'), null, { what: 'failing' });
		expect(result).toBe('caught: the worker failing asked for "fail", which its parent does not serve');
	});

	it('ends the thread once the task answered, even with a handle left open', async () => {
		const started = performance.now();
		await expect(runInWorker<null, string>(task('leaveTimerOpen'), null, { what: 'waiting' })).resolves.toBe('done');
		expect(performance.now() - started).toBeLessThan(30_000);
	});
});
