import { href } from '@/lib/href';

/**
 * The absolute URL of a page of the published site, e.g. `https://acme.github.io/status/acme/updates/2026-11-20/`,
 * resolved like the share links: `base` (GLASSHOUSE_BASE) under `site` (GLASSHOUSE_SITE).
 */
export function pageUrl(site: string, base: string, ...segments: Array<string | number>): string {
	const root = new URL(base.endsWith('/') ? base : `${base}/`, site);
	return new URL(href('/', ...segments).slice(1), root).href;
}
