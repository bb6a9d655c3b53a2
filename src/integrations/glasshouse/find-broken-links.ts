import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface BrokenLink {
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
	const broken: BrokenLink[] = [];
	const root = base.endsWith('/') ? base : `${base}/`;
	for (const file of await listFiles(outDir)) {
		if (!file.endsWith('.html')) continue;
		const html = await readFile(path.join(outDir, file), 'utf8');
		const pageUrl = new URL(`${root}${file.split(path.sep).join('/')}`, 'http://site.invalid');
		for (const [, raw] of html.matchAll(ATTRIBUTE)) {
			const href = decodeEntities(raw!);
			if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href) && !href.startsWith('http://site.invalid')) continue;
			const target = new URL(href, pageUrl);
			if (!(await resolves(outDir, root, decodeURIComponent(target.pathname)))) broken.push({ file, href });
		}
	}
	return broken;
}

async function resolves(outDir: string, root: string, pathname: string): Promise<boolean> {
	if (!pathname.startsWith(root)) return false;
	const relative = pathname.slice(root.length);
	const candidates = relative === '' || relative.endsWith('/') ? [path.join(relative, 'index.html')] : [relative, path.join(relative, 'index.html')];
	for (const candidate of candidates) {
		if ((await stat(path.join(outDir, candidate)).catch(() => undefined))?.isFile()) return true;
	}
	return false;
}

const decodeEntities = (value: string) => value.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&quot;/g, '"');

/** Paths of all files under `dir`, relative to it, sorted. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
	const files: string[] = [];
	for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
		const relative = path.join(prefix, entry.name);
		if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
		else if (entry.isFile()) files.push(relative);
	}
	return files.sort();
}
