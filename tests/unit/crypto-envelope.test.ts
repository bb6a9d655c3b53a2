import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { concat, fromBase64, fromUtf8, toBase64, toBase64Url, utf8 } from '@/runtime/crypto/bytes';
import { EnvelopeError, open, pageAad, parseEnvelope, seal, type BuildStamp, type Envelope } from '@/runtime/crypto/envelope';
import { MIN_PADDED_BYTES, paddedLength } from '@/runtime/crypto/padding';
import { normalizePagePath } from '@/runtime/crypto/page-path';

const PAGE = 'updates/2026-11-20/';

const newKey = (extractable = false) => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);

/** Awaits a promise (or a throwing function) and returns the `EnvelopeError` it failed with. */
async function envelopeError(action: Promise<unknown> | (() => unknown)): Promise<EnvelopeError> {
	try {
		await (typeof action === 'function' ? action() : action);
	} catch (error) {
		expect(error).toBeInstanceOf(EnvelopeError);
		return error as EnvelopeError;
	}
	throw new Error('expected an EnvelopeError, but the call succeeded');
}

/** A copy of a base64 field with one bit flipped at `index`. */
function flipBit(base64: string, index: number): string {
	const bytes = fromBase64(base64);
	bytes[index < 0 ? bytes.length + index : index]! ^= 0x01;
	return toBase64(bytes);
}

describe('bytes', () => {
	it('round-trips standard and URL-safe base64, and refuses anything else', () => {
		const bytes = new Uint8Array([0xfb, 0xff, 0xbf, 0x00, 0x3e, 0x3f]);
		expect(toBase64(bytes)).toBe('+/+/AD4/');
		expect(toBase64Url(bytes)).toBe('-_-_AD4_');
		expect([...fromBase64('+/+/AD4/')]).toEqual([...bytes]);
		expect([...fromBase64('-_-_AD4_')]).toEqual([...bytes]);
		expect(() => fromBase64('not base64!')).toThrow(TypeError);
	});

	it('encodes large inputs (more than one 32 KiB chunk) like Node does', () => {
		const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) & 0xff);
		expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
	});

	it('decodes UTF-8 strictly and concatenates', () => {
		expect(fromUtf8(utf8('Zürich 北京'))).toBe('Zürich 北京');
		expect(() => fromUtf8(new Uint8Array([0xc3, 0x28]))).toThrow();
		expect([...concat(new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3]))]).toEqual([1, 2, 3]);
	});
});

describe('normalizePagePath', () => {
	it.each([
		['updates/2026-11-20/index.html', 'updates/2026-11-20/'],
		['updates/2026-11-20/', 'updates/2026-11-20/'],
		['index.html', ''],
		['', ''],
		['faq/notindex.html', 'faq/notindex.html'],
		['index.html/extra', 'index.html/extra'],
	])('binds %j to %j', (relative, expected) => {
		expect(normalizePagePath(relative)).toBe(expected);
	});
});

const KNOWN_ANSWER = JSON.parse(
	readFileSync(new URL('../fixtures/known-answer/page-envelope-v3.json', import.meta.url), 'utf8'),
) as unknown;
const BUILD: BuildStamp = { id: 'q8CEz2xk1Jw4r0n6u5Zf3A', time: '2026-12-01T09:30:00Z' };
const OTHER_BUILD: BuildStamp = { id: 'Zb7yvFJ0cM2y5dPq3hWm1g', time: '2026-12-01T09:30:00Z' };

describe('pageAad', () => {
	it('names the version, the client, the build and the path', () => {
		expect(fromUtf8(pageAad('acme', BUILD, PAGE))).toBe(
			'glasshouse/v3/page|acme|q8CEz2xk1Jw4r0n6u5Zf3A|2026-12-01T09:30:00Z|updates/2026-11-20/',
		);
	});
});

