import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, runCheckCli } from '../support/build-site';
import { copyContent, MINIMAL_CONTENT } from '../support/temp-content';

/** Every file under `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
	const files = new Map<string, Buffer>();
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		files.set(path.relative(dir, file), readFileSync(file));
	}
	return files;
}

/**
 * An earlier, successful build's output, which the deploy step may still need: a failed build
 * must leave it byte for byte (nested pages, binary assets, the `_headers` file).
 */
function plantOldSite(name: string): { outDir: string; expectKept: (stderr: string) => void } {
	const outDir = path.join(OUTPUT, name);
	mkdirSync(path.join(outDir, 'alpha', 'updates', '2026-01-02'), { recursive: true });
	writeFileSync(path.join(outDir, 'index.html'), 'site from an earlier build');
	writeFileSync(path.join(outDir, 'alpha', 'updates', '2026-01-02', 'index.html'), '<main>sealed page of an earlier build</main>');
	writeFileSync(path.join(outDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
	writeFileSync(path.join(outDir, '_headers'), '/*\n  X-Robots-Tag: noindex\n');
	const before = snapshot(outDir);
	return {
		outDir,
		expectKept(stderr) {
			expect(snapshot(outDir)).toEqual(before);
			expect(existsSync(`${outDir}.glasshouse-previous`)).toBe(false);
			expect(stderr).toContain(`Nothing was written to tests/.output/${name}/: the previous site there is kept unchanged.`);
		},
	};
}

const copies: string[] = [];
afterAll(() => {
	for (const content of copies) rmSync(path.dirname(content), { recursive: true, force: true });
});

/** A copy of the minimal fixture with `body` as the text of a new update of client alpha. */
function minimalWithUpdate(body: string): string {
	const content = copyContent(MINIMAL_CONTENT);
	copies.push(content);
	writeFileSync(
		path.join(content, 'alpha', 'updates', '2026-01-16.mdx'),
		`---\ndate: 2026-01-16\nhealth: on-track\nsummary: Second week.\n---\n\n${body}\n`,
	);
	return content;
}

const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)/;
const STRONG = 'quartz-lantern-orbit-mosaic-fable';

describe('a build that must fail', () => {
	it('on broken content: lists every problem and leaves the previous site as it was', async () => {
		const old = plantOldSite('broken');
		const run = await buildSite('broken', 'tests/fixtures/broken/content');
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('tests/fixtures/broken/content/acme/client.yaml:5  locale: expected one of "en", "zh-CN", found "fr"');
		expect(run.stderr).toContain('tests/fixtures/broken/content/acme/milestones/loop-a.yaml:7  dependsOn: expected no cycle');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		old.expectKept(run.stderr);
	});

	it('without GLASSHOUSE_SECRET: says how to create one and writes nothing', async () => {
		const old = plantOldSite('no-secret');
		// An unset repository secret reaches a GitHub Actions step as an empty string.
		const run = await buildSite('no-secret', 'tests/fixtures/minimal/content', {
			env: { GLASSHOUSE_SECRET: '', ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('GLASSHOUSE_SECRET is not set');
		expect(run.stderr).toContain('npm run glasshouse -- secret');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		old.expectKept(run.stderr);
	});

	it('with a secret that is too short: refuses it', async () => {
		const run = await buildSite('short-secret', 'tests/fixtures/minimal/content', {
			env: { GLASSHOUSE_SECRET: 'abcdef0123456789', ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('GLASSHOUSE_SECRET holds 8 bytes; at least 32 random bytes are required');
	});

	it('with a weak password chosen through passwordEnv: names the entry and writes nothing', async () => {
		const old = plantOldSite('weak-password');
		const run = await buildSite('weak-password', 'tests/fixtures/minimal/content', { env: { ALPHA_OFFICE_PASSWORD: 'Alpha2026!' } });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('alpha: the password in $ALPHA_OFFICE_PASSWORD (access entry "office") is too weak');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		old.expectKept(run.stderr);
	});

	it('with a password variable that is not set: says which one', async () => {
		const run = await buildSite('unset-password', 'tests/fixtures/minimal/content', { env: { ALPHA_OFFICE_PASSWORD: undefined } });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('takes its password from $ALPHA_OFFICE_PASSWORD, which is not set');
	});

	it('when client text leaks into a public page: the leak scan names file and text, and nothing is published', async () => {
		const old = plantOldSite('leaky');
		const run = await buildSite('leaky', 'tests/fixtures/leaky/content', { env: { ALPHA_OFFICE_PASSWORD: STRONG } });
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/leak\(s\) of client content found in the output/);
		expect(run.stderr).toContain('index.html: "Alpha intranet" (from tests/fixtures/leaky/content/alpha/client.yaml)');
		old.expectKept(run.stderr);
	});

	it('when a page fails to render: the previous site stays as it was', async () => {
		const old = plantOldSite('render-error');
		const run = await buildSite('render-error', minimalWithUpdate('Budget: {TBD}'), { env: { ALPHA_OFFICE_PASSWORD: STRONG } });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('TBD');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		old.expectKept(run.stderr);
	});

	it('when a link between pages is broken (found after rendering): the previous site stays as it was', async () => {
		const old = plantOldSite('broken-link');
		const run = await buildSite('broken-link', minimalWithUpdate('See [the plan](/alpha/no-such-page/).'), {
			env: { ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('/alpha/no-such-page/');
		old.expectKept(run.stderr);
	});

	it('when the output folder cannot be created: says so before rendering, and nothing is left behind', async () => {
		const parent = path.join(OUTPUT, 'out-parent-is-a-file');
		writeFileSync(parent, 'not a folder');
		const run = await buildSite('out-parent-is-a-file/site', 'tests/fixtures/minimal/content', { env: { ALPHA_OFFICE_PASSWORD: STRONG } });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain("Cannot create the output folder's parent");
		expect(run.stderr).toContain('Nothing was written to tests/.output/out-parent-is-a-file/site/.');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		expect(readFileSync(parent, 'utf8')).toBe('not a folder');
	});
});

describe('a build that succeeds', () => {
	it('replaces the previous site, leaves nothing of it aside, and prints no warning for a code fence in an unknown language', async () => {
		const old = plantOldSite('replaced');
		appendFileSync(path.join(old.outDir, 'gone.html'), 'only in the earlier build');
		const run = await buildSite('replaced', minimalWithUpdate('```env\nAPI_URL=https://example.test\n```'), {
			env: { ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout + run.stderr).not.toContain('[Shiki]');
		expect(existsSync(path.join(old.outDir, 'gone.html'))).toBe(false);
		expect(existsSync(path.join(old.outDir, 'alpha', 'updates', '2026-01-16', 'index.html'))).toBe(true);
		expect(existsSync(`${old.outDir}.glasshouse-previous`)).toBe(false);
	});
});

describe('glasshouse check', () => {
	it('exits 1 on broken content and names file, line and field', async () => {
		const run = await runCheckCli('tests/fixtures/broken/content');
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/acme\/updates\/2026-02-30\.mdx:5 {2}progress: expected at most 100, found 140/);
		expect(run.stderr).toMatch(/Content check failed: 2 client\(s\), \d+ error\(s\)/);
	});

	it('exits 0 on the demo and only warns about an overdue update', async () => {
		const run = await runCheckCli('content', ['--today', '2027-02-01']);
		expect(run.status).toBe(0);
		expect(run.stderr).toContain('warning communication.cadence: expected an update since 2026-11-27');
		expect(run.stdout).toContain('Content check passed');
	});
});
