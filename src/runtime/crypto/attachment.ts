import { utf8, type Bytes } from './bytes';
import { EnvelopeError } from './envelope';
import { mapInOrder } from './map-in-order';
import { paddedLength } from './padding';

/**
 * The chunked ciphertext of a private client's attachment (a document's PDF, image, ZIP or video,
 * up to 200 MB), read by the browser as a stream so a large file never has to be held whole.
 *
 * Plaintext: the padding layout of every other sealed file (padding.ts): `u32 length ‖ data ‖
 * zeros`, `paddedLength(length)` bytes long, so the published size tells only its Padmé bucket.
 * That padded plaintext is cut into chunks of ATTACHMENT_CHUNK_BYTES (the last one shorter).
 *
 * File: `"GHA1" ‖ chunk₀ ‖ … ‖ chunkₙ₋₁`, each `chunkᵢ = IV (12 random bytes) ‖ AES-256-GCM
 * ciphertext ‖ tag (16)` under the client's content key (the key its pages are sealed with), with
 * additional data naming the client, the build, the file's opaque id, the chunk's index, the
 * chunk count and whether it is the last chunk. The reader takes the id and the size from the
 * (authenticated) page that links the file, so it knows the count before the first byte: a chunk
 * flipped, moved to another index, taken from another file or build, a file cut short at a chunk
 * boundary or followed by extra bytes is refused, and nothing after a refused chunk is given out.
 */
export const ATTACHMENT_MAGIC = 'GHA1';
/**
 * 256 KiB: WebCrypto's cost per call (a thread hop, a promise) is paid 400 times for 100 MB
 * instead of 1,600 times at 64 KiB, while a reader holding two or three chunks stays near 1 MB.
 * The 28 bytes of IV and tag per chunk add 0.01 %.
 */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;
/**
 * Chunks decrypted at once when opening: enough to keep WebCrypto's thread busy while the previous
 * results are written (see map-in-order.ts), few enough that a reader holds about a megabyte.
 */
export const ATTACHMENT_CHUNKS_IN_FLIGHT = 4;
const MAGIC_BYTES = utf8(ATTACHMENT_MAGIC);
const IV_BYTES = 12;
const TAG_BYTES = 16;
const LENGTH_BYTES = 4;
/** The largest attachment `check` accepts; the format itself stops at 4 GiB (a u32 length). */
export const MAX_ATTACHMENT_BYTES = 200 * 1000 * 1000;

/** What binds an attachment's chunks: its client, its build and its opaque id (also its published name). */
export interface AttachmentBinding {
	client: string;
	buildId: string;
	fileId: string;
}

/** The sizes of an attachment of `size` bytes: padded plaintext, chunks, and the published file. */
export function attachmentLayout(size: number): { padded: number; chunks: number; sealed: number } {
	const padded = paddedLength(size);
	const chunks = Math.ceil(padded / ATTACHMENT_CHUNK_BYTES);
	return { padded, chunks, sealed: MAGIC_BYTES.length + padded + chunks * (IV_BYTES + TAG_BYTES) };
}

export const chunkAad = (binding: AttachmentBinding, index: number, count: number): Bytes =>
	utf8(
		`glasshouse/v1/attachment|${binding.client}|${binding.buildId}|${binding.fileId}|${index}|${count}|${index === count - 1 ? 'final' : 'more'}`,
	);

/** Collects an uneven stream of byte pieces into pieces of exactly `size` bytes (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Bytes> {
	let buffer = new Uint8Array(size);
	let filled = 0;
	for await (const piece of source) {
		let offset = 0;
		while (offset < piece.length) {
			const take = Math.min(size - filled, piece.length - offset);
			buffer.set(piece.subarray(offset, offset + take), filled);
			filled += take;
			offset += take;
			if (filled === size) {
				yield buffer;
				buffer = new Uint8Array(size);
				filled = 0;
			}
		}
	}
	if (filled) yield buffer.slice(0, filled);
}

/** The padded plaintext of `data` (`size` bytes), as a stream: length header, data, zeros. */
async function* padded(data: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
	const header = new Uint8Array(LENGTH_BYTES);
	new DataView(header.buffer).setUint32(0, size);
	yield header;
	let seen = 0;
	for await (const piece of data) {
		seen += piece.length;
		if (seen > size) throw new RangeError(`the attachment is longer than the ${size} bytes announced`);
		yield piece;
	}
	if (seen !== size) throw new RangeError(`the attachment is ${seen} bytes, not the ${size} announced`);
	const zeros = paddedLength(size) - LENGTH_BYTES - size;
	for (let left = zeros; left > 0; left -= ATTACHMENT_CHUNK_BYTES) yield new Uint8Array(Math.min(left, ATTACHMENT_CHUNK_BYTES));
}

/**
 * Seals an attachment of `size` bytes read from `data`, yielding the published file piece by
 * piece (the magic, then one sealed chunk at a time). `randomIv` is for known-answer tests only.
 */
