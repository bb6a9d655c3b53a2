import { PUBLIC_CSP } from './check-images';
import { isFromSiteRoot } from './check-links';

/**
 * Resources other than Markdown images that a body makes the visitor's browser load: scripts,
 * frames, media, stylesheets and CSS `url()`s. On a private client's site each one from another
 * site is blocked by the Content-Security-Policy (`default-src 'self'`, `script-src 'self'`…), and
 * the request alone would tell that site who reads the page. One beside the page (`./clip.mp4`)
 * is never published: the build copies only Markdown images from a page's folder, so it fails on
 * the broken link (or the file does not load). Markdown images are `check-images.ts`'s.
 * On a public client's site a remote resource is a warning (`describeRemoteResourceOfPublicClient`).
 */

/** A resource a body loads, with what loads it (`<script src>`, CSS `url()`…) as the author wrote it. */
export interface BodyResource {
	/** Line in the body (1-based). */
	line: number;
	url: string;
	/** How the body loads it, for the message: `<script src>`, `<link rel="stylesheet">`, `CSS url()`. */
	via: string;
}

/** Elements whose attributes make the browser fetch something, and those attributes. */
const LOADING_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
	script: ['src'],
	iframe: ['src'],
	frame: ['src'],
	embed: ['src'],
	object: ['data'],
	audio: ['src'],
	video: ['src', 'poster'],
	source: ['src', 'srcset'],
	track: ['src'],
	link: ['href'],
	img: ['srcset'],
};

/** `<link rel>` values that load what `href` names (not `canonical`, `alternate`…, which are only links). */
const LOADING_LINK = /\b(?:stylesheet|icon|preload|modulepreload|prefetch|manifest)\b/i;

/** True for a URL the browser would fetch from another site. */
export function isRemote(url: string): boolean {
	return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim()) && !/^file:/i.test(url.trim());
}

/** True for a path relative to the page (`./clip.mp4`, `media/a.mp3`): not a URL, not from the site's root. */
export function isBesideThePage(url: string): boolean {
	const trimmed = url.trim();
	return trimmed !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(trimmed);
}

/** What a body loads that the build cannot serve: from another site, from the page's folder, or from the site's root. */
const worthReporting = (url: string) => isRemote(url) || isBesideThePage(url) || isFromSiteRoot(url);

/**
 * The remote and page-relative resources one element loads, given its name and its attributes with text values
 * (an HTML tag in Markdown, or a JSX element in MDX).
 */
export function remoteResourcesOfElement(name: string, attributes: Readonly<Record<string, string>>): Array<Omit<BodyResource, 'line'>> {
	const element = name.toLowerCase();
	const found: Array<Omit<BodyResource, 'line'>> = [];
	for (const attribute of LOADING_ATTRIBUTES[element] ?? []) {
		const value = attributes[attribute] ?? attributes[attribute === 'srcset' ? 'srcSet' : attribute];
		if (value === undefined) continue;
		if (element === 'link' && !LOADING_LINK.test(attributes.rel ?? '')) continue;
		// A srcset lists "url width" pairs separated by commas.
		const urls = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
		const via = element === 'link' ? `<link rel="${attributes.rel}">` : `<${element} ${attribute}>`;
		for (const url of urls) if (worthReporting(url)) found.push({ url: url.trim(), via });
	}
	if (attributes.style !== undefined) found.push(...remoteUrlsInCss(attributes.style));
	return found;
}

/** Remote and page-relative `url(…)`s and `@import`s of a piece of CSS (a `style` attribute or a `<style>` block). */
export function remoteUrlsInCss(css: string): Array<Omit<BodyResource, 'line'>> {
	const found: Array<Omit<BodyResource, 'line'>> = [];
	for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/gi)) {
		const url = (match[2] ?? match[4] ?? '').trim();
		if (worthReporting(url)) found.push({ url, via: 'CSS url()' });
	}
	return found;
}

