import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedClient } from '../../model/load-content';
import { buildKeyring, generateContentKey, resolveCredentials } from './build-keyring';
import { bundleRuntime } from './bundle-runtime';
import { encryptClient } from './encrypt-client';
import { loadSecret } from './secret';

export interface EncryptSiteInput {
	outDir: string;
	base: string;
	agency: string;
	clients: LoadedClient[];
	env?: NodeJS.ProcessEnv;
	/** Where `.env` is looked up. */
	root?: string;
}

export interface EncryptSiteReport {
	clients: number;
	pages: number;
	milliseconds: number;
}

/**
 * Encrypts every private client's folder with a fresh content key and a keyring of one slot per
 * access entry. Any problem (no secret, a weak password, a failed encryption) throws, and the
 * caller removes the output: nothing is ever published in plaintext by falling back.
 */
export async function encryptSite(input: EncryptSiteInput): Promise<EncryptSiteReport> {
	const started = performance.now();
	const gated = input.clients.filter((client) => client.client && !client.client.value.public);
	if (gated.length === 0) return { clients: 0, pages: 0, milliseconds: 0 };
	const master = await loadSecret(input.env, input.root);
	const assets = await bundleRuntime(input.outDir, input.base);
	const inlined = new Set<string>();
	let pages = 0;
	for (const { slug, client } of gated) {
		const settings = client!.value;
		const credentials = await resolveCredentials(slug, settings.access, master, input.env);
		const contentKey = await generateContentKey();
		const keyring = await buildKeyring(slug, credentials, master, contentKey);
		const result = await encryptClient({
			outDir: input.outDir,
			base: input.base,
			client: slug,
			locale: settings.locale,
			agency: input.agency,
			rememberDays: settings.rememberDays,
			keyring,
			contentKey,
			assets,
		});
		pages += result.pages;
		result.inlined.forEach((asset) => inlined.add(asset));
	}
	// Inlined images now live only inside the encrypted pages.
	await Promise.all([...inlined].map((asset) => rm(path.join(input.outDir, asset), { force: true })));
	return { clients: gated.length, pages, milliseconds: Math.round(performance.now() - started) };
}