export async function* sealAttachment(
	key: CryptoKey,
	data: AsyncIterable<Uint8Array>,
	size: number,
	binding: AttachmentBinding,
	randomIv: () => Bytes = () => crypto.getRandomValues(new Uint8Array(IV_BYTES)),
): AsyncGenerator<Bytes> {
	if (size > 0xffffffff) throw new RangeError('an attachment must be smaller than 4 GiB');
	const { chunks } = attachmentLayout(size);
	yield MAGIC_BYTES.slice();
	let index = 0;
	for await (const chunk of rechunk(padded(data, size), ATTACHMENT_CHUNK_BYTES)) {
		const iv = randomIv();
		const additionalData = chunkAad(binding, index, chunks);
		const sealed = new Uint8Array(IV_BYTES + chunk.length + TAG_BYTES);
		sealed.set(iv);
		sealed.set(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, chunk)), IV_BYTES);
		yield sealed;
		index++;
	}
	if (index !== chunks) throw new Error(`sealed ${index} chunks, expected ${chunks}`);
}

/**
 * Opens an attachment published by `sealAttachment`, whose size (`size`, from the authenticated
 * page) tells how many chunks to expect. Yields the original bytes chunk by chunk, each only once
 * its chunk has authenticated; throws an `EnvelopeError` at the first chunk that does not, and on
 * any missing, extra or misplaced byte.
 */
export async function* openAttachment(
	key: CryptoKey,
	sealed: AsyncIterable<Uint8Array>,
	size: number,
	binding: AttachmentBinding,
	inFlight = ATTACHMENT_CHUNKS_IN_FLIGHT,
): AsyncGenerator<Bytes> {
	const { chunks, padded: paddedBytes } = attachmentLayout(size);
	const sealedChunk = IV_BYTES + ATTACHMENT_CHUNK_BYTES + TAG_BYTES;
	/** The sealed chunks in order, each checked for its place and length before it is decrypted. */
	async function* checked(): AsyncGenerator<Bytes> {
		let index = -1;
		for await (const piece of rechunkAfterMagic(sealed, sealedChunk)) {
			if (index === -1) {
				if (piece.length !== MAGIC_BYTES.length || !MAGIC_BYTES.every((byte, at) => piece[at] === byte))
					throw new EnvelopeError('version', `not a Glasshouse ${ATTACHMENT_MAGIC} attachment`);
				index = 0;
				continue;
			}
			if (index >= chunks) throw new EnvelopeError('format', 'the attachment has more bytes than its size announces');
			const expectedPlain = index === chunks - 1 ? paddedBytes - index * ATTACHMENT_CHUNK_BYTES : ATTACHMENT_CHUNK_BYTES;
			if (piece.length !== IV_BYTES + expectedPlain + TAG_BYTES) throw new EnvelopeError('format', 'the attachment is truncated');
			yield piece;
			index++;
		}
		if (index !== chunks) throw new EnvelopeError('format', 'the attachment is truncated');
	}
	const decrypt = async (piece: Bytes, index: number): Promise<Bytes> => {
		try {
			return new Uint8Array(
				await crypto.subtle.decrypt(
					{ name: 'AES-GCM', iv: piece.subarray(0, IV_BYTES), additionalData: chunkAad(binding, index, chunks), tagLength: 128 },
					key,
					piece.subarray(IV_BYTES),
				),
			);
		} catch {
			throw new EnvelopeError(
				'authentication',
				`chunk ${index} of the attachment failed authentication (wrong key, file or place, or altered)`,
			);
		}
	};
	/** Bytes of data still to give out (the rest of the padded plaintext must be zeros). */
	let dataLeft = size;
	let index = 0;
	// Several chunks are decrypted at once (WebCrypto works off this thread) and given out in
	// order: the reader holds at most `inFlight` chunks being decrypted and the one given out.
	for await (const plain of mapInOrder(checked(), decrypt, inFlight)) {
		let data = plain;
		if (index === 0) {
			const length = new DataView(plain.buffer, plain.byteOffset, plain.byteLength).getUint32(0);
			if (length !== size) throw new EnvelopeError('format', `the attachment holds ${length} bytes, the page announced ${size}`);
			data = plain.subarray(LENGTH_BYTES);
		}
		const give = Math.min(dataLeft, data.length);
		for (let at = give; at < data.length; at++) if (data[at] !== 0) throw new EnvelopeError('format', 'the padding is not zero');
		dataLeft -= give;
		index++;
		if (give) yield data.subarray(0, give);
	}
}

/** The magic on its own, then pieces of `size` bytes (the last may be shorter). */
async function* rechunkAfterMagic(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Bytes> {
	let magicLeft = MAGIC_BYTES.length;
	const magic = new Uint8Array(MAGIC_BYTES.length);
	async function* rest(): AsyncGenerator<Uint8Array> {
		for await (const piece of source) {
			if (magicLeft > 0) {
				const take = Math.min(magicLeft, piece.length);
				magic.set(piece.subarray(0, take), MAGIC_BYTES.length - magicLeft);
				magicLeft -= take;
				if (take < piece.length) yield piece.subarray(take);
			} else yield piece;
		}
	}
	const chunks = rechunk(rest(), size);
	const first = await chunks.next();
	yield magic.slice(0, MAGIC_BYTES.length - magicLeft);
	if (first.done) return;
	yield first.value;
	yield* chunks;
}

/** A ReadableStream's reader as an async iterable (Safari's streams are not iterable yet). */
export async function* readAll(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}
