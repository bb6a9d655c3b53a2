import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { utf8 } from '../../runtime/crypto/bytes';
import { fileAad, pageAad, seal, sealFile } from '../../runtime/crypto/envelope';
import type { Keyring } from '../../runtime/crypto/keyring';
import { normalizePagePath } from '../../runtime/crypto/page-path';
import type { Locale } from '../../i18n/locales';
import { listFiles } from '../glasshouse/find-broken-links';
import { PUBLIC_INDEX_FILE } from '../../runtime/search/public-index-files';
import { FILE_CONCURRENCY, mapLimit } from '../../utils/map-limit';
import { inlineImages } from './inline-assets';
import { renderShell } from './render-shell';

export interface EncryptClientInput {
	outDir: string;
	base: string;
	client: string;
	locale: Locale;
	agency: string;
	rememberDays: number;
	keyring: Keyring;
	contentKey: CryptoKey;
	assets: { script: string; style: string };
}

/**
 * The page's stylesheets in Astro's shared asset folder: generic CSS, the same for every client,
 * so naming them in the public shell reveals nothing the folder does not.
 */
function sharedStylesheets(html: string, base: string): string[] {
	const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) => href!);
	return [...new Set(hrefs.filter((href) => href.startsWith(`${base}_astro/`) && /^[\w./-]+\.css$/.test(href)))];
}

/** Node's zlib on its worker threads: the same gzip format the browser's DecompressionStream reads. */
const gzipAsync = promisify(gzip);

/** Generic code that may stay readable inside a client folder; everything else is sealed. */
const isPublicRuntimeFile = (relativePath: string) => relativePath.startsWith('pagefind/') && PUBLIC_INDEX_FILE.test(relativePath.slice('pagefind/'.length));

/**
 * Replaces every HTML page under `dist/<client>/` by a lock-screen shell holding the page's
 * ciphertext, bound to client and path, and seals every other file in place (the search index)
 * for the browser's decrypting fetch. Returns the pages encrypted and the shared image files
 * that were inlined into them.
 */
export async function encryptClient(input: EncryptClientInput): Promise<{ pages: number; files: number; inlined: string[] }> {
	const folder = path.join(input.outDir, input.client);
	const inlined = new Set<string>();
	const kinds = await mapLimit(await listFiles(folder), FILE_CONCURRENCY, async (file): Promise<'page' | 'file' | 'public'> => {
		const absolute = path.join(folder, file);
		const relativePath = file.split(path.sep).join('/');
		if (!file.endsWith('.html')) {
			if (isPublicRuntimeFile(relativePath)) return 'public';
			await writeFile(absolute, await sealFile(input.contentKey, await readFile(absolute), fileAad(input.client, relativePath)));
			return 'file';
		}
		const page = await inlineImages(await readFile(absolute, 'utf8'), input.outDir, input.base);
		page.inlined.forEach((asset) => inlined.add(asset));
		const relative = normalizePagePath(relativePath);
		// Compressed first: ciphertext does not compress, so this is the only chance to (see compression.ts).
		const envelope = await seal(input.contentKey, utf8(page.html), pageAad(input.client, relative), { compress: gzipAsync });
		await writeFile(absolute, renderShell({ ...input, envelope, stylesheets: sharedStylesheets(page.html, input.base) }));
		return 'page';
	});
	const count = (kind: string) => kinds.filter((candidate) => candidate === kind).length;
	return { pages: count('page'), files: count('file'), inlined: [...inlined] };
}
