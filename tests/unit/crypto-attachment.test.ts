import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	ATTACHMENT_CHUNK_BYTES,
	attachmentLayout,
	openAttachment,
	sealAttachment,
	type AttachmentBinding,
} from '@/runtime/crypto/attachment';
import { concat, type Bytes } from '@/runtime/crypto/bytes';
import type { EnvelopeError } from '@/runtime/crypto/envelope';
import { paddedLength } from '@/runtime/crypto/padding';

const RAW_KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const key = () => crypto.subtle.importKey('raw', RAW_KEY, 'AES-GCM', false, ['encrypt', 'decrypt']);
const BINDING: AttachmentBinding = { client: 'acme', buildId: 'q8CEz2xk1Jw4r0n6u5Zf3A', fileId: '0123456789abcdef0123456789abcdef' };

/** Deterministic bytes of any length (not all zeros, so misplaced data shows). */
function sample(length: number): Bytes {
	const bytes = new Uint8Array(length);
	for (let i = 0; i < length; i++) bytes[i] = (i * 31 + 7) & 0xff;
	return bytes;
}
/** Byte equality without Vitest's element-by-element diff (slow on megabytes). */
const same = (a: Uint8Array, b: Uint8Array) =>
	Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

async function* pieces(bytes: Uint8Array, size = 65_536): AsyncGenerator<Uint8Array> {
	for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Bytes> {
	const parts: Uint8Array[] = [];
	for await (const part of source) parts.push(part.slice());
	return concat(...parts);
}

/** IVs 0, 1, 2… as 12-byte big-endian counters: a fixed vector. */
function countingIvs(): () => Bytes {
	let next = 0;
	return () => {
		const iv = new Uint8Array(12);
		new DataView(iv.buffer).setUint32(8, next++);
		return iv;
	};
}

const seal = async (data: Uint8Array, binding = BINDING, ivs?: () => Bytes) =>
	collect(sealAttachment(await key(), pieces(data), data.length, binding, ivs));
const open = async (sealed: Uint8Array, size: number, binding = BINDING) =>
	collect(openAttachment(await key(), pieces(sealed, 50_000), size, binding));
const reason = (promise: Promise<unknown>) =>
	promise.then(
		() => 'opened',
		(error: EnvelopeError) => error.reason ?? String(error),
	);

/** The published file's chunks (after the 4-byte magic), each IV ‖ ciphertext ‖ tag. */
function chunksOf(sealed: Uint8Array): Bytes[] {
	const chunks: Bytes[] = [];
	const whole = 12 + ATTACHMENT_CHUNK_BYTES + 16;
	for (let at = 4; at < sealed.length; at += whole) chunks.push(sealed.slice(at, at + whole));
	return chunks;
}

describe('chunked attachments', () => {
	it('match an independent AES-256-GCM (node:crypto) chunk by chunk: known-answer vector', async () => {
		const data = sample(600_000);
		const sealed = await seal(data, BINDING, countingIvs());
		const layout = attachmentLayout(data.length);
		expect(sealed.length).toBe(layout.sealed);
		expect(layout.chunks).toBe(3);
		// The padded plaintext as padding.ts lays it out, cut in 256 KiB chunks and sealed by node:crypto.
		const padded = new Uint8Array(paddedLength(data.length));
		new DataView(padded.buffer).setUint32(0, data.length);
		padded.set(data, 4);
		const expected: Uint8Array[] = [Buffer.from('GHA1')];
		for (let index = 0; index < layout.chunks; index++) {
			const iv = countingIvs();
			for (let skip = 0; skip < index; skip++) iv();
			const chunkIv = iv();
			const cipher = createCipheriv('aes-256-gcm', RAW_KEY, chunkIv);
			const final = index === layout.chunks - 1 ? 'final' : 'more';
			cipher.setAAD(Buffer.from(`glasshouse/v1/attachment|acme|${BINDING.buildId}|${BINDING.fileId}|${index}|3|${final}`));
			const body = cipher.update(padded.subarray(index * ATTACHMENT_CHUNK_BYTES, (index + 1) * ATTACHMENT_CHUNK_BYTES));
			cipher.final();
			expected.push(chunkIv, body, cipher.getAuthTag());
		}
		expect(Buffer.from(sealed).equals(Buffer.concat(expected))).toBe(true);
		// Pinned, so a change of format cannot pass unnoticed even if both sides changed together.
		expect(createHash('sha256').update(sealed).digest('hex')).toMatchInlineSnapshot(
			`"28977e856607467b16620e6bdae9e7dd23ad9643acbb0be7bdaa66f1d351c23c"`,
		);
		expect(same(await open(sealed, data.length), data)).toBe(true);
	});

	it('round-trip at every boundary: empty, one byte, a chunk exactly, a chunk and one byte', async () => {
		for (const size of [
			0,
			1,
			ATTACHMENT_CHUNK_BYTES - 4,
			ATTACHMENT_CHUNK_BYTES,
			ATTACHMENT_CHUNK_BYTES + 1,
			3 * ATTACHMENT_CHUNK_BYTES + 17,
		]) {
			const data = sample(size);
			const sealed = await seal(data);
			expect(sealed.length).toBe(attachmentLayout(size).sealed);
			expect(same(await open(sealed, size), data)).toBe(true);
		}
	});

	it('publish only a size bucket: files of 1,000,000 and 1,010,000 bytes are the same size', async () => {
		expect(attachmentLayout(1_000_000).sealed).toBe(attachmentLayout(1_010_000).sealed);
		expect(attachmentLayout(10).sealed).toBe(attachmentLayout(4000).sealed);
	});

	it('refuse a flipped bit, a truncated file, reordered chunks, a chunk swapped in from another file, and a wrong file id', async () => {
		const data = sample(3 * ATTACHMENT_CHUNK_BYTES);
		const size = data.length;
		const sealed = await seal(data);
		const [magic, chunks] = [sealed.slice(0, 4), chunksOf(sealed)];
		expect(chunks.length).toBe(4);

		for (const at of [5, 4 + 12 + 1000, sealed.length - 1]) {
			const flipped = sealed.slice();
			flipped[at]! ^= 1;
			expect(await reason(open(flipped, size))).toBe('authentication');
		}
		// Cut inside a chunk, at a chunk boundary (the final chunk missing), or with extra bytes after.
		expect(await reason(open(sealed.slice(0, sealed.length - 100), size))).toBe('format');
		expect(await reason(open(concat(magic, ...chunks.slice(0, 3)), size))).toBe('format');
		expect(await reason(open(concat(sealed, new Uint8Array(44)), size))).toBe('format');
		// Two full chunks exchanged; the last chunk dropped and a full one repeated in its place.
		expect(await reason(open(concat(magic, chunks[1]!, chunks[0]!, chunks[2]!, chunks[3]!), size))).toBe('authentication');
		expect(await reason(open(concat(magic, chunks[0]!, chunks[1]!, chunks[2]!, chunks[2]!.slice(0, chunks[3]!.length)), size))).toBe(
			'authentication',
		);
		// Another file of the same client and build, sealed under its own id: same length, same key.
		const other = chunksOf(await seal(sample(size).reverse(), { ...BINDING, fileId: 'fedcba9876543210fedcba9876543210' }));
		expect(await reason(open(concat(magic, chunks[0]!, other[1]!, chunks[2]!, chunks[3]!), size))).toBe('authentication');
		// The right bytes asked for under another id, client or build, or as a file of another size.
		expect(await reason(open(sealed, size, { ...BINDING, fileId: 'fedcba9876543210fedcba9876543210' }))).toBe('authentication');
		expect(await reason(open(sealed, size, { ...BINDING, client: 'globex' }))).toBe('authentication');
		expect(await reason(open(sealed, size, { ...BINDING, buildId: 'Zb7yvFJ0cM2y5dPq3hWm1g' }))).toBe('authentication');
		expect(await reason(open(sealed, size - 1))).toBe('format');
		// Not an attachment at all.
		const foreign = sealed.slice();
		foreign[3] = '2'.charCodeAt(0);
		expect(await reason(open(foreign, size))).toBe('version');
	});

	it('give out nothing of a chunk that failed, and nothing after it', async () => {
		const data = sample(2 * ATTACHMENT_CHUNK_BYTES);
		const sealed = await seal(data);
		const flipped = sealed.slice();
		flipped[4 + 12 + ATTACHMENT_CHUNK_BYTES + 16 + 12 + 5]! ^= 1; // inside the second chunk
		const given: Uint8Array[] = [];
		await expect(
			(async () => {
				for await (const part of openAttachment(await key(), pieces(flipped), data.length, BINDING)) given.push(part.slice());
			})(),
		).rejects.toMatchObject({ reason: 'authentication' });
		expect(same(concat(...given), data.subarray(0, ATTACHMENT_CHUNK_BYTES - 4))).toBe(true);
	});

	it('open the same bytes whatever the number of chunks decrypted at once', async () => {
		const data = sample(5 * ATTACHMENT_CHUNK_BYTES + 1234);
		const sealed = await seal(data);
		for (const inFlight of [1, 2, 4, 16])
			expect(same(await collect(openAttachment(await key(), pieces(sealed, 300_000), data.length, BINDING, inFlight)), data)).toBe(true);
	});

	it('with several chunks decrypted at once, give out nothing from a failed chunk on, though later ones authenticated', async () => {
		const data = sample(6 * ATTACHMENT_CHUNK_BYTES);
		const sealed = await seal(data);
		const flipped = sealed.slice();
		flipped[4 + 2 * (12 + ATTACHMENT_CHUNK_BYTES + 16) + 12 + 5]! ^= 1; // inside the third chunk
		const given: Uint8Array[] = [];
		await expect(
			(async () => {
				for await (const part of openAttachment(await key(), pieces(flipped), data.length, BINDING, 4)) given.push(part.slice());
			})(),
		).rejects.toMatchObject({ reason: 'authentication' });
		expect(same(concat(...given), data.subarray(0, 2 * ATTACHMENT_CHUNK_BYTES - 4))).toBe(true);
	});

	it('refuse to seal a source that is shorter or longer than announced', async () => {
		const k = await key();
		await expect(collect(sealAttachment(k, pieces(sample(10)), 11, BINDING))).rejects.toThrow(/not the 11/);
		await expect(collect(sealAttachment(k, pieces(sample(12)), 11, BINDING))).rejects.toThrow(/longer/);
	});
});
