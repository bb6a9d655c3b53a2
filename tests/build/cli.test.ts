import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cleanEnv, runCheckCli, runNode, type BuildRun } from '../support/build-site';
import { openPage, TEST_SECRET } from '../support/open-page';
import { copyContent, MINIMAL_CONTENT } from '../support/temp-content';

/**
 * `glasshouse <args>` in a child process, as a PM runs it (no terminal: never prompts). Awaited,
 * never synchronous: a worker blocked for the eight scaffolding steps cannot answer Vitest.
 */
function glasshouse(args: string[], env: Record<string, string> = {}) {
	return runNode(['src/cli/bin.mjs', ...args], cleanEnv({ NO_COLOR: '1', GLASSHOUSE_TODAY: '2026-01-11', ...env }));
}

describe('a PM week with the CLI, from a new client to a built site', () => {
	let content: string;
	let run: BuildRun;
	beforeAll(async () => {
		content = copyContent(MINIMAL_CONTENT);
		const steps = [
			['new', 'client', 'gamma-labs', '--name', 'Gamma Labs'],
			['new', 'update', 'gamma-labs'],
			['new', 'update', 'gamma-labs', '--date', '2026-01-23'],
			['new', 'decision', 'gamma-labs', 'Use the existing identity provider'],
			['new', 'decision', 'gamma-labs', 'Use a new identity provider', '--supersedes', '1'],
			['new', 'milestone', 'gamma-labs', '--title', 'Pilot live', '--due', '2026-03-02'],
			['new', 'faq', 'gamma-labs', 'How do I get access?'],
			['new', 'update', 'alpha'],
		];
		for (const args of steps) {
			const step = await glasshouse([...args, '--content', content]);
			expect(step.status, `${args.join(' ')}\n${step.stdout}${step.stderr}`).toBe(0);
		}
		run = await buildSite('cli-scaffolds', content, {
			base: '/status/',
			env: { ALPHA_OFFICE_PASSWORD: 'quartz-lantern-orbit-mosaic-fable' },
		});
	});
	afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));

	it('passes the check with warnings about placeholders only', async () => {
		const check = await runCheckCli(content, ['--today', '2026-01-11']);
		expect(check.status, check.stderr).toBe(0);
		expect(check.stdout).toContain('✓ Content check passed: 3 client(s), 0 error(s)');
		expect(check.stderr).toContain('TODO placeholder');
	});

	it('builds, and the scaffolded pages decrypt', async () => {
		expect(run.status, run.stderr + run.stdout).toBe(0);
		expect(await openPage(run.outDir, content, 'gamma-labs/updates/2026-01-23/index.html')).toContain(
			'TODO: what was finished since 2026-01-16',
		);
		expect(await openPage(run.outDir, content, 'gamma-labs/decisions/2/index.html')).toContain('Use a new identity provider');
	});

	it('writes _headers for the base path', async () => {
		const headers = readFileSync(path.join(run.outDir, '_headers'), 'utf8');
		expect(headers).toMatch(/^\/status\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/m);
		expect(headers).toContain('  X-Robots-Tag: noindex\n');
	});

	it("shares the new client's password", async () => {
		const share = await glasshouse(
			['share', 'gamma-labs', '--content', content, '--site', 'https://status.example.com', '--base', '/status/'],
			{ GLASSHOUSE_SECRET: TEST_SECRET },
		);
		expect(share.status, share.stderr).toBe(0);
		expect(share.stdout).toMatch(
			/^Gamma Labs \(gamma-labs\)\n {2}Gamma Labs project team \(shared password\) \[project-team\]\n {4}password: [a-z]+(-[a-z]+){5}\n$/,
		);
	});

	it('exits 1 with a message on errors, without prompting', async () => {
		const unknown = await glasshouse(['new', 'update', 'delta', '--content', content]);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('Unknown client "delta". Known clients: alpha, beta, gamma-labs.');
		const missing = await glasshouse(['new', 'faq', 'gamma-labs', '--content', content]);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('Give the question');
	});
});
