import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { utf8 } from '../../runtime/crypto/bytes';
import { pageAad, seal } from '../../runtime/crypto/envelope';
import type { Keyring } from '../../runtime/crypto/keyring';
import { normalizePagePath } from '../../runtime/crypto/page-path';
import type { Locale } from '../../i18n/locales';
import { listFiles } from '../glasshouse/find-broken-links';
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
 * Replaces every HTML page under `dist/<client>/` by a lock-screen shell holding the page's
 * ciphertext, bound to client and path. Returns the pages encrypted and the shared image files
 * that were inlined into them.
 */
export async function encryptClient(input: EncryptClientInput): Promise<{ pages: number; inlined: string[] }> {
	const folder = path.join(input.outDir, input.client);
	const inlined = new Set<string>();
	let pages = 0;
	for (const file of await listFiles(folder)) {
		if (!file.endsWith('.html')) continue;
		const absolute = path.join(folder, file);
		const page = await inlineImages(await readFile(absolute, 'utf8'), input.outDir, input.base);
		page.inlined.forEach((asset) => inlined.add(asset));
		const relative = normalizePagePath(file.split(path.sep).join('/'));
		const envelope = await seal(input.contentKey, utf8(page.html), pageAad(input.client, relative));
		await writeFile(absolute, renderShell({ ...input, envelope }));
		pages++;
	}
	return { pages, inlined: [...inlined] };
}
