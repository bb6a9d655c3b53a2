import { toBase64 } from '@/runtime/crypto/bytes';
import { linkSlotId, MIN_PBKDF2_ITERATIONS, wrapContentKey, type Kdf, type Keyring, type Slot } from '@/runtime/crypto/keyring';
import type { LoadedClient } from '@/loader/load-content';
import type { AccessEntry } from '@/kinds/client/access';
import { derivePassphrase, deriveLinkToken, derivePasswordSlotId, deriveSlotSalt } from './derive-credentials';
import { judgePassword } from './password-strength';
import { slotKey, slotKeyCache, type SlotKeys } from './slot-keys';

/** What one access entry currently opens the site with; printed by `glasshouse share`. */
export interface Credential {
	entry: AccessEntry;
	/** The password (derived or from `passwordEnv`) for password entries. */
	password?: string;
	/** The link token for link entries. */
	token?: string;
}

/** A problem with a client's access settings, worded as what to do. */
export class AccessError extends Error {}

const PBKDF2_ITERATIONS = MIN_PBKDF2_ITERATIONS;

/**
 * The current password or token of every entry that is not revoked. Passwords set through
 * `passwordEnv` are looked up in `env` (the build context's variables) and must exist and be
 * strong, or this throws: a weak password never gets a slot.
 */
export async function resolveCredentials(
	client: string,
	access: AccessEntry[],
	master: Uint8Array,
	env: Readonly<Record<string, string | undefined>>,
): Promise<Credential[]> {
	const credentials: Credential[] = [];
	for (const entry of access) {
		if (entry.revoked) continue;
		if (entry.type === 'link') {
			credentials.push({ entry, token: await deriveLinkToken(master, client, entry.id, entry.rotation) });
		} else if (entry.passwordEnv) {
			const password = env[entry.passwordEnv];
			if (!password)
				throw new AccessError(
					`${client}: access entry "${entry.id}" takes its password from $${entry.passwordEnv}, which is not set. Set it in the environment or .env, or remove "passwordEnv" to use a derived passphrase.`,
				);
			const verdict = judgePassword(password, [client, entry.id, entry.label]);
			if (!verdict.ok)
				throw new AccessError(
					`${client}: the password in $${entry.passwordEnv} (access entry "${entry.id}") is too weak: ${verdict.reason}. ${verdict.advice}.`,
				);
			credentials.push({ entry, password });
		} else {
			credentials.push({ entry, password: await derivePassphrase(master, client, entry.id, entry.rotation) });
		}
	}
	return credentials;
}

/**
 * Wraps the client's content key once per credential. Revoked entries have no slot, so their
 * password or link stops working with this build while every other slot is unchanged. Slot keys
 * already derived into `keys` (see `deriveSlotKeysAhead`) are used as they are.
 */
export async function buildKeyring(
	client: string,
	credentials: Credential[],
	master: Uint8Array,
	contentKey: CryptoKey,
	keys: SlotKeys = slotKeyCache(),
): Promise<Keyring> {
	// Side by side: each password slot's PBKDF2 runs on its own worker thread.
	const slots = await Promise.all(
		credentials.map(async (credential): Promise<Slot> => {
			const { sid, kdf } = await slotParameters(client, credential, master);
			const key = await slotKey(keys, kdf, credential.password ?? credential.token!, client);
			return {
				sid,
				type: credential.password !== undefined ? 'password' : 'link',
				kdf,
				...(await wrapContentKey(contentKey, key, client, sid)),
			};
		}),
	);
	if (slots.length === 0)
		throw new AccessError(
			`${client}: every access entry is revoked, so nobody could open the site. Add an entry to "access" in client.yaml, or set "public: true".`,
		);
	return { v: 1, client, slots };
}

/** A slot's id and key derivation (with its stable salt), from the secret and the credential. */
async function slotParameters(
	client: string,
	{ entry, password, token }: Credential,
	master: Uint8Array,
): Promise<{ sid: string; kdf: Kdf }> {
	const salt = toBase64(await deriveSlotSalt(master, client, entry.id, entry.rotation));
	const kdf: Kdf =
		password !== undefined
			? { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt }
			: { name: 'HKDF', hash: 'SHA-256', salt };
	const sid = token !== undefined ? await linkSlotId(token) : await derivePasswordSlotId(master, client, entry.id, entry.rotation);
	return { sid, kdf };
}

/**
 * Starts the slow part of the coming encryption step: one PBKDF2 derivation (600,000 rounds) per
 * password slot of every private client, one at a time on a worker thread, so it runs on the core
 * Astro's rendering leaves free. `buildKeyring`, given the same `keys`, then finds them ready.
 * Best effort: a problem here (a missing `passwordEnv`) is left for the encryption step to
 * report, and a key missing from `keys` is derived there, so nothing depends on this having run.
 */
export async function deriveSlotKeysAhead(
	clients: LoadedClient[],
	master: Uint8Array,
	env: Readonly<Record<string, string | undefined>>,
	keys: SlotKeys,
): Promise<void> {
	for (const { slug, client } of clients) {
		if (!client || client.value.public) continue;
		try {
			for (const credential of await resolveCredentials(slug, client.value.access, master, env)) {
				if (credential.password === undefined) continue;
				await slotKey(keys, (await slotParameters(slug, credential, master)).kdf, credential.password, slug);
			}
		} catch {
			// Reported by the encryption step.
		}
	}
}

/** A fresh random content key for one client and one build. */
export function generateContentKey(): Promise<CryptoKey> {
	return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** The share link of a link entry: the token travels in the fragment, which browsers never send. */
export function shareLink(siteUrl: string, base: string, client: string, entry: string, token: string): string {
	const root = new URL(base.endsWith('/') ? base : `${base}/`, siteUrl);
	return `${new URL(`${client}/`, root).href}#${entry}.${token}`;
}
