import type { Bytes } from './bytes';

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

async function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Bytes> {
	const stream = new Blob([bytes as Bytes]).stream().pipeThrough(transform);
	return new Uint8Array(await new Response(stream).arrayBuffer());
}
