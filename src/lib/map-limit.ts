/**
 * Runs `task` on every item with at most `limit` tasks in flight, and returns the results in the
 * items' order. The build's file steps use it so reading, writing and WebCrypto (which run off
 * the main thread) overlap with the JavaScript work of other files. The first failure rejects
 * the whole call; tasks already started still finish, none are started after it.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < items.length) {
			const index = next++;
			try {
				results[index] = await task(items[index]!, index);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return results;
}

/** How many files the build works on at once: enough to keep the disk and the crypto threads busy. */
export const FILE_CONCURRENCY = 16;
