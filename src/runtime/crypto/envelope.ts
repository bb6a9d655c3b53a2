import { concat, fromBase64, toBase64, utf8, type Bytes } from './bytes';
import { gunzip, gzip } from './compression';

/**
 * The versioned ciphertext format of every encrypted page:
 * `{ v, alg: "A256GCM", iv: base64(12 bytes), ct: base64(ciphertext ‖ 16-byte tag) }`, where
 * v 1 seals the plaintext as it is and v 2 seals it gzip-compressed (what the build writes).
 * A reader refuses any version or algorithm it does not know rather than guessing.
 */
export interface Envelope {
	v: 1 | 2;
	alg: 'A256GCM';
	iv: string;
	ct: string;
}

/** The version `seal` writes without compression; `{ compress: true }` writes COMPRESSED_VERSION. */
export const ENVELOPE_VERSION = 1;
export const COMPRESSED_VERSION = 2;
const VERSIONS: ReadonlySet<unknown> = new Set([ENVELOPE_VERSION, COMPRESSED_VERSION]);

/**
 * A compressed envelope authenticates its version too, so relabelling it as v 1 (to have the
 * gate show compressed bytes as a page) fails authentication like any other change.
 */
const versionedAad = (version: number, aad: Bytes): Bytes => (version === ENVELOPE_VERSION ? aad : concat(utf8(`glasshouse/envelope-v${version}|`), aad));
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a ciphertext was refused; the browser maps these to messages for people. */
export class EnvelopeError extends Error {
	constructor(
		readonly reason: 'format' | 'version' | 'authentication',
		message: string,
	) {
		super(message);
		this.name = 'EnvelopeError';
	}
}

/**
 * Additional authenticated data binding a page to its client and path, so a ciphertext moved to
 * another page or another client's folder fails to decrypt.
 */
export const pageAad = (client: string, path: string): Bytes => utf8(`glasshouse/v1/page|${client}|${path}`);

/**
 * AES-256-GCM with a fresh random 96-bit IV; with `compress`, of the gzip-compressed plaintext.
 * `compress` may be a gzip function of the caller's (the build passes Node's zlib, several times
 * faster than the Compression Streams API there).
 */
export async function seal(key: CryptoKey, plaintext: Uint8Array, aad: Bytes, options: { compress?: boolean | ((bytes: Uint8Array) => Promise<Uint8Array>) } = {}): Promise<Envelope> {
	const { compress } = options;
	const version = compress ? COMPRESSED_VERSION : ENVELOPE_VERSION;
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const sealed = (compress ? await (typeof compress === 'function' ? compress : gzip)(plaintext) : plaintext) as Bytes;
	const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: versionedAad(version, aad), tagLength: 128 }, key, sealed));
	return { v: version, alg: 'A256GCM', iv: toBase64(iv), ct: toBase64(ct) };
}

/** Checks the envelope's shape and opens it; any failure is an `EnvelopeError`, never plaintext. */
export async function open(key: CryptoKey, envelope: unknown, aad: Bytes): Promise<Bytes> {
	const { v, iv, ct } = parseEnvelope(envelope);
	let plaintext: Bytes;
	try {
		plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: versionedAad(v, aad), tagLength: 128 }, key, ct));
	} catch {
		throw new EnvelopeError('authentication', 'the ciphertext failed authentication (wrong key, wrong page, or altered)');
	}
	if (v === ENVELOPE_VERSION) return plaintext;
	try {
		// Only authenticated bytes are decompressed.
		return await gunzip(plaintext);
	} catch {
		throw new EnvelopeError('format', 'the page could not be decompressed');
	}
}

export function parseEnvelope(envelope: unknown): { v: Envelope['v']; iv: Bytes; ct: Bytes } {
	if (!envelope || typeof envelope !== 'object') throw new EnvelopeError('format', 'not an envelope');
	const { v, alg, iv, ct } = envelope as Record<string, unknown>;
	if (!VERSIONS.has(v) || alg !== 'A256GCM') throw new EnvelopeError('version', `unsupported envelope version ${String(v)} / ${String(alg)}`);
	if (typeof iv !== 'string' || typeof ct !== 'string') throw new EnvelopeError('format', 'envelope fields missing');
	let ivBytes: Bytes;
	let ctBytes: Bytes;
	try {
		ivBytes = fromBase64(iv);
		ctBytes = fromBase64(ct);
	} catch {
		throw new EnvelopeError('format', 'envelope is not valid base64');
	}
	if (ivBytes.length !== IV_BYTES || ctBytes.length < TAG_BYTES) throw new EnvelopeError('format', 'envelope is truncated');
	return { v: v as Envelope['v'], iv: ivBytes, ct: ctBytes };
}

/** Binary envelope of an encrypted file (search index chunks and other assets): magic ‖ IV ‖ ciphertext+tag. */
const FILE_MAGIC = utf8('GHE1');

/** Binds a file's ciphertext to its client and its path below the client folder. */
export const fileAad = (client: string, path: string): Bytes => utf8(`glasshouse/v1/file|${client}|${path}`);

export async function sealFile(key: CryptoKey, plaintext: Uint8Array, aad: Bytes): Promise<Bytes> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, plaintext as Bytes));
	const out = new Uint8Array(FILE_MAGIC.length + IV_BYTES + ct.length);
	out.set(FILE_MAGIC, 0);
	out.set(iv, FILE_MAGIC.length);
	out.set(ct, FILE_MAGIC.length + IV_BYTES);
	return out;
}

export async function openFile(key: CryptoKey, sealed: Uint8Array, aad: Bytes): Promise<Bytes> {
	if (sealed.length < FILE_MAGIC.length + IV_BYTES + TAG_BYTES) throw new EnvelopeError('format', 'file envelope is truncated');
	if (!FILE_MAGIC.every((byte, index) => sealed[index] === byte)) throw new EnvelopeError('version', 'not a Glasshouse v1 file envelope');
	const iv = sealed.slice(FILE_MAGIC.length, FILE_MAGIC.length + IV_BYTES);
	const ct = sealed.slice(FILE_MAGIC.length + IV_BYTES);
	try {
		return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, ct));
	} catch {
		throw new EnvelopeError('authentication', 'the file failed authentication (wrong key, wrong path, or altered)');
	}
}
