import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSecret, generateSecret, loadSecret, readDotEnv, SecretError } from '../../src/integrations/gate/secret';

/** Bytes 0x00 … 0x1f, and the same 32 bytes as hex and base64. */
const BYTES = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
const HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const BASE64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=';

/** A temporary project folder holding `.env` with `text`, or no `.env` at all. */
async function project(text?: string): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'glasshouse-secret-'));
	if (text !== undefined) await writeFile(path.join(dir, '.env'), text);
	return dir;
}

/** Awaits a promise (or a throwing function) and returns the `SecretError` it failed with. */
async function secretError(action: Promise<unknown> | (() => unknown)): Promise<SecretError> {
	try {
		await (typeof action === 'function' ? action() : action);
	} catch (error) {
		expect(error).toBeInstanceOf(SecretError);
		return error as SecretError;
	}
	throw new Error('expected a SecretError, but the call succeeded');
}

describe('decodeSecret', () => {
	it('accepts 64 hex characters, in either case', () => {
		expect(HEX).toHaveLength(64);
		expect(decodeSecret(HEX)).toEqual(BYTES);
		expect(decodeSecret(HEX.toUpperCase())).toEqual(BYTES);
	});

	it('accepts 44 characters of base64, padded or not, standard or URL-safe', () => {
		expect(BASE64).toHaveLength(44);
		expect(decodeSecret(BASE64)).toEqual(BYTES);
		expect(decodeSecret(BASE64.replace(/=$/, ''))).toEqual(BYTES);
		const awkward = new Uint8Array(32).fill(0xfb);
		expect(decodeSecret(Buffer.from(awkward).toString('base64'))).toEqual(awkward);
		expect(decodeSecret(Buffer.from(awkward).toString('base64url'))).toEqual(awkward);
	});

	it('ignores surrounding whitespace and a trailing newline', () => {
		expect(decodeSecret(`  ${BASE64}\n`)).toEqual(BYTES);
		expect(decodeSecret(`${HEX}\r\n`)).toEqual(BYTES);
	});

	it('accepts more than 32 bytes', () => {
		expect(decodeSecret('ab'.repeat(48))).toHaveLength(48);
	});

	it('returns a plain Uint8Array, not a Buffer', () => {
		expect(decodeSecret(HEX).constructor).toBe(Uint8Array);
	});

	it.each([
		['16 bytes as hex', HEX.slice(0, 32), 16],
		['16 bytes as base64', Buffer.from(BYTES.subarray(0, 16)).toString('base64'), 16],
		['31 bytes as hex', HEX.slice(0, 62), 31],
	])('refuses %s, saying how many bytes are needed and how to make a secret', async (_, value, bytes) => {
		const error = await secretError(() => decodeSecret(value));
		expect(error.message).toContain(`holds ${bytes} bytes`);
		expect(error.message).toContain('at least 32 random bytes');
		expect(error.message).toContain('npm run glasshouse -- secret');
		expect(error.message).toContain('.env');
	});

	it.each([
		['a passphrase with spaces', 'correct horse battery staple correct horse battery'],
		['punctuation', `${HEX.slice(0, 60)}!!!!`],
		['an empty value', ''],
		['only whitespace', '   '],
		['a quoted value', `"${HEX}"`],
		['padding in the middle', `${BASE64.slice(0, 20)}=${BASE64.slice(20)}`],
	])('refuses %s as neither hex nor base64', async (_, value) => {
		const error = await secretError(() => decodeSecret(value));
		expect(error.message).toContain('must be hex or base64');
		expect(error.message).toContain('npm run glasshouse -- secret');
	});
});

describe('generateSecret', () => {
	it('makes a fresh 32-byte base64 secret that decodeSecret accepts', () => {
		const secret = generateSecret();
		expect(secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
		expect(decodeSecret(secret)).toHaveLength(32);
		expect(generateSecret()).not.toBe(secret);
	});
});

describe('readDotEnv', () => {
	it('reads KEY=value lines, strips matching quotes and export, skips comments and junk', async () => {
		const dir = await project(
			[
				'# GLASSHOUSE_SECRET=commented-out',
				'PLAIN=one',
				'  SPACED  =  two  ',
				'DOUBLE="three four"',
				"SINGLE='five'",
				'MIXED="six\'',
				'export EXPORTED=seven',
				'EMPTY=',
				'not a line',
				'1BAD=eight',
			].join('\r\n'),
		);
		expect(await readDotEnv(dir)).toEqual({ PLAIN: 'one', SPACED: 'two', DOUBLE: 'three four', SINGLE: 'five', MIXED: '"six\'', EXPORTED: 'seven', EMPTY: '' });
	});

	it('returns nothing when there is no .env', async () => {
		expect(await readDotEnv(await project())).toEqual({});
	});
});

describe('loadSecret', () => {
	it('prefers the environment over .env', async () => {
		const dir = await project(`GLASSHOUSE_SECRET=${'ff'.repeat(32)}\n`);
		expect(await loadSecret({ GLASSHOUSE_SECRET: HEX }, dir)).toEqual(BYTES);
	});

	it.each([
		['plain', `GLASSHOUSE_SECRET=${BASE64}\n`],
		['double-quoted', `GLASSHOUSE_SECRET="${BASE64}"\n`],
		['single-quoted', `GLASSHOUSE_SECRET='${HEX}'\n`],
		['exported', `export GLASSHOUSE_SECRET=${HEX}\n`],
		['exported and quoted, among other lines', `# secrets\nOTHER=1\n\nexport GLASSHOUSE_SECRET = "${BASE64}"\nLAST=2`],
	])('reads a %s value from .env when the environment has none', async (_, text) => {
		expect(await loadSecret({}, await project(text))).toEqual(BYTES);
	});

	it('decodes the value it found, refusing a short one from .env', async () => {
		const error = await secretError(loadSecret({}, await project(`GLASSHOUSE_SECRET=${HEX.slice(0, 32)}\n`)));
		expect(error.message).toContain('holds 16 bytes');
	});

	it.each([
		['no .env', undefined],
		['a .env without it', 'OTHER=value\n'],
		['only a commented-out line', `# GLASSHOUSE_SECRET=${HEX}\n`],
		['an empty value', 'GLASSHOUSE_SECRET=\n'],
	])('says GLASSHOUSE_SECRET is not set and how to set it, with %s', async (_, text) => {
		const error = await secretError(loadSecret({}, await project(text)));
		expect(error.message).toContain('GLASSHOUSE_SECRET is not set');
		expect(error.message).toContain('npm run glasshouse -- secret');
		expect(error.message).toMatch(/\.env/);
		expect(error.message).toMatch(/CI/);
	});
});

describe('decodeSecret and chosen phrases', () => {
	it('refuses letters-only text that happens to parse as base64', () => {
		expect(() => decodeSecret('thisisnotarandomsecretbutitislongenoughtopas')).toThrow('looks like a chosen phrase');
	});
});
