import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';

interface BrokenLink {
	/** HTML file holding the link, relative to the output folder. */
	file: string;
	href: string;
}

const ATTRIBUTE = /\s(?:href|src)="([^"]+)"/g;

/**
 * Every internal `href`/`src` in the HTML under `outDir` that does not resolve to a file.
 * Links must start with the site's `base`, as the site is served from it.
 */
export async function findBrokenLinks(outDir: string, base: string): Promise<BrokenLink[]> {
	const root = base.endsWith('/') ? base : `${base}/`;
	// Every page links the same navigation and assets: each target is looked up once.
	const targets = new Map<string, Promise<boolean>>();
	const resolvesOnce = (pathname: string) => {
		let known = targets.get(pathname);
		if (!known) targets.set(pathname, (known = resolves(outDir, root, pathname)));
		return known;
	};
	const pages = (await listFiles(outDir)).filter((file) => file.endsWith('.html'));
	const perPage = await mapLimit(pages, FILE_CONCURRENCY, async (file) => {
		const broken: BrokenLink[] = [];
		const html = await readFile(path.join(outDir, file), 'utf8');
		const pageUrl = new URL(`${root}${file.split(path.sep).join('/')}`, 'http://site.invalid');
		for (const [, raw] of html.matchAll(ATTRIBUTE)) {
			const href = decodeEntities(raw!);
			if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href) && !href.startsWith('http://site.invalid')) continue;
			const target = new URL(href, pageUrl);
			if (!(await resolvesOnce(decodeURIComponent(target.pathname)))) broken.push({ file, href });
		}
		return broken;
	});
	return perPage.flat();
}

async function resolves(outDir: string, root: string, pathname: string): Promise<boolean> {
	if (!pathname.startsWith(root)) return false;
	const relative = pathname.slice(root.length);
	const candidates =
		relative === '' || relative.endsWith('/') ? [path.join(relative, 'index.html')] : [relative, path.join(relative, 'index.html')];
	for (const candidate of candidates) {
		if ((await stat(path.join(outDir, candidate)).catch(() => undefined))?.isFile()) return true;
	}
	return false;
}

const decodeEntities = (value: string) =>
	value
		.replace(/&amp;/g, '&')
		.replace(/&#x2F;/gi, '/')
		.replace(/&quot;/g, '"');
