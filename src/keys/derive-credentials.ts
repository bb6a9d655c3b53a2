import { toBase64Url, utf8, type Bytes } from '@/runtime/crypto/bytes';
import { EFF_LARGE_WORDLIST as wordlist } from './eff-large-wordlist';

/**
 * Everything secret in a client's keyring derives from GLASSHOUSE_SECRET with HKDF-SHA256 and a
 * label naming its purpose, client, entry and rotation. CI needs only that one secret; bumping an
 * entry's rotation changes that entry's values and nothing else.
 */
async function derive(master: Uint8Array, label: string, bytes: number): Promise<Bytes> {
	const key = await crypto.subtle.importKey('raw', master as Bytes, 'HKDF', false, ['deriveBits']);
	const bits = await crypto.subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt: utf8('glasshouse/v1'), info: utf8(label) },
		key,
		bytes * 8,
	);
	return new Uint8Array(bits);
}

const label = (purpose: string, client: string, entry: string, rotation: number) => `${purpose}|${client}|${entry}|${rotation}`;

const PASSPHRASE_WORDS = 6;

/**
 * A passphrase of six words from the EFF large word list (7,776 words, 77.5 bits), joined by
 * hyphens. Words are picked by rejection sampling so every word is equally likely.
 */
export async function derivePassphrase(master: Uint8Array, client: string, entry: string, rotation: number): Promise<string> {
	const words: string[] = [];
	const limit = Math.floor(0x10000 / wordlist.length) * wordlist.length;
	for (let counter = 0; words.length < PASSPHRASE_WORDS; counter++) {
		const block = await derive(master, `${label('passphrase', client, entry, rotation)}|${counter}`, 32);
		for (let i = 0; i + 1 < block.length && words.length < PASSPHRASE_WORDS; i += 2) {
			const value = (block[i]! << 8) | block[i + 1]!;
			if (value < limit) words.push(wordlist[value % wordlist.length]!);
		}
	}
	return words.join('-');
}

/** A 256-bit link token, base64url (43 characters). */
export async function deriveLinkToken(master: Uint8Array, client: string, entry: string, rotation: number): Promise<string> {
	return toBase64Url(await derive(master, label('link-token', client, entry, rotation), 32));
}

/**
 * A slot's 16-byte salt. It is pseudo-random and unique per slot and rotation, like a random
 * salt, but stable from build to build, so a remembered device's slot key keeps opening the
 * keyring after a redeploy with a new content key.
 */
export async function deriveSlotSalt(master: Uint8Array, client: string, entry: string, rotation: number): Promise<Bytes> {
	return derive(master, label('slot-salt', client, entry, rotation), 16);
}

/** Opaque, stable id of a password slot (a link slot's id comes from its token instead). */
export async function derivePasswordSlotId(master: Uint8Array, client: string, entry: string, rotation: number): Promise<string> {
	return toBase64Url(await derive(master, label('slot-id', client, entry, rotation), 12));
}

/**
 * The URL segment of a private client's page that is named by an author-chosen id (a risk's
 * `carrier-api-delay`): 12 base64url characters, keyed by the secret so the id can be neither
 * read from the address nor guessed from it, and stable from one build to the next.
 */
export async function derivePathSegment(master: Uint8Array, client: string, kind: string, id: string): Promise<string> {
	return toBase64Url(await derive(master, label(`path-${kind}`, client, id, 0), 9));
}

/**
 * The key of the per-client build cache's MAC (see `src/build-cache/`): an entry made with another
 * secret, or changed by anyone without it (a CI cache is writable by other workflows), fails it.
 */
export async function deriveBuildCacheMacKey(master: Uint8Array): Promise<Bytes> {
	return derive(master, 'build-cache|mac', 32);
}

/**
 * The key of the parse cache's MAC (see `src/loader/parse-cache.ts`): a build reuses what an
 * earlier check or build parsed only from a file whose MAC verifies under it, so no file written
 * by anyone without the secret (the check cache is restored from a CI cache) decides what a
 * build reads, and so which clients it encrypts.
 */
export async function deriveParseCacheMacKey(master: Uint8Array): Promise<Bytes> {
	return derive(master, 'parse-cache|mac', 32);
}

/**
 * The key a client's key-material fingerprint is computed under (see `keyMaterialFingerprint`): the
 * fingerprint changes with the secret and the client's credentials, and, as an HMAC under a key
 * only the secret gives, tells nothing that helps guess either.
 */
export async function deriveKeyMaterialKey(master: Uint8Array): Promise<Bytes> {
	return derive(master, 'build-cache|key-material', 32);
}
