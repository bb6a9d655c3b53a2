import { readFile } from 'node:fs/promises';
import path from 'node:path';

const IMAGE_TYPES: Record<string, string> = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.svg': 'image/svg+xml',
};

/**
 * Astro publishes images referenced from Markdown as shared files under `/_astro/`, readable by
 * anyone. Inlining them as `data:` URIs moves them inside the page, which is then encrypted.
 * Returns the new HTML and the asset files it inlined (to be deleted from the output).
 */
export async function inlineImages(html: string, outDir: string, base: string): Promise<{ html: string; inlined: string[] }> {
	const prefix = `${base}_astro/`;
	const inlined = new Set<string>();
	const cache = new Map<string, string>();
	const toDataUri = async (url: string): Promise<string | undefined> => {
		if (!url.startsWith(prefix)) return undefined;
		const file = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]!);
		const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
		if (!type) return undefined;
		if (!cache.has(file)) cache.set(file, `data:${type};base64,${(await readFile(path.join(outDir, file))).toString('base64')}`);
		inlined.add(file);
		return cache.get(file);
	};

	let result = '';
	let last = 0;
	for (const match of html.matchAll(/\s(src|srcset|href|poster)="([^"]*)"/g)) {
		const [whole, attribute, value] = match as unknown as [string, string, string];
		let replaced: string | undefined;
		if (attribute === 'srcset') {
			const candidates = await Promise.all(
				value.split(',').map(async (candidate) => {
					const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
					return [(await toDataUri(url)) ?? url, ...descriptor].join(' ');
				}),
			);
			replaced = candidates.join(', ');
		} else {
			replaced = await toDataUri(value.replace(/&amp;/g, '&'));
		}
		if (replaced === undefined || replaced === value) continue;
		result += html.slice(last, match.index) + ` ${attribute}="${replaced}"`;
		last = match.index! + whole.length;
	}
	return { html: result + html.slice(last), inlined: [...inlined] };
}
