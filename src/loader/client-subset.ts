import { validClients, type LoadedContent } from './load-content';

/**
 * The checked content narrowed to the clients `slugs` names, for a client-subset build: Astro
 * renders, and the post-build steps index, encrypt and check, only these clients (see
 * `GlasshouseOptions.clients`). `site` and the problems stay whole: the site-wide pages are built
 * every time. A slug that is no client of the checked content is a caller's mistake and throws,
 * rather than silently building less than asked.
 */
export function contentOfClients(content: LoadedContent, slugs: readonly string[]): LoadedContent {
	const known = new Set(validClients(content));
	const unknown = slugs.filter((slug) => !known.has(slug));
	if (unknown.length) {
		throw new Error(`Cannot build ${unknown.join(', ')}: not a client of the checked content (a folder with a valid client.yaml).`);
	}
	const wanted = new Set(slugs);
	return { ...content, clients: content.clients.filter((client) => wanted.has(client.slug)) };
}
