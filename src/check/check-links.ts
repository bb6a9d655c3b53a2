import { meetingSlugs } from '@/kinds/meeting/meeting-slug';
import type { LoadedClient } from '@/loader/load-content';

/** Folders whose entries each get a page of their own, at `/<client>/<folder>/<segment>/`. */
const ENTRY_PAGE_FOLDERS = ['updates', 'decisions', 'changes', 'meetings', 'risks'] as const;

/** Pages of every client that list or show something, at `/<client>/<page>/`. */
const INDEX_PAGES = ['updates', 'decisions', 'changes', 'meetings', 'risks', 'milestones', 'faq', 'contacts', 'search'];

/** Where a body's page is and which pages of its client exist, to resolve the links it makes. */
export interface ClientPages {
	slug: string;
	/** Segments of the entry pages by folder; `undefined` for risks, whose segments the build decides. */
	entries: Map<string, Set<string> | undefined>;
	indexes: Set<string>;
	/** Number → segment, for the numbered kinds whose file names start with the number. */
	numbered: Map<string, Map<number, string>>;
}

/** The pages a client's site will have, derived from its loaded files as the page routes derive them. */
export function clientPages(client: LoadedClient): ClientPages {
	const numbered = new Map<string, Map<number, string>>([
		['decisions', new Map(client.decisions.map(({ value }) => [value.number, String(value.number)]))],
		['changes', new Map(client.changes.map(({ value }) => [value.number, String(value.number)]))],
	]);
	const entries = new Map<string, Set<string> | undefined>([
		['updates', new Set(client.updates.map(({ stem }) => stem))],
		['decisions', new Set(numbered.get('decisions')!.values())],
		['changes', new Set(numbered.get('changes')!.values())],
		['meetings', new Set(meetingSlugs(client.meetings.map(({ value }) => value)))],
		['risks', undefined],
	]);
	const indexes = new Set(INDEX_PAGES);
	if (client.closeout) indexes.add('closeout');
	return { slug: client.slug, entries, indexes, numbered };
}

/**
 * The page a body is shown on, as a path: an entry of a folder with pages has its own page one
 * level down (the segment does not matter for resolving links, only the depth); a FAQ answer or
 * milestone is shown on its folder's page; the closeout on `closeout/`.
 */
export function pageOf(file: string, slug: string): string {
	const parts = file.split('/');
	const folder = parts.at(-2)!;
	if (folder === slug) return `/${slug}/${parts.at(-1)!.replace(/\.mdx?$/, '')}/`;
	return (ENTRY_PAGE_FOLDERS as readonly string[]).includes(folder) ? `/${slug}/${folder}/page/` : `/${slug}/${folder}/`;
}

/**
 * What is wrong with a link a body makes to another page of its client's site, or undefined.
 * Links are resolved as the browser will, from the page the body is shown on; a link written as
 * a file name (`../0013-use-postgres.mdx`) or a file stem (`../0013-use-postgres/`) is a link to
 * no page: the site addresses decisions and changes by number (`../13/`).
 */
export function checkLink(url: string, page: string, pages: ClientPages): string | undefined {
	const broken = brokenLink(url, page, pages);
	if (!broken) return undefined;
	const { folder, entry, working, fromRoot } = broken;
	if (fromRoot)
		return `expected a link relative to the page (or a full address), found ${url}, a path from the site's root: the site may be published under a base path (GLASSHOUSE_BASE, such as /<repository>/ on GitHub Pages), where it leads to no page and the build fails on it; ${working ? `write ${working}` : 'link to the page relative to this one (decisions and changes by number, updates by date)'}`;
	const numbers = folder === undefined ? undefined : pages.numbered.get(folder);
	if (!working && folder !== undefined && numbers && entry !== undefined && /^\d+$/.test(entry))
		return `expected a link to an existing ${folder.replace(/s$/, '')}, found ${url}, but there is no ${folder.replace(/s$/, '')} ${entry} (${folder}: ${[...numbers.keys()].sort((a, b) => a - b).join(', ') || 'none'})`;
	return `expected a link to a page of this client's site, found ${url}, which leads to no page${working ? `; write ${working}` : ' (links between entries go to pages, not files: decisions and changes by number, updates by date)'}`;
}

