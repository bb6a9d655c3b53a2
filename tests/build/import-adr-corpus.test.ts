import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';
import { cli, copyContent, MINIMAL_CONTENT } from '../support/temp-content';
import { folder } from '../support/temp-folder';

const CORPUS = path.join(ROOT, 'tests/fixtures/adr-corpus');
/** Each source of the corpus and the folders its records are in (log4brains keeps two, linked to each other). */
const SOURCES: Record<string, string[]> = {
	'madr-2': ['madr-2'],
	'madr-4': ['madr-4'],
	'adr-tools': ['adr-tools'],
	log4brains: ['log4brains/docs/adr', 'log4brains/packages/core/docs/adr'],
	arachne: ['arachne'],
};
const TODAY = '2026-11-22';
/** The date of records that have none (before TODAY, so no "future date" warnings). */
const DEFAULT_DATE = '2026-01-15';
const OFFICE_PASSWORD = 'quartz-lantern-orbit-mosaic-fable';

/** A record as a PM pastes it from another tool: every pitfall of MDX, foreign front matter, a wide table, code. */
const PITFALL_RECORD = `---
status: accepted
date: 2026-01-12
decision-makers: [Dana Client, Pat Vendor]
tags: [hosting, Search Engine]
parent: Decisions
---
# 3. Serve search from a static index

## Status

Accepted

Supersedes [1. Host search on a server](0001-host-search-on-a-server.md)

## Context

See <https://pagefind.app> and the notes {TBD} in <!-- a comment --> the meeting; run <command> --help.

| Option | Cost per month | Latency p95 | Hosting | Offline | Index size | Licence | Maintainer | Notes from the evaluation |
| ------ | -------------- | ----------- | ------- | ------- | ---------- | ------- | ---------- | ------------------------- |
| Pagefind static index built at deploy time | 0 EUR | 40 ms | static files beside the site | yes | 1.2 MB for 10,000 pages | MIT | CloudCannon | no server, works behind the password gate |
| Hosted search service with an API key | 90 EUR | 25 ms | third-party SaaS | no | n/a | proprietary | vendor | the key would ship to the browser |

\`\`\`sh
npx pagefind --site dist --output-subdir _search --force-language en --exclude-selectors "nav, footer, .gate"
\`\`\`

![Index size by page count](./index-size.png) ![Missing chart](./missing-chart.png) ![Badge](https://img.shields.io/badge/search-static-blue.svg)

## Decision

We use the static index; see [the server option](0001-host-search-on-a-server.md) and [the spike](../spikes/search.md).
`;

const SUPERSEDED_RECORD = `# 1. Host search on a server

Date: 2026-01-05

## Status

Superseded by [3. Serve search from a static index](0003-serve-search-from-a-static-index.md)

## Context

A search server was the first idea.
`;

/** Imports `folders` into client alpha of a copy of the minimal site; returns the copy and the files written. */
async function importInto(content: string, folders: string[]): Promise<{ code: number; text: string }> {
	return cli(content, ['import', 'adr', 'alpha', ...folders, '--date', DEFAULT_DATE]);
}

/** Every error of `check`, by file (paths relative to the content folder's parent). */
async function errorsByFile(content: string): Promise<Map<string, string[]>> {
	const result = await checkContent(content, { today: TODAY, displayRoot: path.dirname(content) });
	const byFile = new Map<string, string[]>();
	for (const problem of result.errors) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), formatProblem(problem)]);
	return byFile;
}

function decisionFiles(content: string): string[] {
	const dir = path.join(content, 'alpha/decisions');
	return (existsSync(dir) ? readdirSync(dir) : []).filter((name) => /\.mdx?$/.test(name));
}

