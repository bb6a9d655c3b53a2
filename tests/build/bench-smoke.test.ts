import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { cleanEnv, ROOT, runCheckCli, runNode } from '../support/build-site';

/**
 * The benchmarks assert nothing and are not part of `npm test`; these smoke runs on a tiny
 * agency only make sure each npm script still runs to the end and prints its table.
 */
const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-bench-smoke-'));

/** Runs an npm script of the form `tsx <file>` with arguments, as `npm run <name> -- …` would. */
function runScript(name: string, args: string[], timeout = 240_000) {
	const [runner, file] = scripts[name]!.split(' ');
	expect(runner).toBe('tsx');
	return runNode(['--import', 'tsx', file!, ...args], cleanEnv({}), { timeout });
}

const filesOf = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();

afterAll(() => {
	for (const folder of ['a', 'b'].map((name) => path.join(work, name)))
		rmSync(astroCacheDir(ROOT, folder), { recursive: true, force: true });
	rmSync(work, { recursive: true, force: true });
});

describe('npm run bench:gen', () => {
	it('writes the same valid content for the same arguments', async () => {
		const args = ['--clients', '3', '--weeks', '4', '--diagrams', '0.5'];
		const first = await runScript('bench:gen', [...args, '--out', path.join(work, 'a')]);
		expect(first.status, first.stderr).toBe(0);
		expect(first.stdout).toMatch(/12 updates, 6 decisions, 6 diagrams/);
		expect((await runScript('bench:gen', [...args, '--out', path.join(work, 'b')])).status).toBe(0);
		const files = filesOf(path.join(work, 'a'));
		expect(files).toEqual(filesOf(path.join(work, 'b')));
		for (const file of files)
			expect(readFileSync(path.join(work, 'b', file), 'utf8'), file).toBe(readFileSync(path.join(work, 'a', file), 'utf8'));
		// English and Chinese clients, superseded decisions, diagrams.
		expect(readFileSync(path.join(work, 'a', 'client-03', 'client.yaml'), 'utf8')).toContain('locale: zh-CN');
		expect(
			files
				.filter((file) => file.includes('updates'))
				.map((file) => readFileSync(path.join(work, 'a', file), 'utf8'))
				.join(''),
		).toContain('```mermaid');

		const check = await runCheckCli(path.join(work, 'a'));
		expect(check.status, check.stdout + check.stderr).toBe(0);
		expect(check.stdout).toMatch(/0 error\(s\)/);
	});

	it('refuses to empty a folder it did not write', async () => {
		const mine = path.join(work, 'mine');
		mkdirSync(mine);
		writeFileSync(path.join(mine, 'notes.md'), 'keep me');
		const run = await runScript('bench:gen', ['--clients', '1', '--weeks', '1', '--out', mine]);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('was not written by the benchmark generator');
		expect(readFileSync(path.join(mine, 'notes.md'), 'utf8')).toBe('keep me');
	});
});

describe('npm run bench', () => {
	it('builds a tiny agency five ways (cold, nothing changed, incremental, full warm, plain), then in shards, and prints the tables', async () => {
		const run = await runScript('bench', ['--clients', '2', '--weeks', '3', '--diagrams', '0', '--shards', '2'], 900_000);
		expect(run.status, run.stderr).toBe(0);
		for (const row of [
			'pages in the output',
			'clients rendered',
			'content check',
			'content sync and render',
			'↳ of which diagrams',
			'search indexing',
			'encryption',
			'per-client cache',
			'leak scan',
			'**total, wall clock**',
			'peak memory',
			'size of the output folder',
		])
			expect(run.stdout).toContain(`| ${row}`);
		expect(run.stdout).toMatch(/Build ÷ plain Astro build: \d+\.\d+× \(full, cold\), \d+\.\d+× \(one update changed, incremental\)/);
		// The build with nothing changed renders no client; the incremental build only the client whose update changed.
		expect(run.stdout).toMatch(
			/\| clients rendered +\| +2 \(client-01, client-02\) +\| +0 +\| +1 \(client-01\) +\| +2 \(client-01, client-02\) +\|/,
		);
		for (const row of [
			'shard 1/2',
			'shard 2/2',
			'merge (verify, assemble, leak scan)',
			'**as a CI matrix sees it: slowest shard + merge**',
		])
			expect(run.stdout).toContain(`| ${row}`);
		expect(run.stdout).toMatch(/Matrix wall clock ÷ full cold build: \d+\.\d\d×/);
	}, 900_000);
});

describe('npm run bench:browser', () => {
	it('measures a tiny agency in Chromium and prints the table', async () => {
		const run = await runScript('bench:browser', ['--clients', '2', '--weeks', '3', '--runs', '1']);
		expect(run.status, run.stderr).toBe(0);
		for (const row of [
			'personal link: navigation → readable',
			'submit → readable',
			'next page once unlocked',
			'before unlock: JavaScript',
			'before unlock: CSS',
			'navigation → first results',
			'later query → results',
		])
			expect(run.stdout).toContain(row);
		expect(run.stdout).not.toMatch(/\| –\s+\| –/);
	});
});

describe('the plain benchmark switch', () => {
	it('refuses a private client and removes what Astro wrote', async () => {
		const out = path.join(work, 'private-out');
		const run = await runNode(
			['--import', 'tsx', 'tests/bench/support/plain-build.ts', path.join(ROOT, 'tests/fixtures/minimal/content'), out],
			cleanEnv({}),
		);
		expect(run.status).not.toBe(0);
		expect(run.stderr + run.stdout).toMatch(/GLASSHOUSE_BENCHMARK_PLAIN builds only public clients, and alpha, beta are private/);
		expect(existsSync(out)).toBe(false);
	});
});
