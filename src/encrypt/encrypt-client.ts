import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { utf8 } from '@/runtime/crypto/bytes';
import { fileAad, pageAad, seal, sealFile, type BuildStamp } from '@/runtime/crypto/envelope';
import type { Keyring } from '@/runtime/crypto/keyring';
import { normalizePagePath } from '@/runtime/crypto/page-path';
import type { Locale } from '@/i18n/locales';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { inlineImages } from './inline-assets';
import { renderShell } from './render-shell';
import { sealSearchIndex } from './seal-search-index';
import { sealAttachments } from './seal-attachments';
import type { PlannedAttachment } from '@/kinds/document/attachment-plan';

interface EncryptClientInput {
	outDir: string;
	base: string;
	client: string;
	locale: Locale;
	agency: string;
	rememberDays: number;
	keyring: Keyring;
	contentKey: CryptoKey;
	/** This build's stamp, the same for every client: bound into every page and file sealed. */
	build: BuildStamp;
	assets: { script: string; style: string };
	/** The client's document attachments, sealed from content/ into `files/` (see seal-attachments.ts). */
	attachments?: PlannedAttachment[];
}

/**
 * The page's stylesheets in Astro's shared asset folder: generic CSS, the same for every client,
 * so naming them in the public shell reveals nothing the folder does not.
 */
function sharedStylesheets(html: string, base: string): string[] {
	const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(([, href]) => href!);
	return [...new Set(hrefs.filter((href) => href.startsWith(`${base}_astro/`) && /^[\w./-]+\.css$/.test(href)))];
}

/**
 * Node's zlib on its worker threads: the same gzip format the browser's DecompressionStream reads,
 * at zlib's highest level: a page is compressed once per build and read on every visit, and the
 * lock screen a visitor waits for is mostly this ciphertext.
 */
const gzipAsync = promisify(gzip);
const gzipBest = (bytes: Uint8Array) => gzipAsync(bytes, { level: 9 });

const SEARCH_INDEX_FOLDER = 'pagefind/';

/**
 * Replaces every HTML page under `dist/<client>/` by a lock-screen shell holding the page's
 * ciphertext, bound to client, build and path; seals the search index under random names
 * (seal-search-index.ts) and every other file in place. Returns the pages encrypted and the
 * shared image files that were inlined into them.
 */
export async function encryptClient(input: EncryptClientInput): Promise<{ pages: number; files: number; inlined: string[] }> {
	const folder = path.join(input.outDir, input.client);
	const inlined = new Set<string>();
	const files = (await listFiles(folder)).map((file) => file.split(path.sep).join('/'));
	const indexFiles = files.filter((file) => file.startsWith(SEARCH_INDEX_FOLDER)).map((file) => file.slice(SEARCH_INDEX_FOLDER.length));
	const kinds = await mapLimit(files, FILE_CONCURRENCY, async (relativePath): Promise<'page' | 'file' | 'index'> => {
		const absolute = path.join(folder, relativePath);
		if (relativePath.startsWith(SEARCH_INDEX_FOLDER)) return 'index';
		if (!relativePath.endsWith('.html')) {
			await writeFile(
				absolute,
				await sealFile(input.contentKey, await readFile(absolute), fileAad(input.client, input.build.id, relativePath)),
			);
			return 'file';
		}
		const page = await inlineImages(await readFile(absolute, 'utf8'), input.outDir, input.base);
		page.inlined.forEach((asset) => inlined.add(asset));
		const relative = normalizePagePath(relativePath);
		// Compressed first: ciphertext does not compress, so this is the only chance to (see compression.ts).
		const envelope = await seal(input.contentKey, utf8(page.html), pageAad(input.client, input.build, relative), { compress: gzipBest });
		await writeFile(absolute, renderShell({ ...input, envelope, stylesheets: sharedStylesheets(page.html, input.base) }));
		return 'page';
	});
	const index = indexFiles.length
		? await sealSearchIndex({
				folder: path.join(folder, SEARCH_INDEX_FOLDER),
				client: input.client,
				buildId: input.build.id,
				contentKey: input.contentKey,
				files: indexFiles,
			})
		: { files: 0, decoys: 0 };
	// After the pages: the loop above seals every file it listed in place, and these are sealed already.
	const attachments = await sealAttachments({
		folder,
		client: input.client,
		buildId: input.build.id,
		contentKey: input.contentKey,
		attachments: input.attachments ?? [],
	});
	const count = (kind: string) => kinds.filter((candidate) => candidate === kind).length;
	return { pages: count('page'), files: count('file') + index.files + attachments.files, inlined: [...inlined] };
}
