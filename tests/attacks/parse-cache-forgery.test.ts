import { createHash, createHmac } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { deriveParseCacheMacKey } from '@/keys/derive-credentials';
import { decodeSecret } from '@/keys/secret';
import { TEST_SECRET } from '../support/open-page';
import { MINIMAL_CONTENT } from '../support/temp-content';

/**
 * Attack: the build reuses what an earlier check parsed from the check cache, which on CI is
 * restored from a cache any workflow of the repository can write. Write a part into it that says a
 * private client is public (its client.yaml's text unchanged), so the build would publish its
 * pages in clear. The build reads only parts whose MAC verifies under a key derived from the
 * secret: a forged part is parsed again from the file, whatever MAC line it carries.
 */
let work = '';
let content = '';
let checkCache = '';
const key = await deriveParseCacheMacKey(decodeSecret(TEST_SECRET));

beforeEach(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'glasshouse-parse-forgery-'));
	content = path.join(work, 'content');
	checkCache = path.join(work, 'check-cache');
	await cp(MINIMAL_CONTENT, content, { recursive: true });
});
afterEach(async () => {
	await rm(work, { recursive: true, force: true });
});

/** The check a build runs: the parse cache signed under the secret's key (or `withKey`). */
const check = (withKey: Uint8Array = key) =>
	checkContent(content, {
		today: '2026-01-20',
		checkCache,
		diagramCache: path.join(work, 'diagrams'),
		rememberParsedFiles: true,
		parseCacheKey: withKey,
	});

const alphaIsPublic = (result: CheckResult) => result.clients.find((client) => client.slug === 'alpha')?.client?.value.public === true;

/** The file of alpha's part of the parse cache. */
async function alphaPart(): Promise<string> {
	const folder = path.join(checkCache, (await readdir(checkCache)).find((name) => name.startsWith('parsed-files-'))!);
	return path.join(folder, `${createHash('sha256').update('alpha').digest('hex').slice(0, 32)}.json`);
}

/** alpha's part of the parse cache, its client.yaml entry made public, written back with `macLine` (given the new payload). */
async function forgeAlpha(macLine: (payload: string) => string): Promise<void> {
	const file = await alphaPart();
	const text = await readFile(file, 'utf8');
	const stored = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { entries: Record<string, { data: Record<string, unknown> }> };
	const entry = Object.values(stored.entries).find((candidate) => candidate.data?.name === 'Alpha Widgets');
	expect(entry, 'client.yaml is in the part').toBeDefined();
	entry!.data.public = true;
	const payload = JSON.stringify(stored);
	await writeFile(file, `${macLine(payload)}\n${payload}`);
}

describe("a forged part of the check's parse cache", () => {
	it('is reused when signed under the secret: the cache is read (what the tests below refuse is the forgery, not the cache)', async () => {
		expect(alphaIsPublic(await check())).toBe(false);
		await forgeAlpha((payload) => createHmac('sha256', key).update(payload).digest('hex'));
		// Only a holder of the secret can write this; the build then takes it as parsed.
		expect(alphaIsPublic(await check())).toBe(true);
	});

	it.each([
		['keeps the MAC line of the genuine part', (_payload: string, previous: string) => previous],
		['has no MAC line (as a check without a secret writes)', () => ''],
		['is signed under another key', (payload: string) => createHmac('sha256', Buffer.alloc(32, 7)).update(payload).digest('hex')],
	])('never makes a private client public when it %s', async (_name, mac) => {
		expect(alphaIsPublic(await check())).toBe(false);
		const part = await alphaPart();
		const genuine = (await readFile(part, 'utf8')).split('\n', 1)[0]!;
		await forgeAlpha((payload) => mac(payload, genuine));
		const again = await check();
		expect(again.errors).toEqual([]);
		expect(alphaIsPublic(again)).toBe(false);
		// Parsed again from the file and written back signed: the next build reads the truth from the cache.
		const rewritten = await readFile(part, 'utf8');
		const payload = rewritten.slice(rewritten.indexOf('\n') + 1);
		expect(rewritten.split('\n', 1)[0]).toBe(createHmac('sha256', key).update(payload).digest('hex'));
		expect(payload).not.toContain('"public":true');
	});
});
