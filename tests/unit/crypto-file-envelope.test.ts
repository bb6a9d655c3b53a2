import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/runtime/crypto/bytes';
import { EnvelopeError, fileAad, openFile, sealFile } from '../../src/runtime/crypto/envelope';

const key = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('binary file envelopes', () => {
	it('round-trip and start with the GHE1 magic', async () => {
		const k = await key();
		const sealed = await sealFile(k, utf8('pagefind chunk'), fileAad('acme', 'pagefind/index/a.pf_index'));
		expect(new TextDecoder().decode(sealed.slice(0, 4))).toBe('GHE1');
		expect(new TextDecoder().decode(await openFile(k, sealed, fileAad('acme', 'pagefind/index/a.pf_index')))).toBe('pagefind chunk');
	});

	it('refuse another path, another client, a flipped bit, a truncated file and a foreign format', async () => {
		const k = await key();
		const aad = fileAad('acme', 'pagefind/a.pf_meta');
		const sealed = await sealFile(k, utf8('meta'), aad);
		const reason = (promise: Promise<unknown>) => promise.then(() => 'opened', (error: EnvelopeError) => error.reason);
		expect(await reason(openFile(k, sealed, fileAad('acme', 'pagefind/b.pf_meta')))).toBe('authentication');
		expect(await reason(openFile(k, sealed, fileAad('globex', 'pagefind/a.pf_meta')))).toBe('authentication');
		const flipped = sealed.slice();
		flipped[flipped.length - 1]! ^= 1;
		expect(await reason(openFile(k, flipped, aad))).toBe('authentication');
		expect(await reason(openFile(k, sealed.slice(0, 20), aad))).toBe('format');
		const foreign = sealed.slice();
		foreign[0] = 0x7b;
		expect(await reason(openFile(k, foreign, aad))).toBe('version');
	});
});
