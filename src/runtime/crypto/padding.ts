import type { Bytes } from './bytes';

/**
 * Length hiding for everything a private client publishes. AES-GCM ciphertext is exactly as long
 * as its plaintext, so without padding a page's or an index file's size is a function of its
 * (compressed) text that anyone holding a guess can test: compress the guess, compare the length.
 * Every sealed plaintext is therefore padded to a size bucket:
 *
 * - at least MIN_PADDED_BYTES, so the many small files (filter values, search fragments, the index
 *   entry) all look alike whatever they hold;
 * - above that, to the next Padmé length (Nikitin et al., "Reducing Metadata Leakage from Encrypted
 *   Files and Communication with PURBs", PETS 2019): at most 12 % larger, and a length reveals only
 *   O(log log L) bits instead of O(log L).
 *
 * Layout: `u32 big-endian length of the data ‖ data ‖ zero bytes`.
 */
export const MIN_PADDED_BYTES = 4096;
const LENGTH_BYTES = 4;

/** Padmé: keeps the top ⌊log₂ E⌋ + 1 bits of L (E = ⌊log₂ L⌋) and rounds the rest up. */
export function padmeLength(length: number): number {
	if (length < 2) return length;
	const exponent = Math.floor(Math.log2(length));
	const exponentBits = Math.floor(Math.log2(exponent)) + 1;
	const step = 2 ** (exponent - exponentBits);
	return Math.ceil(length / step) * step;
}

/** The padded size of `length` bytes of data, header included. */
export const paddedLength = (length: number): number => Math.max(MIN_PADDED_BYTES, padmeLength(length + LENGTH_BYTES));

export function pad(data: Uint8Array): Bytes {
	if (data.length > 0xffffffff) throw new RangeError('too large to pad');
	const out = new Uint8Array(paddedLength(data.length));
	new DataView(out.buffer).setUint32(0, data.length);
	out.set(data, LENGTH_BYTES);
	return out;
}

/**
 * The data inside a padded plaintext. Called only on authenticated bytes; a length that does not
 * fit, or padding that is not all zeros, means a format this reader does not know.
 */
export function unpad(padded: Uint8Array): Bytes {
	if (padded.length < LENGTH_BYTES) throw new RangeError('padded data is truncated');
	const length = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
	const end = LENGTH_BYTES + length;
	if (end > padded.length || padded.length !== paddedLength(length)) throw new RangeError('padding does not match its length');
	for (let i = end; i < padded.length; i++) if (padded[i] !== 0) throw new RangeError('padding is not zero');
	return padded.slice(LENGTH_BYTES, end);
}
