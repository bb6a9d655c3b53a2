import { PUBLIC_INDEX_FILE, type FetchIndexFile } from './sealed-index';

/**
 * Loads one client's Pagefind index. On a private site every index file is sealed; Pagefind is
 * told to run without its Web Worker (`noWorker`) so all its requests go through this page's
 * `fetch`, which is wrapped to decrypt them in memory with the unlocked client's key. A
 * service worker could see the worker's requests too, but would need the key handed to another
 * context that outlives the page, and a first visit would race its installation; the wrapper
 * keeps the key inside the page that unlocked it.
 */
export interface PagefindResult {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	/** The page's text. */
	content: string;
	/** The page's text HTML-escaped, its words as Pagefind numbers them (separated by zero-width spaces where it segmented Chinese). */
	raw_content?: string;
	/** The page's elements with an id (headings among them), at the number of the first word after each. */
	anchors?: Array<{ element: string; id?: string; text?: string; title?: string; location: number }>;
}

export interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	search(
		term: string | null,
		options?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
	): Promise<{
		results: Array<{
			id: string;
			/** Word positions of this search's matches in the page. */ words: number[];
			data(): Promise<PagefindResult>;
		}>;
	}>;
	filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * `sealedReader` is the reader of a private client's sealed index the gate offered (see
 * index-files.ts), `undefined` on a public site. Pagefind swallows some failed loads (an index
 * chunk that cannot be read just contributes no words), so a sealed file that fails
 * authentication would leave the search waiting or quietly incomplete. Every failure is reported
 * through `onFailure` as well as thrown.
 */
export async function loadPagefind(
	base: string,
	client: string,
	sealedReader: FetchIndexFile | undefined,
	onFailure: (error: unknown) => void = () => {},
): Promise<Pagefind> {
	const clientRoot = `${base}${client}/`;
	const folder = `${clientRoot}pagefind/`;
	if (sealedReader) wrapFetch(folder, sealedReader, onFailure);
	const pagefind = (await import(/* @vite-ignore */ `${folder}pagefind.js`)) as Pagefind;
	await pagefind.options({ basePath: folder, baseUrl: clientRoot, noWorker: true, excerptLength: 24 });
	return pagefind;
}

function wrapFetch(folder: string, fetchIndexFile: FetchIndexFile, onFailure: (error: unknown) => void): void {
	const original = globalThis.fetch.bind(globalThis);
	globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(input instanceof Request ? input.url : String(input), location.href);
		const name = url.pathname.slice(folder.length);
		if (url.origin !== location.origin || !url.pathname.startsWith(folder) || PUBLIC_INDEX_FILE.test(name)) return original(input, init);
		try {
			// Decrypted bytes go straight to Pagefind: never into localStorage, sessionStorage or a cache.
			return new Response(await fetchIndexFile(name), { status: 200 });
		} catch (error) {
			onFailure(error);
			throw error;
		}
	};
}
