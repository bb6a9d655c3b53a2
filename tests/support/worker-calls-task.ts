import type { ParentThread } from '@/lib/worker-task';

/** Asks the parent to double each value, all at once, and tells it about each. */
export async function doubleThroughParent(values: number[], parent: ParentThread): Promise<number[]> {
	return Promise.all(
		values.map((value) => {
			parent.tell('note', `asked ${value}`);
			return parent.call<number>('double', value);
		}),
	);
}

/** Calls `fail` and returns what its rejection said. */
export async function callFailing(_input: null, parent: ParentThread): Promise<string> {
	return parent.call('fail', null).then(
		() => 'answered',
		(error: Error) => `caught: ${error.message}`,
	);
}

/** Answers at once but leaves a long timer running, which must not keep the thread alive. */
export function leaveTimerOpen(): string {
	setTimeout(() => undefined, 600_000);
	return 'done';
}
