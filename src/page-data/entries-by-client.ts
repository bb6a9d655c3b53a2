/** The client folder an entry id starts with: "acme/updates/2026-01-09" → "acme". */
export const clientOf = (entry: { id: string }) => entry.id.split('/')[0]!;

/** Entries grouped by the client folder their id starts with, each group in the entries' order. */
export function groupByClient<E extends { id: string }>(entries: readonly E[]): Map<string, E[]> {
	const groups = new Map<string, E[]>();
	for (const entry of entries) {
		const client = clientOf(entry);
		const group = groups.get(client);
		if (group) group.push(entry);
		else groups.set(client, [entry]);
	}
	return groups;
}

/**
 * One client's entries of a collection, from an index built once per collection: `load` is asked
 * for each collection at most once, however many clients ask. Astro's `getCollection` copies every
 * entry of the collection (it walks each entry's data for image references) before it applies a
 * filter, so asking it once per client with a filter cost clients × all entries copies, which grew
 * with the square of the agency. Each call returns a new array, which the caller may sort.
 */
export function entriesByClient<C extends string, E extends { id: string }>(
	load: (collection: C) => Promise<readonly E[]>,
): (collection: C, client: string) => Promise<E[]> {
	const indexes = new Map<C, Promise<Map<string, E[]>>>();
	return async (collection, client) => {
		let index = indexes.get(collection);
		if (!index) {
			index = load(collection).then(groupByClient);
			indexes.set(collection, index);
			// A failed load is not remembered: the next page asks again (and reports the same error).
			index.catch(() => indexes.delete(collection));
		}
		return [...((await index).get(client) ?? [])];
	};
}
