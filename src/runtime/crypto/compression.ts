import { concat, type Bytes } from './bytes';

/**
 * gzip through the Compression Streams API, which browsers and Node (18 and later) share, so the
 * build and the gate use the same code. Pages are compressed before they are encrypted: ciphertext
 * does not compress, so a page sealed as it is costs a visitor several times the bytes of the same
 * page served plainly with gzip.
 */
export function gzip(bytes: Uint8Array): Promise<Bytes> {
	return through(bytes, new CompressionStream('gzip'));
}

export function gunzip(bytes: Uint8Array): Promise<Bytes> {
	return through(bytes, new DecompressionStream('gzip'));
}

/**
 * The bytes are written straight into the transform: going through a Blob's stream, as this did
 * before, cost the gate a round trip to the browser's blob store on every page. The output is read
 * with the stream's own reader, not `new Response(readable).arrayBuffer()`, which hands the stream
 * to the browser's body loader and waits for its tasks (on a phone profile, tens of milliseconds
 * between the last inflated byte and the page). A corrupt input rejects the read side; the write
 * side's rejections say the same and are left unheard.
 */
async function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Bytes> {
	const writer = transform.writable.getWriter();
	writer.write(bytes as Bytes).catch(() => undefined);
	writer.close().catch(() => undefined);
	const reader = transform.readable.getReader();
	const chunks: Uint8Array[] = [];
	for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
	return concat(...chunks);
}
