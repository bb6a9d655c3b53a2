/**
 * A one-page site around one sealed attachment, for the attachment benchmark and the streamed
 * download's browser tests: the build's own `sealAttachments` and download worker, and a page
 * (attachment-page.ts) running the gate's own download handler with a key taken from the address
 * fragment instead of a keyring, so only the download path is exercised. Open
 * `<origin>/#<keyFragment>`, wait for `body[data-ready]`, then `workerReady`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { sealAttachments } from '@/encrypt/seal-attachments';
import { toBase64Url } from '@/runtime/crypto/bytes';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The binding attachment-page.ts opens the file with. */
export const ATTACHMENT_SITE_BINDING = { client: 'bench', buildId: 'bench-build' };

export interface AttachmentSite {
	/** The site's folder, to serve at `/`. */
	folder: string;
	/** The sealed file, as published (tests alter it to see the download refused). */
	sealed: string;
	fileId: string;
	/** The content key, base64url, for the page's address fragment. */
	keyFragment: string;
	/** How long sealing took. */
	sealMs: number;
}

/** Builds the site into `folder` for the attachment at `source` (`size` bytes), saved as `name`. */
export async function buildAttachmentSite(folder: string, source: string, size: number, name = 'large.bin'): Promise<AttachmentSite> {
	const raw = randomBytes(32);
	const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
	const fileId = randomBytes(16).toString('hex');
	await mkdir(path.join(folder, ATTACHMENT_SITE_BINDING.client), { recursive: true });
	const started = performance.now();
	await sealAttachments({
		folder: path.join(folder, ATTACHMENT_SITE_BINDING.client),
		...ATTACHMENT_SITE_BINDING,
		contentKey: key,
		attachments: [
			{
				key: `x/${name}`,
				document: 'x',
				file: name,
				type: 'application/octet-stream',
				bytes: size,
				source,
				sealedName: fileId,
				published: `files/${fileId}`,
			},
		],
	});
	const sealMs = performance.now() - started;
	const bundle = async (entry: string) =>
		(
			await build({
				entryPoints: [entry],
				bundle: true,
				format: 'esm',
				target: 'es2022',
				minify: true,
				write: false,
				alias: { '@': path.join(ROOT, 'src') },
			})
		).outputFiles[0]!.text;
	await mkdir(path.join(folder, '_glasshouse'), { recursive: true });
	for (const worker of ['download-worker', 'decrypt-worker'])
		await writeFile(
			path.join(folder, '_glasshouse', `${worker}.js`),
			await bundle(path.join(ROOT, `src/runtime/attachments/${worker}.ts`)),
		);
	await writeFile(path.join(folder, 'page.js'), await bundle(path.join(import.meta.dirname, 'attachment-page.ts')));
	await writeFile(
		path.join(folder, 'index.html'),
		`<!doctype html><meta charset="utf-8"><title>attachment</title><body><button data-gh-attachment="${fileId}" data-gh-name="${name}" data-gh-type="application/octet-stream" data-gh-size="${size}">Download</button><span data-gh-download-status></span><script type="module" src="/page.js"></script>`,
	);
	return {
		folder,
		sealed: path.join(folder, ATTACHMENT_SITE_BINDING.client, 'files', fileId),
		fileId,
		keyFragment: toBase64Url(raw),
		sealMs,
	};
}
