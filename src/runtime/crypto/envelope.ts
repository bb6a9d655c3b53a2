import { concat, fromBase64, toBase64, utf8, type Bytes } from './bytes';
import { gunzip, gzip } from './compression';
import { pad, unpad } from './padding';

/**
 * The ciphertext formats of a private client's published files. Both pad before they encrypt
 * (padding.ts), so a size tells only its bucket, and both bind the ciphertext to the client, the
 * build and the file's place, so nothing can be moved, swapped in from another build unnoticed
 * or relabelled. A reader knows exactly one version of each and refuses anything else: every
 * file of a site comes from one build, so there is nothing older to read.
 *
 * Page: `{ v: 3, alg: "A256GCM", iv: base64(12 bytes), ct: base64(ciphertext ‖ 16-byte tag) }`,
 * sealing the padded gzip of the page.
 */
export interface Envelope {
	v: 3;
	alg: 'A256GCM';
	iv: string;
	ct: string;
}

export const ENVELOPE_VERSION = 3;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * One build of the site: a random id (so two builds of the same content are unlinkable) and the
 * time it ran. Both are authenticated with every page, so the browser can trust them to notice a
 * page older than one it has already shown (a stale cache or a replayed copy).
 */
export interface BuildStamp {
	/** 16 random bytes, base64url. */
	id: string;
	/** ISO 8601 in UTC, to the second. */
	time: string;
}

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
 * Additional authenticated data binding a page to its client, its build and its path, so a
 * ciphertext moved to another page, another client's folder or shown with another build's
 * stamp fails to decrypt.
 */
export const pageAad = (client: string, build: BuildStamp, path: string): Bytes =>
	utf8(`glasshouse/v3/page|${client}|${build.id}|${build.time}|${path}`);

/**
 * AES-256-GCM with a fresh random 96-bit IV, of the padded gzip of the page. `compress` may be a
 * gzip function of the caller's (the build passes Node's zlib, several times faster than the
 * Compression Streams API there).
 */
export async function seal(
	key: CryptoKey,
	plaintext: Uint8Array,
	aad: Bytes,
	options: { compress?: (bytes: Uint8Array) => Promise<Uint8Array> } = {},
): Promise<Envelope> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const padded = pad(await (options.compress ?? gzip)(plaintext));
	const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, padded));
	return { v: ENVELOPE_VERSION, alg: 'A256GCM', iv: toBase64(iv), ct: toBase64(ct) };
}

/** Checks the envelope's shape and opens it; any failure is an `EnvelopeError`, never plaintext. */
export async function open(key: CryptoKey, envelope: unknown, aad: Bytes): Promise<Bytes> {
	const { iv, ct } = parseEnvelope(envelope);
	let padded: Bytes;
	try {
		padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, ct));
	} catch {
		throw new EnvelopeError('authentication', 'the ciphertext failed authentication (wrong key, wrong page, or altered)');
	}
	try {
		// Only authenticated bytes are unpadded and decompressed.
		return await gunzip(unpad(padded));
	} catch {
		throw new EnvelopeError('format', 'the page could not be unpadded and decompressed');
	}
}

export function parseEnvelope(envelope: unknown): { iv: Bytes; ct: Bytes } {
	if (!envelope || typeof envelope !== 'object') throw new EnvelopeError('format', 'not an envelope');
	const { v, alg, iv, ct } = envelope as Record<string, unknown>;
	if (v !== ENVELOPE_VERSION || alg !== 'A256GCM')
		throw new EnvelopeError('version', `unsupported envelope version ${String(v)} / ${String(alg)}`);
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
	return { iv: ivBytes, ct: ctBytes };
}

/**
 * Binary envelope of every other sealed file (the search index): `magic ‖ IV ‖ ciphertext+tag`
 * of the padded file. The magic names the version.
 */
export const FILE_MAGIC = 'GHE2';
const FILE_MAGIC_BYTES = utf8(FILE_MAGIC);

/** Binds a file's ciphertext to its client, its build and its published path below the client folder. */
export const fileAad = (client: string, buildId: string, path: string): Bytes => utf8(`glasshouse/v2/file|${client}|${buildId}|${path}`);

export async function sealFile(key: CryptoKey, plaintext: Uint8Array, aad: Bytes): Promise<Bytes> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, pad(plaintext)));
	return concat(FILE_MAGIC_BYTES, iv, ct);
}

export async function openFile(key: CryptoKey, sealed: Uint8Array, aad: Bytes): Promise<Bytes> {
	if (sealed.length < FILE_MAGIC_BYTES.length + IV_BYTES + TAG_BYTES) throw new EnvelopeError('format', 'file envelope is truncated');
	if (!FILE_MAGIC_BYTES.every((byte, index) => sealed[index] === byte))
		throw new EnvelopeError('version', `not a Glasshouse ${FILE_MAGIC} file envelope`);
	const iv = sealed.slice(FILE_MAGIC_BYTES.length, FILE_MAGIC_BYTES.length + IV_BYTES);
	const ct = sealed.slice(FILE_MAGIC_BYTES.length + IV_BYTES);
	let padded: Bytes;
	try {
		padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, ct));
	} catch {
		throw new EnvelopeError('authentication', 'the file failed authentication (wrong key, wrong path, wrong build, or altered)');
	}
	try {
		return unpad(padded);
	} catch {
		throw new EnvelopeError('format', 'the file could not be unpadded');
	}
}
