import { describe, expect, it } from 'vitest';
import { mapInOrder } from '@/runtime/crypto/map-in-order';

/** A promise with its resolve and reject in hand, to settle work in any order the test chooses. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: Error): void } {
	let resolve!: (value: T) => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
	return { promise, resolve, reject };
}

/** A source of 0‥count−1 that records how far it was read and whether it was stopped. */
function counting(count: number) {
	const state = { read: 0, stopped: false };
	async function* source(): AsyncGenerator<number> {
		try {
			for (let item = 0; item < count; item++) {
				state.read = item + 1;
				yield item;
			}
		} finally {
			state.stopped = true;
		}
	}
	return { state, source: source() };
}

const ticks = async (count = 20) => {
	for (let tick = 0; tick < count; tick++) await Promise.resolve();
};

describe('mapInOrder', () => {
	it('gives results out in the order of the source when they settle in reverse', async () => {
		const work = Array.from({ length: 4 }, () => deferred<string>());
		const { source } = counting(4);
		const given: string[] = [];
		const done = (async () => {
			for await (const result of mapInOrder(source, (item) => work[item]!.promise, 4)) given.push(result);
		})();
		await ticks();
		for (const index of [3, 2, 1]) work[index]!.resolve(`chunk ${index}`);
		await ticks();
		// Three are ready, but the first is not: nothing may be given out before it.
		expect(given).toEqual([]);
		work[0]!.resolve('chunk 0');
		await done;
		expect(given).toEqual(['chunk 0', 'chunk 1', 'chunk 2', 'chunk 3']);
	});

	it('keeps at most `window` items started and not yet given out, and reads no further ahead', async () => {
		const work = Array.from({ length: 10 }, () => deferred<number>());
		const { state, source } = counting(10);
		let started = 0;
		let given = 0;
		let most = 0;
		const done = (async () => {
			for await (const result of mapInOrder(
				source,
				(item) => {
					started++;
					most = Math.max(most, started - given);
					return work[item]!.promise;
				},
				3,
			)) {
				expect(result).toBe(given);
				given++;
			}
		})();
		await ticks();
		expect(state.read).toBe(3);
		expect(started).toBe(3);
		// Settled from the back: the window stays full until the oldest is given out.
		for (let index = 9; index >= 0; index--) {
			work[index]!.resolve(index);
			await ticks();
		}
		await done;
		expect(given).toBe(10);
		expect(most).toBe(3);
	});

	it('throws a failed result in its turn: those before it are given out, none after it, and the source stops', async () => {
		const { state, source } = counting(100);
		const given: number[] = [];
		const failure = (async () => {
			for await (const result of mapInOrder(
				source,
				async (item) => {
					// Later items settle first: item 2 fails after 3, 4 and 5 have succeeded.
					await ticks(10 - item);
					if (item === 2) throw new Error('chunk 2 failed authentication');
					return item;
				},
				4,
			))
				given.push(result);
		})();
		await expect(failure).rejects.toThrow('chunk 2 failed authentication');
		expect(given).toEqual([0, 1]);
		expect(state.stopped).toBe(true);
		expect(state.read).toBeLessThanOrEqual(2 + 4);
	});

	it('throws an error of the source at once, and stops the source when the reader stops', async () => {
		async function* broken(): AsyncGenerator<number> {
			yield 1;
			throw new Error('the network went away');
		}
		await expect(
			(async () => {
				for await (const _ of mapInOrder(broken(), async (item) => item, 2));
			})(),
		).rejects.toThrow('the network went away');

		const { state, source } = counting(100);
		for await (const result of mapInOrder(source, async (item) => item, 4)) if (result === 1) break;
		expect(state.stopped).toBe(true);
		expect(state.read).toBeLessThan(10);
	});

	it('refuses a window that is not a whole number of at least one', async () => {
		for (const window of [0, -1, 1.5, Number.NaN])
			await expect(mapInOrder(counting(1).source, async (item) => item, window).next()).rejects.toThrow(RangeError);
	});
});