describe('seal and open (envelope version 3: padded gzip in AES-256-GCM)', () => {
	let key: CryptoKey;
	let envelope: Envelope;
	const PAGE_HTML = `<!doctype html><main>${'<p>Week 47: the carrier API is live on staging.</p>'.repeat(2000)}</main>`;
	beforeAll(async () => {
		key = await newKey(true);
		envelope = await seal(key, utf8(PAGE_HTML), pageAad('acme', BUILD, PAGE));
	});

	it('writes the versioned format: v 3, A256GCM, a 12-byte IV, a padded ciphertext plus 16-byte tag', () => {
		expect(Object.keys(envelope).sort()).toEqual(['alg', 'ct', 'iv', 'v']);
		expect(envelope.v).toBe(3);
		expect(envelope.alg).toBe('A256GCM');
		expect(fromBase64(envelope.iv)).toHaveLength(12);
		const length = fromBase64(envelope.ct).length - 16;
		expect(length).toBe(paddedLength(gzipSync(PAGE_HTML).length));
		expect(length).toBeLessThan(utf8(PAGE_HTML).length / 5);
		expect(envelope.ct).not.toContain(toBase64(utf8('carrier')));
	});

	it('opens what it sealed, as the page stores it (a JSON round trip)', async () => {
		const stored = JSON.parse(JSON.stringify(envelope)) as unknown;
		expect(fromUtf8(await open(key, stored, pageAad('acme', BUILD, PAGE)))).toBe(PAGE_HTML);
	});

	it('is plain AES-256-GCM over a length-prefixed, zero-padded gzip, with the AAD as documented: node:crypto opens it and it opens what node:crypto sealed', async () => {
		const raw = Buffer.from(await crypto.subtle.exportKey('raw', key));
		const aad = Buffer.from(`glasshouse/v3/page|acme|${BUILD.id}|${BUILD.time}|${PAGE}`);
		const ct = Buffer.from(envelope.ct, 'base64');
		const decipher = createDecipheriv('aes-256-gcm', raw, Buffer.from(envelope.iv, 'base64'));
		decipher.setAAD(aad);
		decipher.setAuthTag(ct.subarray(-16));
		const padded = Buffer.concat([decipher.update(ct.subarray(0, -16)), decipher.final()]);
		const length = padded.readUInt32BE(0);
		expect(padded.subarray(4 + length).every((byte) => byte === 0)).toBe(true);
		expect(gunzipSync(padded.subarray(4, 4 + length)).toString('utf8')).toBe(PAGE_HTML);

		const iv = Buffer.alloc(12, 7);
		const gz = gzipSync('from node');
		const plain = Buffer.alloc(paddedLength(gz.length));
		plain.writeUInt32BE(gz.length, 0);
		gz.copy(plain, 4);
		const cipher = createCipheriv('aes-256-gcm', raw, iv);
		cipher.setAAD(aad);
		const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
		const foreign = { v: 3, alg: 'A256GCM', iv: iv.toString('base64'), ct: sealed.toString('base64') };
		expect(fromUtf8(await open(key, foreign, pageAad('acme', BUILD, PAGE)))).toBe('from node');
	});

	it('opens a known-answer vector (fixed key, IV and page)', async () => {
		// Sealed once with node:crypto and zlib (tests/fixtures/known-answer/README.md).
		const known = await crypto.subtle.importKey(
			'raw',
			Uint8Array.from({ length: 32 }, (_, i) => i),
			'AES-GCM',
			false,
			['decrypt'],
		);
		expect(fromUtf8(await open(known, KNOWN_ANSWER, pageAad('acme', BUILD, PAGE)))).toBe('<p>known</p>');
	});

	it('draws a fresh IV for every seal, so equal pages give different ciphertexts', async () => {
		const again = await seal(key, utf8(PAGE_HTML), pageAad('acme', BUILD, PAGE));
		expect(again.iv).not.toBe(envelope.iv);
		expect(again.ct).not.toBe(envelope.ct);
		const ivs = new Set(
			await Promise.all(Array.from({ length: 20 }, async () => (await seal(key, utf8('x'), pageAad('acme', BUILD, ''))).iv)),
		);
		expect(ivs.size).toBe(20);
	});

	it('gives pages of different lengths the same size when they fall in one bucket', async () => {
		const short = await seal(key, utf8('<p>Status: open</p>'), pageAad('acme', BUILD, PAGE));
		const long = await seal(key, utf8('<p>Status: mitigated, reviewed with the client on Friday</p>'), pageAad('acme', BUILD, PAGE));
		expect(fromBase64(short.ct).length).toBe(fromBase64(long.ct).length);
	});

	it('refuses the ciphertext on another page of the same client', async () => {
		expect((await envelopeError(open(key, envelope, pageAad('acme', BUILD, 'updates/2026-11-27/')))).reason).toBe('authentication');
		expect((await envelopeError(open(key, envelope, pageAad('acme', BUILD, '')))).reason).toBe('authentication');
	});

	it("refuses the ciphertext in another client's folder", async () => {
		expect((await envelopeError(open(key, envelope, pageAad('globex', BUILD, PAGE)))).reason).toBe('authentication');
	});

	it('refuses the ciphertext shown with another build id or another build time (a replayed or relabelled page)', async () => {
		expect((await envelopeError(open(key, envelope, pageAad('acme', OTHER_BUILD, PAGE)))).reason).toBe('authentication');
		expect((await envelopeError(open(key, envelope, pageAad('acme', { ...BUILD, time: '2026-12-08T09:30:00Z' }, PAGE)))).reason).toBe(
			'authentication',
		);
	});

	it('refuses a ciphertext with one bit flipped, in the body or in the tag', async () => {
		for (const index of [0, 20, -1]) {
			const error = await envelopeError(open(key, { ...envelope, ct: flipBit(envelope.ct, index) }, pageAad('acme', BUILD, PAGE)));
			expect(error.reason, `bit flipped at ${index}`).toBe('authentication');
		}
	});

	it('refuses a tampered IV', async () => {
		const error = await envelopeError(open(key, { ...envelope, iv: flipBit(envelope.iv, 5) }, pageAad('acme', BUILD, PAGE)));
		expect(error.reason).toBe('authentication');
	});

	it('refuses the wrong key', async () => {
		const error = await envelopeError(open(await newKey(), envelope, pageAad('acme', BUILD, PAGE)));
		expect(error.reason).toBe('authentication');
		expect(error.message).toMatch(/failed authentication/);
	});

	it('refuses the envelope relabelled as an older version', async () => {
		for (const v of [1, 2])
			expect((await envelopeError(open(key, { ...envelope, v }, pageAad('acme', BUILD, PAGE)))).reason).toBe('version');
	});

	it("takes the caller's gzip, as the build passes Node's zlib, and the browser's code opens it", async () => {
		const fromZlib = await seal(key, utf8(PAGE_HTML), pageAad('acme', BUILD, PAGE), { compress: async (bytes) => gzipSync(bytes) });
		expect(fromUtf8(await open(key, fromZlib, pageAad('acme', BUILD, PAGE)))).toBe(PAGE_HTML);
	});

	it('refuses an authentic page that is not gzip (or is cut short) as a format it does not know, and nothing is left unhandled', async () => {
		const notGzip = await seal(key, utf8(PAGE_HTML), pageAad('acme', BUILD, PAGE), { compress: async (bytes) => bytes });
		expect((await envelopeError(open(key, notGzip, pageAad('acme', BUILD, PAGE)))).reason).toBe('format');
		const cut = await seal(key, utf8(PAGE_HTML), pageAad('acme', BUILD, PAGE), {
			compress: async (bytes) => gzipSync(bytes).subarray(0, 40),
		});
		expect((await envelopeError(open(key, cut, pageAad('acme', BUILD, PAGE)))).reason).toBe('format');
	});

	it('seals and opens an empty page', async () => {
		const empty = await seal(key, new Uint8Array(0), pageAad('acme', BUILD, PAGE));
		expect(fromBase64(empty.ct)).toHaveLength(MIN_PADDED_BYTES + 16);
		expect(await open(key, empty, pageAad('acme', BUILD, PAGE))).toHaveLength(0);
	});
});

