import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromUtf8 } from '@/runtime/crypto/bytes';
import { fileAad, open, openFile, pageAad, type BuildStamp } from '@/runtime/crypto/envelope';
import { indexManifestName, type IndexManifest } from '@/runtime/search/sealed-index';
import { deriveSlotKey, parseKeyring, unwrapContentKey } from '@/runtime/crypto/keyring';
import { normalizePagePath } from '@/runtime/crypto/page-path';
import { resolveCredentials } from '@/keys/build-keyring';
import { decodeSecret } from '@/keys/secret';
import { loadContent } from '@/loader/load-content';

/**
 * The fixed GLASSHOUSE_SECRET of test builds (never used anywhere else): 32 random bytes, since
 * the build refuses a secret with a visible pattern (repeats, counting, words).
 */
export const TEST_SECRET = '40a4b6818d221c8cea87919410478230cfffadf8cc30cef3c2f0dc5ef7e00c2c';

/** The parts of a shell page the unlock code reads. */
export function readShell(html: string): {
	config: { client: string; base: string; build: BuildStamp; keyring: unknown };
	payload: unknown;
} {
	const json = (id: string) => {
		const match = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
		if (!match) throw new Error(`no #${id} in page`);
		return JSON.parse(match[1]!);
	};
	return { config: json('gh-config'), payload: json('gh-payload') };
}

const keys = new Map<string, Promise<CryptoKey>>();

/** Unlocks a client's keyring with a credential derived from the test secret, as a visitor would. */
function contentKey(outDir: string, contentDir: string, client: string, keyring: unknown): Promise<CryptoKey> {
	// Each build wraps a new content key: the keyring tells builds of one folder apart.
	const cacheKey = `${outDir}|${client}|${JSON.stringify(keyring)}`;
	let key = keys.get(cacheKey);
	if (!key) {
		key = (async () => {
			const loaded = await loadContent(contentDir);
			const access = loaded.clients.find((candidate) => candidate.slug === client)!.client!.value.access;
			const credentials = await resolveCredentials(client, access, decodeSecret(TEST_SECRET), { ...process.env });
			// Links first: opening them needs no slow key derivation.
			credentials.sort((a, b) => Number(a.token === undefined) - Number(b.token === undefined));
			const ring = parseKeyring(keyring, client);
			for (const credential of credentials) {
				const kdf = credential.token !== undefined ? 'HKDF' : 'PBKDF2';
				for (const slot of ring.slots.filter((candidate) => candidate.kdf.name === kdf)) {
					try {
						return await unwrapContentKey(slot, await deriveSlotKey(slot.kdf, credential.token ?? credential.password!, client), client);
					} catch {
						// Not this slot.
					}
				}
			}
			throw new Error(`no credential opens ${client}'s keyring`);
		})();
		keys.set(cacheKey, key);
	}
	return key;
}

/** The content key of a built client, unlocked as a visitor would (from any of its pages). */
export async function contentKeyOf(outDir: string, contentDir: string, client: string): Promise<CryptoKey> {
	const { config } = readShell(await readFile(path.join(outDir, client, 'index.html'), 'utf8'));
	return contentKey(outDir, contentDir, client, config.keyring);
}

/** Decrypts a built page (e.g. `tidewater-logistics/updates/index.html`) to its HTML. */
export async function openPage(outDir: string, contentDir: string, file: string): Promise<string> {
	const shell = await readFile(path.join(outDir, file), 'utf8');
	const { config, payload } = readShell(shell);
	const [client, ...rest] = file.split('/');
	const key = await contentKey(outDir, contentDir, client!, config.keyring);
	return fromUtf8(await open(key, payload, pageAad(client!, config.build, normalizePagePath(rest.join('/')))));
}

/**
 * A private client's search index as Pagefind wrote it, decrypted as the browser does: the sealed
 * manifest (named after the build id) maps each of Pagefind's file names to its published name.
 */
export async function openSearchIndex(
	outDir: string,
	contentDir: string,
	client: string,
): Promise<{ build: BuildStamp; files: Map<string, { published: string; plain: Uint8Array }> }> {
	const { config } = readShell(await readFile(path.join(outDir, client, 'index.html'), 'utf8'));
	const key = await contentKey(outDir, contentDir, client, config.keyring);
	const openSealed = async (name: string) =>
		openFile(key, await readFile(path.join(outDir, client, 'pagefind', name)), fileAad(client, config.build.id, `pagefind/${name}`));
	const manifest = JSON.parse(fromUtf8(await openSealed(indexManifestName(config.build.id)))) as IndexManifest;
	const files = new Map<string, { published: string; plain: Uint8Array }>();
	for (const [pagefindName, published] of Object.entries(manifest.files))
		files.set(pagefindName, { published, plain: await openSealed(published) });
	return { build: config.build, files };
}
