import { fileAad, openFile } from './crypto/envelope';
import type { FetchDecrypted } from './search/sealed-index';

// Captured before any page code wraps `fetch` to route requests through this helper.
const nativeFetch = globalThis.fetch.bind(globalThis);

/**
 * Fetches a file sealed with `sealFile` from the client's folder and decrypts it in memory.
 * Nothing decrypted is written to any storage. `path` is relative to the client folder, and the
 * ciphertext must have been sealed for exactly that client, build and path.
 */
export function decryptingFetch(contentKey: CryptoKey, client: string, buildId: string, clientRoot: string): FetchDecrypted {
	return async (path) => {
		const response = await nativeFetch(new URL(path, clientRoot), { credentials: 'same-origin' });
		if (!response.ok) throw new Error(`fetching ${path} failed with ${response.status}`);
		const plain = await openFile(contentKey, new Uint8Array(await response.arrayBuffer()), fileAad(client, buildId, path));
		return plain.buffer;
	};
}