describe('parseEnvelope', () => {
	const valid = { v: 3, alg: 'A256GCM', iv: toBase64(new Uint8Array(12)), ct: toBase64(new Uint8Array(16)) };

	it('accepts a well-formed envelope and decodes its fields', () => {
		const { iv, ct } = parseEnvelope(valid);
		expect(iv).toHaveLength(12);
		expect(ct).toHaveLength(16);
	});

	it.each([
		['a ciphertext shorter than the tag', { ...valid, ct: toBase64(new Uint8Array(15)) }],
		['an empty ciphertext', { ...valid, ct: '' }],
		['an 8-byte IV', { ...valid, iv: toBase64(new Uint8Array(8)) }],
		['a 16-byte IV', { ...valid, iv: toBase64(new Uint8Array(16)) }],
		['an IV that is not base64', { ...valid, iv: 'not base64!' }],
		['a ciphertext that is not base64', { ...valid, ct: '<p>plain</p>' }],
		['a missing IV', { v: 3, alg: 'A256GCM', ct: valid.ct }],
		['a numeric ciphertext', { ...valid, ct: 42 }],
		['null', null],
		['a string', JSON.stringify(valid)],
	])('refuses %s as a format error', async (_, envelope) => {
		expect((await envelopeError(() => parseEnvelope(envelope))).reason).toBe('format');
		expect((await envelopeError(open(await newKey(), envelope, pageAad('acme', BUILD, PAGE)))).reason).toBe('format');
	});

	it.each([
		['version 1, which no build writes any more', { ...valid, v: 1 }],
		['version 2, which no build writes any more', { ...valid, v: 2 }],
		['version 4', { ...valid, v: 4 }],
		['version "3" as a string', { ...valid, v: '3' }],
		['no version', { alg: 'A256GCM', iv: valid.iv, ct: valid.ct }],
		['algorithm A128GCM', { ...valid, alg: 'A128GCM' }],
		['algorithm ChaCha20-Poly1305', { ...valid, alg: 'C20P' }],
	])('refuses %s as a version error', async (_, envelope) => {
		const error = await envelopeError(() => parseEnvelope(envelope));
		expect(error.reason).toBe('version');
		expect(error.name).toBe('EnvelopeError');
	});
});
