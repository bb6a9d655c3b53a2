import { createHash } from 'node:crypto';
import { deriveSlotKey, type Kdf } from '@/runtime/crypto/keyring';

/**
 * Slot keys derived during one build, by a hash of everything they depend on (client, key
 * derivation with its salt, credential). The CLI makes one per build and starts the slow PBKDF2
 * derivations into it while Astro renders (see `deriveSlotKeysAhead`); it hands the same one to
 * the encryption step (through the integration's options), which finds the keys ready.
 */
export type SlotKeys = Map<string, Promise<CryptoKey>>;

/** An empty set of slot keys, for one build. */
export function slotKeyCache(): SlotKeys {
	return new Map();
}

/** The slot key for these inputs, derived at most once per `keys`. */
export function slotKey(keys: SlotKeys, kdf: Kdf, credential: string, client: string): Promise<CryptoKey> {
	const id = createHash('sha256')
		.update(JSON.stringify([client, kdf, credential]))
		.digest('hex');
	let key = keys.get(id);
	if (!key) {
		key = deriveSlotKey(kdf, credential, client);
		keys.set(id, key);
		// A failure is not remembered: the encryption step derives again and reports it.
		key.catch(() => keys.delete(id));
	}
	return key;
}
