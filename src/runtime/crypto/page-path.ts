/**
 * The path a page's ciphertext is bound to, relative to its client folder: `updates/2026-11-20/`
 * whether the page was requested as that folder or as its `index.html`.
 */
export function normalizePagePath(relative: string): string {
	return relative.replace(/(^|\/)index\.html$/, '$1');
}
