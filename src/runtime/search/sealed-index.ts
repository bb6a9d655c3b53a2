/**
 * How a private client's sealed search index is laid out (written by
 * src/encrypt/seal-search-index.ts) and read back in the browser.
 *
 * `pagefind/pagefind.js` and `pagefind/wasm.<language>.pagefind` are Pagefind's generic runtime
 * and stay readable. Every other file Pagefind wrote lives under a random name; the sealed
 * manifest, named after the build id, maps Pagefind's names to those random names.
 */
export const PUBLIC_INDEX_FILE = /^(pagefind\.js|wasm\.[a-z-]+\.pagefind)$/;

/** The sealed map from Pagefind's file names (relative to `pagefind/`) to the published names. */
export interface IndexManifest {
	v: 1;
	files: Record<string, string>;
}

/** The manifest's name below `pagefind/`: the build id, random for every build. */
export const indexManifestName = (buildId: string): string => buildId;

/** Fetches a sealed file of the client by its path below the client folder, decrypted in memory. */
export type FetchDecrypted = (path: string) => Promise<ArrayBuffer>;

/** Opens a Pagefind file by Pagefind's own name (relative to `pagefind/`). */
export type FetchIndexFile = (pagefindName: string) => Promise<ArrayBuffer>;

/**
 * The reader of one build's sealed index. The manifest is fetched on the first request only, so
 * a page that never searches never downloads it; after that each file Pagefind asks for costs
 * exactly one request, as before.
 */
export function sealedIndex(fetchDecrypted: FetchDecrypted, buildId: string): FetchIndexFile {
	let manifest: Promise<IndexManifest> | undefined;
	const loadManifest = async (): Promise<IndexManifest> => {
		const value = JSON.parse(new TextDecoder().decode(await fetchDecrypted(`pagefind/${indexManifestName(buildId)}`))) as IndexManifest;
		if (value?.v !== 1 || typeof value.files !== 'object' || value.files === null)
			throw new Error('the search index manifest has an unknown format');
		return value;
	};
	return async (pagefindName) => {
		manifest ??= loadManifest().catch((error: unknown) => {
			manifest = undefined; // A failed fetch may succeed on a later try.
			throw error;
		});
		const files = (await manifest).files;
		const name = Object.hasOwn(files, pagefindName) ? files[pagefindName] : undefined;
		if (!name) throw new Error(`${pagefindName} is not part of this search index`);
		return fetchDecrypted(`pagefind/${name}`);
	};
}
