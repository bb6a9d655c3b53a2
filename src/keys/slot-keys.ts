import { createHash } from 'node:crypto';
import { deriveSlotKey, type Kdf } from '@/runtime/crypto/keyring';

const KEY = Symbol.for('glasshouse.slot-keys');

/**
 * Slot keys derived in this build process, by a hash of everything they depend on (client, key
 * derivation with its salt, credential). The CLI starts the slow PBKDF2 derivations while Astro
 * renders (see `deriveSlotKeysAhead`), and the encryption step, in another bundled copy of this
 * module, picks them up here, hence `globalThis`.
 */
function slotKeys(): Map<string, Promise<CryptoKey>> {
	const holder = globalThis as { [KEY]?: Map<string, Promise<CryptoKey>> };
	holder[KEY] ??= new Map();
	return holder[KEY];
}

/** The slot key for these inputs, derived at most once per process. */
export function slotKey(kdf: Kdf, credential: string, client: string): Promise<CryptoKey> {
	const id = createHash('sha256')
		.update(JSON.stringify([client, kdf, credential]))
		.digest('hex');
	const keys = slotKeys();
	let key = keys.get(id);
	if (!key) {
		key = deriveSlotKey(kdf, credential, client);
		keys.set(id, key);
		// A failure is not remembered: the encryption step derives again and reports it.
		key.catch(() => keys.delete(id));
	}
	return key;
}