/**
 * The link that works for a broken one that names an existing entry by file name, stem, number or
 * date (`../0013-use-postgres.mdx` → `../13/`), or for a path from the site's root to a page of the
 * client (`/acme/decisions/13/` → `../13/`); undefined when the link works or names nothing that
 * exists. `check --fix` writes it in place of the broken one.
 */
export function workingLink(url: string, page: string, pages: ClientPages): string | undefined {
	return brokenLink(url, page, pages)?.working;
}

/** True for a path from the site's root (`/acme/`), not an address of another site (`//cdn…`). */
export function isFromSiteRoot(url: string): boolean {
	return /^\/(?!\/)/.test(url.trim());
}

interface BrokenLink {
	folder?: string;
	entry?: string;
	/** The link that would work, when there is one. */
	working?: string;
	/** The link is a path from the site's root, which breaks under a base path even when it names a page. */
	fromRoot?: boolean;
}

/** Where a link that leads to no page of its client points, and the link that would work; undefined for a working one. */
function brokenLink(url: string, page: string, pages: ClientPages): BrokenLink | undefined {
	const fromRoot = isFromSiteRoot(url);
	if ((!fromRoot && /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) || url.trim() === '') return undefined;
	let target: URL;
	try {
		target = new URL(url, `http://site.invalid${page}`);
	} catch {
		return undefined;
	}
	const segments = decodeURIComponent(target.pathname).split('/').filter(Boolean);
	// Leaving the client's site is for the build's own link check (other clients, shared assets).
	if (segments[0] !== pages.slug) return fromRoot ? { fromRoot } : undefined;
	const [, folder, entry, ...rest] = segments;
	const known = pages.entries.get(folder ?? '');
	const isPage =
		folder === undefined ||
		(entry === undefined && pages.indexes.has(folder) && !/\.[a-z]+$/i.test(folder)) ||
		(entry !== undefined && rest.length === 0 && pages.entries.has(folder) && (known === undefined || known.has(entry)));
	if (isPage) return fromRoot ? { fromRoot, working: `${relativeLink(page, `/${segments.join('/')}/`)}${target.hash}` } : undefined;
	const working = suggestion(segments.slice(1), page, pages);
	return { folder, ...(entry === undefined ? {} : { entry }), ...(working ? { working } : {}), ...(fromRoot ? { fromRoot } : {}) };
}

/** The link that would work, when the broken one names an existing entry by number or date. */
function suggestion(segments: string[], page: string, pages: ClientPages): string | undefined {
	const last =
		segments
			.filter((segment) => segment !== 'page')
			.at(-1)
			?.replace(/\.mdx?$/, '') ?? '';
	for (const folder of segments.filter((segment) => pages.entries.has(segment)).concat([...pages.entries.keys()])) {
		const byNumber = pages.numbered.get(folder);
		const number = /^0*(\d+)(?:-|$)/.exec(last)?.[1];
		const segment = byNumber && number ? byNumber.get(Number(number)) : pages.entries.get(folder)?.has(last) ? last : undefined;
		if (segment && (segments.includes(folder) || pageFolder(page) === folder))
			return relativeLink(page, `/${pages.slug}/${folder}/${segment}/`);
	}
	return undefined;
}

function pageFolder(page: string): string | undefined {
	return page.split('/').filter(Boolean)[1];
}

/** `to` as a link relative to the page `from` (both paths ending in `/`). */
function relativeLink(from: string, to: string): string {
	const a = from.split('/').filter(Boolean);
	const b = to.split('/').filter(Boolean);
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	const up = '../'.repeat(a.length - common);
	const down = b.slice(common).join('/');
	// A page above this one (the client's overview) is only steps up.
	return down ? `${up}${down}/` : up || './';
}
