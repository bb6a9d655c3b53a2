import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessError, resolveCredentials } from '@/keys/build-keyring';
import { SecretError } from '@/keys/secret';
import { readBuildContext } from '@/build-context/build-context';
import { loadContent } from '@/loader/load-content';
import { buildSite, OUTPUT } from '../support/build-site';
import { TEST_SECRET } from '../support/open-page';

/** The secret as a build loads it: through the build context read from `env` (and `.env` in `root`). */
const loadSecret = async (env: Record<string, string>, root?: string) => readBuildContext(env, root).secret();

/**
 * Issue 12, item 4. Every password and link of a site derives from GLASSHOUSE_SECRET, so a
 * secret an attacker can guess (64 zeros is valid hex for 32 bytes) gives them every client;
 * and a `passwordEnv` password in Chinese was rated by its length alone, so "my password is
 * 1234567" written in Chinese passed as 80 bits.
 */

const MINIMAL = 'tests/fixtures/minimal/content';
const STRONG = 'quartz-lantern-orbit-mosaic-fable';
const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)/;

describe('attack: a GLASSHOUSE_SECRET anyone can guess', () => {
	it('the build refuses 64 zeros, says what to do and publishes nothing: the previous site stays as it was', async () => {
		const outDir = path.join(OUTPUT, 'attack-zero-secret');
		mkdirSync(outDir, { recursive: true });
		writeFileSync(path.join(outDir, 'index.html'), 'stale site from an earlier build');
		const run = await buildSite('attack-zero-secret', MINIMAL, {
			env: { GLASSHOUSE_SECRET: '0'.repeat(64), ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('GLASSHOUSE_SECRET is not random: every byte has the same value');
		expect(run.stderr).toContain("Anyone who guesses it can compute every client's passwords and links");
		expect(run.stderr).toContain('npm run glasshouse -- secret');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		expect(run.stderr).toContain('the previous site there is kept unchanged');
		expect(readdirSync(outDir)).toEqual(['index.html']);
		expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('stale site from an earlier build');
	});

	// What an attacker tries first against a site: secrets people type instead of generating one.
	it.each([
		['64 zeros', '0'.repeat(64)],
		['32 bytes of 0xff', 'ff'.repeat(32)],
		['"0123456789abcdef" four times', '0123456789abcdef'.repeat(4)],
		['"deadbeef" eight times', 'deadbeef'.repeat(8)],
		['bytes counting 00 01 02 …', Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('hex')],
		['32 zero bytes in base64', Buffer.alloc(32).toString('base64')],
		['a phrase in base64', Buffer.from('our glasshouse secret, do not share').toString('base64')],
		['a phrase repeated in base64', Buffer.from('acme-status-'.repeat(3)).toString('base64')],
		['a Chinese phrase in hex', Buffer.from('我们公司的密码是一二三四五六').toString('hex')],
	])('loading the secret (build, share) refuses %s', async (_, secret) => {
		await expect(loadSecret({ GLASSHOUSE_SECRET: secret }, OUTPUT)).rejects.toThrow(SecretError);
		await expect(loadSecret({ GLASSHOUSE_SECRET: secret }, OUTPUT)).rejects.toThrow(
			/GLASSHOUSE_SECRET is not random: .+at least 128 are required/,
		);
	});
});

describe('attack: a passwordEnv password in Chinese that anyone can guess', () => {
	it('refuses "我的密码是一二三四五六七" ("my password is 1234567") for the minimal fixture\'s office entry', async () => {
		const alpha = (await loadContent(MINIMAL)).clients.find((client) => client.slug === 'alpha')!;
		const access = alpha.client!.value.access;
		const master = await loadSecret({ GLASSHOUSE_SECRET: TEST_SECRET });
		const error = await resolveCredentials('alpha', access, master, { ALPHA_OFFICE_PASSWORD: '我的密码是一二三四五六七' }).then(
			() => undefined,
			(failure: unknown) => failure,
		);
		expect(error).toBeInstanceOf(AccessError);
		const message = (error as AccessError).message;
		expect(message).toContain(
			'alpha: the password in $ALPHA_OFFICE_PASSWORD (access entry "office") is too weak: it could be guessed quickly',
		);
		expect(message).toContain('common words or phrases');
		expect(message).toContain('counting or alphabet runs');
		expect(message).toContain(
			'Remove "passwordEnv" to use the derived six-word passphrase, or choose at least 12 unrelated Chinese characters',
		);
		expect(message).not.toContain('我的密码');
	});
});
