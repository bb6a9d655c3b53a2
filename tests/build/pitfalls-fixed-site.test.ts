import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cleanEnv, OUTPUT, ROOT, runCheckCli, runNode, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';

const PITFALLS = path.join(ROOT, 'tests/fixtures/pitfalls/content');
const FIXED_BY_HAND = path.join(ROOT, 'tests/fixtures/pitfalls-fixed/content');
/** A copy of the pitfalls whose MDX pitfalls `check --fix --write` rewrote. */
const CONTENT = path.join(OUTPUT, 'pitfalls-fix-content');

/**
 * The other half of tests/unit/check-pitfalls.test.ts: the pasted pages, once `check --fix --write`
 * rewrote their MDX pitfalls (and the author fixed by hand what has no safe rewrite), pass the
 * check and build. The site has no close-outs, meetings, risks, change requests, milestones or
 * FAQ, so its log also shows that Astro's "collection … does not exist or is empty" and "No files found
 * matching" are gone.
 */
describe('a site whose pasted pages were fixed by check --fix --write', () => {
	let fix: { status: number | null; stdout: string; stderr: string };
	let check: { status: number | null; stdout: string; stderr: string };
	let run: BuildRun;
	beforeAll(async () => {
		rmSync(CONTENT, { recursive: true, force: true });
		cpSync(PITFALLS, CONTENT, { recursive: true });
		fix = await runNode(['src/cli/bin.mjs', 'check', '--fix', '--write', '--content', CONTENT], cleanEnv({}));
		// What has no safe rewrite, fixed by hand as in tests/fixtures/pitfalls-fixed: the link to a decision
		// that does not exist and pasted front matter, the missing image, and the remote one downloaded.
		rmSync(path.join(CONTENT, 'acme/decisions'), { recursive: true });
		cpSync(path.join(FIXED_BY_HAND, 'acme/decisions'), path.join(CONTENT, 'acme/decisions'), { recursive: true });
		for (const image of ['diagram.png', 'logo.png'])
			cpSync(path.join(FIXED_BY_HAND, 'acme/updates', image), path.join(CONTENT, 'acme/updates', image));
		const update = path.join(CONTENT, 'acme/updates/2026-01-16.mdx');
		writeFileSync(update, readFileSync(update, 'utf8').replace('https://cdn.example.com/logo.png', './logo.png'));
		check = await runCheckCli(CONTENT);
		run = await buildSite('pitfalls-fixed', CONTENT);
	});

	it('--fix --write rewrites every MDX pitfall, shows the diff, and checks again', () => {
		expect(fix.stdout).toContain('+- Read the spec at [https://example.com/spec](https://example.com/spec)');
		expect(fix.stdout).toContain('+{/* keep this note for later */}');
		expect(fix.stdout).toContain('+Run \\<command> in a terminal.');
		expect(fix.stdout).toContain('+- Owner: \\{TBD\\}');
		// Links written as a decision's file name or stem become the page's link.
		expect(fix.stdout).toContain('+This builds on [the database decision](../1/) and [its file](../1/).');
		expect(fix.stdout).toContain('✓ Wrote 8 rewrite(s) into 3 file(s). Checking again…');
		// The check that follows has only what no rewrite can fix left: a link to no decision, pasted front matter, images.
		expect(fix.status).toBe(1);
		expect(fix.stderr).not.toMatch(/expected valid MDX|is not defined|found \.\/0001-use-postgres\.mdx/);
		expect(fix.stderr).toMatch(/there is no decision 7/);
		expect(fix.stderr).toMatch(/4 error\(s\)/);
	});

	it('passes the check and builds, showing the escaped text as written', async () => {
		expect(check.status, check.stdout + check.stderr).toBe(0);
		expect(run.status, run.stderr).toBe(0);
		const page = await openPage(run.outDir, CONTENT, 'acme/updates/2026-01-16/index.html');
		expect(page).toContain('{TBD}');
		expect(page).toContain('&lt;Chart');
		const pasted = await openPage(run.outDir, CONTENT, 'acme/updates/2026-01-09/index.html');
		expect(pasted).toContain('href="https://example.com/spec"');
		expect(pasted).toContain('&lt;command&gt; in a terminal');
		expect(pasted).toContain('{fast, cheap}');
		expect(pasted).not.toContain('keep this note for later');
	});

	it('logs phases, not framework noise about collections the site has no files for', () => {
		const log = run.stdout + run.stderr;
		expect(log).not.toContain('does not exist or is empty');
		expect(log).not.toContain('No files found matching');
		// Nor Vite's or esbuild's warnings, such as the CSS one Tailwind's scan of the CLI's help text once caused.
		expect(log).not.toMatch(/\[WARN\]|▲ \[WARNING\]/);
		expect(log).toContain('Rendering pages…');
		expect(log).toMatch(/Post-build: encryption…/);
		// Not a terminal: plain lines, never a progress line redrawn in place.
		expect(log).not.toContain('\r');
	});
});