/**
 * The remote and page-relative resources of raw HTML in a Markdown body (`<script src="https://…">`, `<style>`
 * blocks…), with their lines counted from `line`, the line the HTML starts on.
 */
export function remoteResourcesInHtml(html: string, line: number): BodyResource[] {
	const found: BodyResource[] = [];
	const lineAt = (index: number) => line + (html.slice(0, index).match(/\n/g)?.length ?? 0);
	for (const tag of html.matchAll(/<([A-Za-z][\w-]*)\b([^>]*)>/g)) {
		const attributes: Record<string, string> = {};
		for (const attribute of tag[2]!.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g))
			attributes[attribute[1]!.toLowerCase()] = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
		for (const resource of remoteResourcesOfElement(tag[1]!, attributes)) found.push({ ...resource, line: lineAt(tag.index) });
	}
	for (const block of html.matchAll(/<style\b[^>]*>([\s\S]*?)(?:<\/style>|$)/gi))
		for (const resource of remoteUrlsInCss(block[1]!)) found.push({ ...resource, line: lineAt(block.index) });
	return found;
}

/**
 * The error for a remote resource on a private client's page: what the visitor's browser would
 * do, why it fails, and the fix. Only images are published from beside a page, so downloading
 * is the fix for a picture (a poster, a CSS background); anything else can only be linked to.
 */
export function describeRemoteResource(resource: Omit<BodyResource, 'line'>): string {
	const name = resource.url.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').at(-1) || 'the file';
	const fix = isPicture(name)
		? `download ${name} next to the page and show it with ![…](./${name})`
		: `remove it and link to it instead ([text](${resource.url})): the site publishes only images from a page's folder, no scripts, frames, media or stylesheets`;
	return (
		`expected every file the page loads to be stored beside it, found ${resource.via} loading ${resource.url}: ` +
		`this client's site is private, so the visitor's browser would fetch it from a third party (telling that site who reads the page), ` +
		`and the site's Content-Security-Policy blocks it, so it would not load; ${fix}`
	);
}

/**
 * The warning for a resource from another site on a public client's page: nothing private is at
 * stake, but the same Content-Security-Policy applies to the whole site, so where the host applies
 * `_headers` the file does not load.
 */
export function describeRemoteResourceOfPublicClient(resource: Omit<BodyResource, 'line'>): string {
	const name = resource.url.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').at(-1) || 'the file';
	const fix = isPicture(name)
		? `download ${name} next to the page and show it with ![…](./${name})`
		: `link to it instead ([text](${resource.url}))`;
	return `expected every file the page loads to be stored beside it, found ${resource.via} loading ${resource.url}: ${PUBLIC_CSP}; ${fix}`;
}

/** The error for a resource at a path from the site's root, which breaks under a base path. */
export function describeRootResource(resource: Omit<BodyResource, 'line'>): string {
	return (
		`expected a file the site publishes beside the page, found ${resource.via} loading ${resource.url}, a path from the site's root: ` +
		`the site may be published under a base path (GLASSHOUSE_BASE, such as /<repository>/ on GitHub Pages), where it leads nowhere; ` +
		(isPicture(resource.url)
			? `put the picture beside the page and show it as ![…](./${resource.url.split(/[?#]/)[0]!.split('/').at(-1)})`
			: 'put it somewhere the client can download it from and link to it')
	);
}

/** The error for a resource beside the page, which the build never publishes. */
export function describeLocalResource(resource: Omit<BodyResource, 'line'>): string {
	const fix = isPicture(resource.url)
		? `show it as ![…](${resource.url})`
		: 'put it somewhere the client can download it from and link to it';
	return (
		`expected a file the site publishes, found ${resource.via} loading ${resource.url} from the page's folder: ` +
		`the build copies only Markdown images (![…](./file.png)) from there, so this would be a broken link (the build fails on it) or a file that does not load; ${fix}`
	);
}

function isPicture(url: string): boolean {
	return /\.(?:png|jpe?g|gif|webp|avif|svg)$/i.test(url.split(/[?#]/)[0]!);
}
