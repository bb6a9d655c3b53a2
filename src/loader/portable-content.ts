import type { LoadedClient, LoadedContent, Parsed } from './load-content';
import type { SourceFile } from './source-file';

/** A parsed file as plain data: its source without the `lineOf` function, which a thread cannot be handed. */
type PortableParsed = Omit<Parsed<unknown>, 'source'> & { source: Omit<SourceFile, 'lineOf'> };

/** Loaded content as plain data, for a worker thread (see `fromPortableContent`). */
export interface PortableContent extends Omit<LoadedContent, 'clients'> {
	clients: Array<Record<string, unknown>>;
}

const isParsed = (value: unknown): value is Parsed<unknown> =>
	typeof value === 'object' && value !== null && 'source' in value && 'stem' in value && 'value' in value;

/** Applies `convert` to every parsed file of a client (the folders' lists and the single files), keeping the rest. */
function mapParsed(client: object, convert: (parsed: never) => unknown): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(client).map(([key, value]) => [
			key,
			Array.isArray(value)
				? value.map((item) => (isParsed(item) ? convert(item as never) : item))
				: isParsed(value)
					? convert(value as never)
					: value,
		]),
	);
}

/**
 * The content as structured data a worker thread can be handed (`postMessage` copies no
 * function): each source file loses `lineOf`. What the check loaded then decides privacy on that
 * thread too, rather than a second read of the files that could differ from what was checked.
 */
export function toPortableContent(content: LoadedContent): PortableContent {
	return {
		...content,
		clients: content.clients.map((client) =>
			mapParsed(
				client,
				({ source: { lineOf: _lineOf, ...source }, ...parsed }: Parsed<unknown>): PortableParsed => ({ ...parsed, source }),
			),
		),
	};
}

/**
 * The content again from `toPortableContent`. `lineOf` answers line 1 for every field: a thread
 * handed checked content renders it, and reports no problem of its content with a line (the check
 * did, before the content was handed on).
 */
export function fromPortableContent(content: PortableContent): LoadedContent {
	return {
		...content,
		clients: content.clients.map(
			(client) =>
				mapParsed(
					client,
					(parsed: PortableParsed): Parsed<unknown> => ({ ...parsed, source: { ...parsed.source, lineOf: () => 1 } }),
				) as unknown as LoadedClient,
		),
	};
}
