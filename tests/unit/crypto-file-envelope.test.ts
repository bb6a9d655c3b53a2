import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utf8 } from '@/runtime/crypto/bytes';
import { EnvelopeError, fileAad, openFile, sealFile } from '@/runtime/crypto/envelope';
import { MIN_PADDED_BYTES, padmeLength, paddedLength, pad, unpad } from '@/runtime/crypto/padding';

const key = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const BUILD = 'q8CEz2xk1Jw4r0n6u5Zf3A';
const NAME = 'pagefind/0123456789abcdef0123456789abcdef';
const reason = (promise: Promise<unknown>) =>
	promise.then(
		() => 'opened',
		(error: EnvelopeError) => error.reason,
	);

describe('binary file envelopes (version 2)', () => {
	it('round-trip, start with the GHE2 magic and are padded to a size bucket', async () => {
		const k = await key();
		const sealed = await sealFile(k, utf8('pagefind chunk'), fileAad('acme', BUILD, NAME));
		expect(new TextDecoder().decode(sealed.slice(0, 4))).toBe('GHE2');
		expect(sealed.length).toBe(4 + 12 + MIN_PADDED_BYTES + 16);
		expect(new TextDecoder().decode(await openFile(k, sealed, fileAad('acme', BUILD, NAME)))).toBe('pagefind chunk');
	});

	it('open a known-answer vector written with node:crypto', async () => {
		const known = await crypto.subtle.importKey(
			'raw',
			Uint8Array.from({ length: 32 }, (_, i) => i),
			'AES-GCM',
			false,
			['decrypt'],
		);
		const sealed = readFileSync(new URL('../fixtures/known-answer/file-envelope-v2.bin', import.meta.url));
		expect(new TextDecoder().decode(await openFile(known, sealed, fileAad('acme', BUILD, NAME)))).toBe('pagefind chunk');
		expect(await reason(openFile(known, sealed, fileAad('acme', 'Zb7yvFJ0cM2y5dPq3hWm1g', NAME)))).toBe('authentication');
	});

	it('refuse another path, another client, another build, a flipped bit, a truncated file and a foreign or older format', async () => {
		const k = await key();
		const aad = fileAad('acme', BUILD, 'pagefind/a');
		const sealed = await sealFile(k, utf8('meta'), aad);
		expect(await reason(openFile(k, sealed, fileAad('acme', BUILD, 'pagefind/b')))).toBe('authentication');
		expect(await reason(openFile(k, sealed, fileAad('globex', BUILD, 'pagefind/a')))).toBe('authentication');
		expect(await reason(openFile(k, sealed, fileAad('acme', 'Zb7yvFJ0cM2y5dPq3hWm1g', 'pagefind/a')))).toBe('authentication');
		const flipped = sealed.slice();
		flipped[flipped.length - 1]! ^= 1;
		expect(await reason(openFile(k, flipped, aad))).toBe('authentication');
		expect(await reason(openFile(k, sealed.slice(0, 20), aad))).toBe('format');
		const foreign = sealed.slice();
		foreign[0] = 0x7b;
		expect(await reason(openFile(k, foreign, aad))).toBe('version');
		const older = sealed.slice();
		older[3] = '1'.charCodeAt(0);
		expect(await reason(openFile(k, older, aad))).toBe('version');
	});
});

describe('padding', () => {
	it('follows Padmé above the 4 KiB floor: at most 12 % larger, few distinct sizes', () => {
		expect(padmeLength(5000)).toBe(5120);
		expect(padmeLength(100_000)).toBe(100_352);
		expect(padmeLength(1 << 20)).toBe(1 << 20);
		const sizes = new Set<number>();
		const wrong: number[] = [];
		for (let length = 4096; length < 65_536; length++) {
			const padded = paddedLength(length);
			if (padded < length + 4 || padded / (length + 4) > 1.12) wrong.push(length);
			sizes.add(padded);
		}
		expect(wrong).toEqual([]);
		// 61,440 lengths fall into a few dozen sizes.
		expect(sizes.size).toBeLessThan(100);
		expect(paddedLength(0)).toBe(MIN_PADDED_BYTES);
		expect(paddedLength(3000)).toBe(MIN_PADDED_BYTES);
	});

	it('round-trips, and refuses a length that does not fit or padding that is not zero', () => {
		const data = utf8('status: mitigated');
		const padded = pad(data);
		expect(new TextDecoder().decode(unpad(padded))).toBe('status: mitigated');
		const tooLong = padded.slice();
		new DataView(tooLong.buffer).setUint32(0, padded.length);
		expect(() => unpad(tooLong)).toThrow(RangeError);
		const dirty = padded.slice();
		dirty[dirty.length - 1] = 1;
		expect(() => unpad(dirty)).toThrow(/not zero/);
		expect(() => unpad(padded.slice(0, padded.length - 1))).toThrow(RangeError);
	});
});
