import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { pageContext } from 'virtual:glasshouse/page-context';

const cache = new Map<string, Promise<string>>();

/**
 * The client's logo as a `data:` URI. Inlining keeps it inside the client's own pages (which
 * the gate encrypts) instead of a shared, unencrypted asset folder.
 */
export function logoDataUri(slug: string, file: string): Promise<string> {
	const key = `${slug}/${file}`;
	let uri = cache.get(key);
	if (!uri) {
		const type = file.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
		uri = readFile(path.join(pageContext.contentDir, slug, file)).then((bytes) => `data:${type};base64,${bytes.toString('base64')}`);
		cache.set(key, uri);
	}
	return uri;
}
