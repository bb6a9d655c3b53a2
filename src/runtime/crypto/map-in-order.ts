/**
 * Maps `source` through `start` with up to `window` results pending at once, and yields the
 * results in the source's order, whatever order they settle in. What it is for: WebCrypto answers
 * each call after a hop to its own thread and back, so a reader that waits for one chunk's
 * decryption before asking for the next leaves that thread idle between calls; with several calls
 * queued it never waits. Memory stays bounded: at most `window` items are started and not yet
 * given out, and the source is read no further ahead than that.
 *
 * A rejected result is thrown when its turn comes (the results before it are given out first, none
 * after it), and then nothing more is read. An error of the source itself is thrown at once.
 * Stopping early (`return`, a `for await` left) stops the source.
 */
export async function* mapInOrder<T, R>(
	source: AsyncIterable<T>,
	start: (item: T, index: number) => Promise<R>,
	window: number,
): AsyncGenerator<R> {
	if (!Number.isInteger(window) || window < 1) throw new RangeError(`the window must be a whole number of at least 1, not ${window}`);
	const iterator = source[Symbol.asyncIterator]();
	const pending: { result: Promise<R>; settled: boolean }[] = [];
	let index = 0;
	let ended = false;
	try {
		for (;;) {
			// Read ahead while there is room, but give out the oldest as soon as it is ready: a slow
			// source must not hold back a result that could already be written.
			while (!ended && pending.length < window && !pending[0]?.settled) {
				const next = await iterator.next();
				if (next.done) {
					ended = true;
					break;
				}
				const entry = { result: start(next.value, index++), settled: false };
				// Awaited in turn below; until then a rejection must not count as unhandled.
				entry.result.then(
					() => (entry.settled = true),
					() => (entry.settled = true),
				);
				pending.push(entry);
			}
			const oldest = pending.shift();
			if (!oldest) return;
			yield await oldest.result;
		}
	} finally {
		if (!ended) await iterator.return?.();
	}
}
