import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isFromSiteRoot } from './check-links';
import type { Problem } from './problem';

/**
 * What is wrong with an image a body shows, or undefined. A local image must exist beside the
 * page (the build fails on a missing one, without naming the page's line). A remote image on a
 * private client's site would make the visitor's browser fetch it from a third party: the site's
 * Content-Security-Policy blocks it, and the request alone would tell that party who reads the page.
 * On a public client's site it is a warning: the same policy, in `_headers`, blocks it on the hosts
 * that apply that file, so the picture shows on some hosts and not on others.
 * `file` is the page's path relative to `root`.
 */
export async function checkImage(
	url: string,
	file: string,
	root: string,
	isPrivate: boolean,
): Promise<Pick<Problem, 'severity' | 'message'> | undefined> {
	if (/^(?:https?:)?\/\//i.test(url)) {
		const name = path.posix.basename(url.split(/[?#]/)[0] ?? '') || 'image.png';
		const fix = `download the file next to the page and write ![…](./${name})`;
		return isPrivate
			? {
					severity: 'error',
					message: `expected an image stored beside the page, found the remote image ${url}: this client's site is private, so its Content-Security-Policy blocks images from other sites (and the request would tell that site who reads the page); ${fix}`,
				}
			: { severity: 'warning', message: `expected an image stored beside the page, found the remote image ${url}: ${PUBLIC_CSP}; ${fix}` };
	}
	if (isFromSiteRoot(url)) {
		const name = path.posix.basename(url.split(/[?#]/)[0] ?? '') || 'image.png';
		return {
			severity: 'error',
			message: `expected an image stored beside the page, found ${url}, a path from the site's root: the site may be published under a base path (GLASSHOUSE_BASE, such as /<repository>/ on GitHub Pages), where it leads nowhere and the build fails on it; put the file beside the page and write ![…](./${name})`,
		};
	}
	// data: URLs are inline.
	if (/^(?:data|mailto):/i.test(url) || url === '') return undefined;
	let relative: string;
	try {
		relative = decodeURI(url.split(/[?#]/)[0]!);
	} catch {
		relative = url;
	}
	const absolute = path.resolve(root, path.dirname(file), relative);
	if (await isFile(absolute)) return undefined;
	const shown = path.relative(root, absolute).split(path.sep).join('/');
	return {
		severity: 'error',
		message: `expected the image file ${shown}, found none (the build fails on a missing image); add the file or fix the path in ![…](${url})`,
	};
}

/** Why a public client's page should not load files from other sites either. */
export const PUBLIC_CSP =
	"this client's site is public, but the site's Content-Security-Policy (in _headers) allows only its own files, so hosts that apply _headers (Netlify, Cloudflare Pages) block it and the page shows without it there, while GitHub Pages loads it from that site";

async function isFile(target: string): Promise<boolean> {
	return (await stat(target).catch(() => undefined))?.isFile() ?? false;
}
