import { createCipheriv, createDecipheriv } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { concat, fromBase64, fromUtf8, toBase64, toBase64Url, utf8 } from '../../src/runtime/crypto/bytes';
import { EnvelopeError, open, pageAad, parseEnvelope, seal, type Envelope } from '../../src/runtime/crypto/envelope';
import { normalizePagePath } from '../../src/runtime/crypto/page-path';

const PAGE = 'updates/2026-11-20/';
const HTML = '<!doctype html><h1>Week 47</h1><p>The payroll cut-over moved to Monday.</p>';

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

describe('pageAad', () => {
	it('names the version, the client and the path', () => {
		expect(fromUtf8(pageAad('acme', PAGE))).toBe('glasshouse/v1/page|acme|updates/2026-11-20/');
	});
});

describe('seal and open', () => {
	let key: CryptoKey;
	let envelope: Envelope;
	beforeAll(async () => {
		key = await newKey(true);
		envelope = await seal(key, utf8(HTML), pageAad('acme', PAGE));
	});

	it('writes the versioned format: v 1, A256GCM, a 12-byte IV, ciphertext plus 16-byte tag', () => {
		expect(Object.keys(envelope).sort()).toEqual(['alg', 'ct', 'iv', 'v']);
		expect(envelope.v).toBe(1);
		expect(envelope.alg).toBe('A256GCM');
		expect(fromBase64(envelope.iv)).toHaveLength(12);
		expect(fromBase64(envelope.ct)).toHaveLength(utf8(HTML).length + 16);
		expect(envelope.ct).not.toContain(toBase64(utf8('payroll')));
	});

	it('opens what it sealed', async () => {
		expect(fromUtf8(await open(key, envelope, pageAad('acme', PAGE)))).toBe(HTML);
	});

	it('survives a JSON round trip, as the page stores it', async () => {
		const stored = JSON.parse(JSON.stringify(envelope)) as unknown;
		expect(fromUtf8(await open(key, stored, pageAad('acme', PAGE)))).toBe(HTML);
	});

	it('is plain AES-256-GCM: node:crypto opens it, and it opens what node:crypto sealed', async () => {
		const raw = Buffer.from(await crypto.subtle.exportKey('raw', key));
		const aad = Buffer.from(`glasshouse/v1/page|acme|${PAGE}`);
		const ct = Buffer.from(envelope.ct, 'base64');
		const decipher = createDecipheriv('aes-256-gcm', raw, Buffer.from(envelope.iv, 'base64'));
		decipher.setAAD(aad);
		decipher.setAuthTag(ct.subarray(-16));
		expect(Buffer.concat([decipher.update(ct.subarray(0, -16)), decipher.final()]).toString('utf8')).toBe(HTML);

		const iv = Buffer.alloc(12, 7);
		const cipher = createCipheriv('aes-256-gcm', raw, iv);
		cipher.setAAD(aad);
		const sealed = Buffer.concat([cipher.update('from node'), cipher.final(), cipher.getAuthTag()]);
		const foreign = { v: 1, alg: 'A256GCM', iv: iv.toString('base64'), ct: sealed.toString('base64') };
		expect(fromUtf8(await open(key, foreign, pageAad('acme', PAGE)))).toBe('from node');
	});

	it('draws a fresh IV for every seal, so equal pages give different ciphertexts', async () => {
		const again = await seal(key, utf8(HTML), pageAad('acme', PAGE));
		expect(again.iv).not.toBe(envelope.iv);
		expect(again.ct).not.toBe(envelope.ct);
		const ivs = new Set(await Promise.all(Array.from({ length: 20 }, async () => (await seal(key, utf8('x'), pageAad('acme', ''))).iv)));
		expect(ivs.size).toBe(20);
	});

	it('refuses the ciphertext on another page of the same client', async () => {
		expect((await envelopeError(open(key, envelope, pageAad('acme', 'updates/2026-11-27/')))).reason).toBe('authentication');
		expect((await envelopeError(open(key, envelope, pageAad('acme', '')))).reason).toBe('authentication');
	});

	it("refuses the ciphertext in another client's folder", async () => {
		expect((await envelopeError(open(key, envelope, pageAad('globex', PAGE)))).reason).toBe('authentication');
	});

	it('refuses a ciphertext with one bit flipped, in the body or in the tag', async () => {
		for (const index of [0, 20, -1]) {
			const error = await envelopeError(open(key, { ...envelope, ct: flipBit(envelope.ct, index) }, pageAad('acme', PAGE)));
			expect(error.reason, `bit flipped at ${index}`).toBe('authentication');
		}
	});

	it('refuses a tampered IV', async () => {
		const error = await envelopeError(open(key, { ...envelope, iv: flipBit(envelope.iv, 5) }, pageAad('acme', PAGE)));
		expect(error.reason).toBe('authentication');
	});

	it('refuses the wrong key', async () => {
		const error = await envelopeError(open(await newKey(), envelope, pageAad('acme', PAGE)));
		expect(error.reason).toBe('authentication');
		expect(error.message).toMatch(/failed authentication/);
	});

	it('seals and opens an empty page', async () => {
		const empty = await seal(key, new Uint8Array(0), pageAad('acme', PAGE));
		expect(fromBase64(empty.ct)).toHaveLength(16);
		expect(await open(key, empty, pageAad('acme', PAGE))).toHaveLength(0);
	});
});

