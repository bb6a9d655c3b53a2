/**
 * Builds an internal link under the site's base path with a trailing slash, e.g.
 * `href('/repo/', 'acme', 'updates', '2026-01-09')` is `/repo/acme/updates/2026-01-09/`.
 * Every internal link goes through here so sites work under a GitHub Pages project path.
 */
export function href(base: string, ...segments: Array<string | number>): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	const path = segments.map((segment) => encodeURIComponent(String(segment))).join('/');
	return path ? `${root}${path}/` : root;
}
