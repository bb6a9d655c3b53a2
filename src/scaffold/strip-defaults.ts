/** Drops unset optional fields (the schema fills them in as `undefined`), so a carried-over item is written as the author wrote it. */
export function stripDefaults<T extends object>(item: T): Partial<T> {
	return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined)) as Partial<T>;
}