describe('seal and open with compression', () => {
	let key: CryptoKey;
	let envelope: Envelope;
	const PAGE_HTML = `<!doctype html><main>${'<p>Week 47: the carrier API is live on staging.</p>'.repeat(200)}</main>`;
	beforeAll(async () => {
		key = await newKey(true);
		envelope = await seal(key, utf8(PAGE_HTML), pageAad('acme', PAGE), { compress: true });
	});

	it('writes version 2 and seals the gzip-compressed page, far smaller than the page', () => {
		expect(envelope.v).toBe(2);
		expect(fromBase64(envelope.ct).length).toBeLessThan(utf8(PAGE_HTML).length / 10);
	});

	it('opens what it sealed, as the page stores it', async () => {
		const stored = JSON.parse(JSON.stringify(envelope)) as unknown;
		expect(fromUtf8(await open(key, stored, pageAad('acme', PAGE)))).toBe(PAGE_HTML);
	});

	it('is gzip inside plain AES-256-GCM whose AAD names the version', async () => {
		const raw = Buffer.from(await crypto.subtle.exportKey('raw', key));
		const ct = Buffer.from(envelope.ct, 'base64');
		const decipher = createDecipheriv('aes-256-gcm', raw, Buffer.from(envelope.iv, 'base64'));
		decipher.setAAD(Buffer.from(`glasshouse/envelope-v2|glasshouse/v1/page|acme|${PAGE}`));
		decipher.setAuthTag(ct.subarray(-16));
		expect(gunzipSync(Buffer.concat([decipher.update(ct.subarray(0, -16)), decipher.final()])).toString('utf8')).toBe(PAGE_HTML);
	});

	it('refuses the envelope relabelled as version 1, and tampered or moved ciphertext', async () => {
		expect((await envelopeError(open(key, { ...envelope, v: 1 }, pageAad('acme', PAGE)))).reason).toBe('authentication');
		expect((await envelopeError(open(key, { ...envelope, ct: flipBit(envelope.ct, 20) }, pageAad('acme', PAGE)))).reason).toBe('authentication');
		expect((await envelopeError(open(key, envelope, pageAad('acme', '')))).reason).toBe('authentication');
	});

	it("takes the caller's gzip, as the build passes Node's zlib, and the browser's code opens it", async () => {
		const fromZlib = await seal(key, utf8(PAGE_HTML), pageAad('acme', PAGE), { compress: async (bytes) => gzipSync(bytes) });
		expect(fromZlib.v).toBe(2);
		expect(fromUtf8(await open(key, fromZlib, pageAad('acme', PAGE)))).toBe(PAGE_HTML);
	});

	it('still opens version 1 envelopes', async () => {
		const plain = await seal(key, utf8('<p>old</p>'), pageAad('acme', PAGE));
		expect(plain.v).toBe(1);
		expect(fromUtf8(await open(key, plain, pageAad('acme', PAGE)))).toBe('<p>old</p>');
	});

	it('compresses and opens an empty page', async () => {
		const empty = await seal(key, new Uint8Array(0), pageAad('acme', PAGE), { compress: true });
		expect(await open(key, empty, pageAad('acme', PAGE))).toHaveLength(0);
	});
});

describe('parseEnvelope', () => {
	const valid = { v: 1, alg: 'A256GCM', iv: toBase64(new Uint8Array(12)), ct: toBase64(new Uint8Array(16)) };

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
		['a missing IV', { v: 1, alg: 'A256GCM', ct: valid.ct }],
		['a numeric ciphertext', { ...valid, ct: 42 }],
		['null', null],
		['a string', JSON.stringify(valid)],
	])('refuses %s as a format error', async (_, envelope) => {
		expect((await envelopeError(() => parseEnvelope(envelope))).reason).toBe('format');
		expect((await envelopeError(open(await newKey(), envelope, pageAad('acme', PAGE)))).reason).toBe('format');
	});

	it.each([
		['version 3', { ...valid, v: 3 }],
		['version "1" as a string', { ...valid, v: '1' }],
		['no version', { alg: 'A256GCM', iv: valid.iv, ct: valid.ct }],
		['algorithm A128GCM', { ...valid, alg: 'A128GCM' }],
		['algorithm ChaCha20-Poly1305', { ...valid, alg: 'C20P' }],
	])('refuses %s as a version error', async (_, envelope) => {
		const error = await envelopeError(() => parseEnvelope(envelope));
		expect(error.reason).toBe('version');
		expect(error.name).toBe('EnvelopeError');
	});
});