describe('importing a corpus of real decision records', () => {
	const copies: string[] = [];
	const fresh = () => {
		const content = copyContent(MINIMAL_CONTENT);
		copies.push(path.dirname(content));
		return content;
	};
	let buildContent = '';
	let run: BuildRun;
	const rates: Record<string, { passed: number; total: number; failures: string[] }> = {};
	/** Hand-broken copies of imported decisions: each must fail `check`, or be in the build that must pass. */
	const broken: Record<string, { errors: string[]; reason: RegExp }> = {};

	beforeAll(async () => {
		vi.stubEnv('GLASSHOUSE_TODAY', TODAY);
		// Alpha's "office" entry takes its password from the environment (the build's and openPage's).
		vi.stubEnv('ALPHA_OFFICE_PASSWORD', OFFICE_PASSWORD);
		// The whole corpus as one client (each source after the last), plus the pasted record with every pitfall.
		buildContent = fresh();
		const bySource: Record<string, string[]> = {};
		for (const [source, folders] of Object.entries(SOURCES)) {
			const before = new Set(decisionFiles(buildContent));
			const imported = await importInto(
				buildContent,
				folders.map((name) => path.join(CORPUS, name)),
			);
			expect(imported.code, imported.text).toBe(0);
			bySource[source] = decisionFiles(buildContent).filter((name) => !before.has(name));
		}
		const pasted = await folder('glasshouse-adr-', {
			'0001-host-search-on-a-server.md': SUPERSEDED_RECORD,
			'0003-serve-search-from-a-static-index.md': PITFALL_RECORD,
			'index-size.png': readFileSync(path.join(CORPUS, 'madr-4/0013-example.png')),
		});
		copies.push(pasted);
		const imported = await importInto(buildContent, [pasted]);
		expect(imported.code, imported.text).toBe(0);
		// Pass rate per source: one check of the whole client, errors counted by file.
		const errors = await errorsByFile(buildContent);
		const failing = (name: string) => [...errors.keys()].some((file) => file.endsWith(`/decisions/${name}`));
		for (const [source, files] of Object.entries(bySource)) {
			const failures = files.filter(failing);
			rates[source] = { passed: files.length - failures.length, total: files.length, failures };
		}
		// Files that fail `check` stay out of the build: the claim is that the rest builds.
		for (const file of errors.keys()) if (file.includes('/decisions/')) rmSync(path.join(path.dirname(buildContent), file));

		// Deliberately broken copies of an imported decision, as a hand edit after the import would break it.
		const sample = path.join(
			buildContent,
			'alpha/decisions',
			decisionFiles(buildContent).find((name) => name.endsWith('-implement-as-shell-scripts.md'))!,
		);
		const text = readFileSync(sample, 'utf8');
		const variants: Record<string, { ext: string; edit: (body: string) => string; reason: RegExp }> = {
			'mdx-autolink': {
				ext: '.mdx',
				edit: (body) => `${body}\nSee <https://example.com/spec>.\n`,
				reason: /\[text\]\(https:\/\/example\.com\/spec\)/,
			},
			'mdx-braces': { ext: '.mdx', edit: (body) => `${body}\nBudget: {TBD}.\n`, reason: /\{TBD\}/ },
			'mdx-html-comment': { ext: '.mdx', edit: (body) => `${body}\n<!-- to check with Dana -->\n`, reason: /<!-- … -->/ },
			'mdx-bare-tag': { ext: '.mdx', edit: (body) => `${body}\nRun adr new <title>.\n`, reason: /<title>/ },
			'missing-image': {
				ext: '.md',
				edit: (body) => `${body}\n![Architecture](./architecture.png)\n`,
				reason: /architecture\.png, found none/,
			},
			'broken-link': {
				ext: '.md',
				edit: (body) => `${body}\nSee [the old record](0002-implement-as-shell-scripts.md) and [decision 99](../99/).\n`,
				reason: /no decision 99/,
			},
			'foreign-front-matter': {
				ext: '.md',
				edit: (body) => `---\nstatus: accepted\ndate: 2016-02-12\n---\n\n${body}`,
				reason: /second front matter block/,
			},
			'remote-image': {
				ext: '.md',
				edit: (body) => `${body}\n![badge](https://img.shields.io/badge/adr-accepted-green.svg)\n`,
				reason: /remote image/,
			},
		};
		const checked = fresh();
		let number = 900;
		const written: Record<string, string> = {};
		for (const [name, variant] of Object.entries(variants)) {
			number++;
			const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
			const file = path.join(checked, 'alpha/decisions', `${String(number).padStart(4, '0')}-${name}${variant.ext}`);
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, `---\n${front!.replace(/^number: \d+$/m, `number: ${number}`)}\n---\n${variant.edit(body!)}`);
			written[name] = file;
		}
		const brokenErrors = await errorsByFile(checked);
		for (const [name, file] of Object.entries(written)) {
			const errors = [...brokenErrors.entries()].filter(([shown]) => shown.endsWith(path.basename(file))).flatMap(([, list]) => list);
			broken[name] = { errors, reason: variants[name]!.reason };
			// A copy `check` passes must build: it joins the one build below.
			if (errors.length === 0) renameSync(file, path.join(buildContent, 'alpha/decisions', path.basename(file)));
		}
		run = await buildSite('import-adr-corpus', buildContent, {
			timeout: 600_000,
			env: { ALPHA_OFFICE_PASSWORD: OFFICE_PASSWORD },
		});
	}, 900_000);

	afterAll(() => {
		vi.unstubAllEnvs();
		for (const copy of copies) rmSync(copy, { recursive: true, force: true });
	});

	it('passes check with no hand edits for at least 95% of the records', () => {
		const lines = Object.entries(rates).map(
			([source, rate]) =>
				`${source}: ${rate.passed}/${rate.total} (${((100 * rate.passed) / rate.total).toFixed(0)}%)${rate.failures.length ? ` failing: ${rate.failures.join(', ')}` : ''}`,
		);
		console.log(`Import pass rate per source:\n  ${lines.join('\n  ')}`);
		const passed = Object.values(rates).reduce((sum, rate) => sum + rate.passed, 0);
		const total = Object.values(rates).reduce((sum, rate) => sum + rate.total, 0);
		expect(total).toBeGreaterThanOrEqual(40);
		expect(Object.keys(rates).length).toBeGreaterThanOrEqual(4);
		expect(passed / total).toBeGreaterThanOrEqual(0.95);
	});

	it('fails every broken copy in check, or builds it', () => {
		for (const [name, { errors, reason }] of Object.entries(broken)) {
			console.log(`${name}: ${errors.length ? `check fails (${errors.join(' | ')})` : 'check passes, so it is in the build'}`);
			// When check fails, it fails for the pitfall itself (not, say, for the file's name).
			if (errors.length) expect(errors.join('\n')).toMatch(reason);
		}
		// Today check catches every one of them; each that it did not would have to build below.
		expect(Object.values(broken).every(({ errors }) => errors.length > 0)).toBe(true);
		expect(run.status, run.stderr).toBe(0);
	});

	it('builds the whole imported corpus as one client, with links, images and supersession in place', async () => {
		expect(run.status, run.stderr).toBe(0);
		const files = decisionFiles(buildContent);
		expect(files.length).toBeGreaterThanOrEqual(70);
		const pasted = files.find((name) => name.endsWith('-serve-search-from-a-static-index.md'))!;
		const number = Number(pasted.slice(0, 4));
		const page = await openPage(run.outDir, buildContent, `alpha/decisions/${number}/index.html`);
		expect(page).toContain('{TBD}');
		expect(page).toMatch(/(?:&lt;|&#x3C;|&#60;)command>/);
		expect(page).toContain('<table');
		expect(page).toContain('--output-subdir');
		expect(page).toContain(`href="../${number - 1}/"`);
		expect(page).not.toMatch(/<img[^>]+img\.shields\.io/);
		expect(page).toMatch(/<img alt="Index size by page count"/);
		// A record that names no decider says so, rather than a heading with nothing under it.
		const nameless = files.find((name) =>
			/^\s+vendor: \[\]/m.test(readFileSync(path.join(buildContent, 'alpha', 'decisions', name), 'utf8')),
		)!;
		const namelessPage = await openPage(run.outDir, buildContent, `alpha/decisions/${Number(nameless.slice(0, 4))}/index.html`);
		expect(namelessPage).toMatch(/<dt[^>]*>Decided by<\/dt>\s*(?:<!--[^>]*-->\s*)?<dd class="mt-1 muted"[^>]*>Not recorded<\/dd>/);
	});
});
