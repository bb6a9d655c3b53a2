import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { decodeSecret, generateSecret, readDotEnv, SecretError } from '@/keys/secret';
import { readBuildContext } from '@/build-context/build-context';
import { TEST_SECRET } from '../support/open-page';

/** 32 random bytes (a secret must be random to be accepted), as hex and as base64. */
const HEX = '4cff179747ca8f4424cfb1241c9b8d17ec3d4d9ff261e96efa47bc01056fde20';
const BASE64 = 'TP8Xl0fKj0Qkz7EkHJuNF+w9TZ/yYelu+ke8AQVv3iA=';
const BYTES = new Uint8Array(Buffer.from(HEX, 'hex'));
/** Other random secrets: 32 bytes whose base64 has both "+" and "/", and 48 bytes. */
const AWKWARD_BASE64 = '5Ab/bA81C0etnyBj5PG3k+txMPC+pOhCw9/nHN5mYnw=';
const LONG_HEX = '22d51c99902e20e5a2d59e80c908210f4a312be78a374a1561da91ba03378e9fd246fd71ad92e06b9f0e6e9b8470773e';
const OTHER_HEX = '3fa59bb63b020c08646d79d93bc704edbe4af236863db5dda81b71f18a103275';

/** The secret as a build loads it: through the build context read from `env` and `.env` in `root`. */
const loadSecret = async (env: Record<string, string>, root: string) => readBuildContext(env, root).secret();

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
		const awkward = new Uint8Array(Buffer.from(AWKWARD_BASE64, 'base64'));
		expect(AWKWARD_BASE64).toMatch(/\+.*\//);
		expect(decodeSecret(AWKWARD_BASE64)).toEqual(awkward);
		expect(decodeSecret(Buffer.from(awkward).toString('base64url'))).toEqual(awkward);
	});

	it('ignores surrounding whitespace and a trailing newline', () => {
		expect(decodeSecret(`  ${BASE64}\n`)).toEqual(BYTES);
		expect(decodeSecret(`${HEX}\r\n`)).toEqual(BYTES);
	});

	it('accepts more than 32 bytes', () => {
		expect(decodeSecret(LONG_HEX)).toHaveLength(48);
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
		expect(readDotEnv(dir)).toEqual({
			PLAIN: 'one',
			SPACED: 'two',
			DOUBLE: 'three four',
			SINGLE: 'five',
			MIXED: '"six\'',
			EXPORTED: 'seven',
			EMPTY: '',
		});
	});

	it('returns nothing when there is no .env', async () => {
		expect(readDotEnv(await project())).toEqual({});
	});
});

describe('loadSecret', () => {
	it('prefers the environment over .env', async () => {
		const dir = await project(`GLASSHOUSE_SECRET=${OTHER_HEX}\n`);
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

describe('decodeSecret and secrets that are not random', () => {
	it.each([
		['64 zeros', '0'.repeat(64), 'every byte has the same value'],
		['64 times "F"', 'F'.repeat(64), 'every byte has the same value'],
		['"ab" 32 times', 'ab'.repeat(32), 'every byte has the same value'],
		['32 zero bytes in base64', `${'A'.repeat(43)}=`, 'every byte has the same value'],
		['"0123456789abcdef" four times', '0123456789abcdef'.repeat(4), 'it repeats a short pattern'],
		['"deadbeef" eight times', 'deadbeef'.repeat(8), 'it repeats a short pattern'],
		['"Qw3r+Ty9" repeated in base64', `${'Qw3r+Ty9'.repeat(5)}Qw3r`, 'it repeats a short pattern'],
		['bytes 00 01 02 … 1f', '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'it counts up or down in even steps'],
		[
			'bytes ff fe fd … e0',
			Buffer.from(Array.from({ length: 32 }, (_, i) => 255 - i)).toString('hex'),
			'it counts up or down in even steps',
		],
		[
			'a hand-typed start and a counting tail',
			'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
			'it counts up or down in even steps',
		],
		['only the digits 0 and 1', '1110101111000110100001100000110101000011111000111110101110011000', 'it uses only 4 different byte values'],
		['hex of an English phrase', Buffer.from('correct horse battery staple 123').toString('hex'), 'it decodes to readable text'],
		['base64 of a short phrase repeated', Buffer.from('glasshouse'.repeat(4)).toString('base64'), 'it decodes to readable text'],
		['base64 of a Chinese sentence', Buffer.from('我的密码是一二三四五六七八九十').toString('base64'), 'it decodes to readable text'],
		['a phrase typed in the base64 alphabet', 'ThisIsMyGlasshouseSecretPassword2024AcmeCorp', 'looks like a chosen phrase'],
		['the alphabet typed as base64', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ=', 'looks like a chosen phrase'],
	])('refuses %s, saying what is wrong and how to make a real one', async (_, value, weakness) => {
		const error = await secretError(() => decodeSecret(value));
		expect(error.message).toContain('.env');
		expect(error.message).toContain('GLASSHOUSE_SECRET is not random');
		expect(error.message).toContain(weakness);
		expect(error.message).toContain("Anyone who guesses it can compute every client's passwords and links");
		expect(error.message).toMatch(/worth about \d+ bits; at least 128 are required/);
		expect(error.message).toContain('npm run glasshouse -- secret');
		expect(error.message).toContain('send them again with `npm run glasshouse -- share <client>`');
		expect(error.message).not.toContain(value);
	});

	it('accepts what `glasshouse secret` prints, every time (200 fresh secrets)', () => {
		for (let round = 0; round < 200; round++) {
			const secret = generateSecret();
			expect(decodeSecret(secret), secret).toEqual(new Uint8Array(Buffer.from(secret, 'base64')));
		}
	});

	it('accepts random 32-byte secrets written as hex, base64 and base64url', () => {
		for (let round = 0; round < 40; round++) {
			const bytes = new Uint8Array(randomBytes(32));
			for (const encoding of ['hex', 'base64', 'base64url'] as const) {
				const secret = Buffer.from(bytes).toString(encoding);
				expect(decodeSecret(secret), secret).toEqual(bytes);
			}
		}
	});

	it('accepts the secret the tests build with', () => {
		expect(decodeSecret(TEST_SECRET)).toHaveLength(32);
	});
});
