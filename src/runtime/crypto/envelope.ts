import { fromBase64, toBase64, utf8, type Bytes } from './bytes';

/**
 * The versioned ciphertext format of every encrypted page and file:
 * `{ v: 1, alg: "A256GCM", iv: base64(12 bytes), ct: base64(ciphertext ‖ 16-byte tag) }`.
 * A reader refuses any version or algorithm it does not know rather than guessing.
 */
export interface Envelope {
	v: 1;
	alg: 'A256GCM';
	iv: string;
	ct: string;
}

export const ENVELOPE_VERSION = 1;
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

/** AES-256-GCM with a fresh random 96-bit IV. */
export async function seal(key: CryptoKey, plaintext: Uint8Array, aad: Bytes): Promise<Envelope> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, plaintext as Bytes));
	return { v: ENVELOPE_VERSION, alg: 'A256GCM', iv: toBase64(iv), ct: toBase64(ct) };
}

/** Checks the envelope's shape and opens it; any failure is an `EnvelopeError`, never plaintext. */
export async function open(key: CryptoKey, envelope: unknown, aad: Bytes): Promise<Bytes> {
	const { iv, ct } = parseEnvelope(envelope);
	try {
		return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, key, ct));
	} catch {
		throw new EnvelopeError('authentication', 'the ciphertext failed authentication (wrong key, wrong page, or altered)');
	}
}

export function parseEnvelope(envelope: unknown): { iv: Bytes; ct: Bytes } {
	if (!envelope || typeof envelope !== 'object') throw new EnvelopeError('format', 'not an envelope');
	const { v, alg, iv, ct } = envelope as Record<string, unknown>;
	if (v !== ENVELOPE_VERSION || alg !== 'A256GCM') throw new EnvelopeError('version', `unsupported envelope version ${String(v)} / ${String(alg)}`);
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
