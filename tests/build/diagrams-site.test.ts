import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { buildSite, OUTPUT, ROOT, runCheckCli, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';

const CONTENT = path.join(ROOT, 'tests/fixtures/diagrams/content');
// A cache of its own, so the first build is cold whatever other builds of this run drew. Earlier
// runs left nothing: each starts with an empty tests/.output and no Astro content store.
const CACHE = path.join(OUTPUT, 'diagram-cache');
const env = { GLASSHOUSE_DIAGRAM_CACHE: CACHE };

/** Strings only Mermaid's runtime holds; the inline SVGs it drew do not contain them. */
const MERMAID_RUNTIME = ['mermaidAPI', 'suppressErrorRendering', 'UnknownDiagramError', 'No diagram type detected'];

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
const duplicates = (list: string[]) => list.filter((item, index) => list.indexOf(item) !== index);
/**
 * Targets of url(#…) and href="#…" in markup that no element of the page carries. Stylesheets are
 * left out: Mermaid's CSS has rules for a gradient it draws only in its "neo" look.
 */
const dangling = (html: string) => {
	const known = new Set(ids(html));
	const markup = html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
	return [...markup.matchAll(/(?:url\((?:&quot;|['"])?#|href="#)([^)"'&\s]+)/g)]
		.map((match) => match[1]!)
		.filter((id) => id !== 'main' && !known.has(id));
};
/** Text as a reader sees it: SVG tags and wrapped lines joined, entities decoded. */
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

describe('a site with diagrams', () => {
	let cold: BuildRun;
	let warm: BuildRun;
	beforeAll(async () => {
		// Bodies compiled by an earlier run of this test (kept in Astro's cache folder) would hold their diagrams already.
		rmSync(astroCacheDir(ROOT, CONTENT), { recursive: true, force: true });
		cold = await buildSite('diagrams', 'tests/fixtures/diagrams/content', { env });
		// --full: every client is rendered again (not taken from the per-client cache), so the diagrams come from theirs.
		warm = cold.status === 0 ? await buildSite('diagrams', 'tests/fixtures/diagrams/content', { env, flags: ['--full'] }) : cold;
	});
	const page = (file: string) => openPage(cold.outDir, CONTENT, file);

	it('draws every diagram on the first build and none on the second, which takes them from the cache', async () => {
		expect(cold.status, cold.stderr).toBe(0);
		// Three distinct fences (one of them twice on a page), two Gantt charts, one decision timeline,
		// every one drawn while the check ran, before Astro asked: the charts' texts the build worked
		// out from the checked content are the ones the pages draw (any other would be drawn by Astro
		// and leave the count of those drawn ahead short).
		expect(cold.stdout).toContain('diagrams: 6 rendered, 0 from cache (6 drawn ahead of Astro)');
		expect(warm.status, warm.stderr).toBe(0);
		// The bodies are not even compiled again: Astro's content cache holds the FAQ's Markdown, and the
		// compiled MDX bodies are kept (src/integrations/mdx-compile-cache.ts), their diagrams in them;
		// what is left to look up are the charts the pages draw (milestones, decisions); the build drew
		// nothing ahead, as the cache holds every diagram.
		expect(warm.stdout).toContain('MDX bodies: 0 compiled, 5 from cache');
		expect(warm.stdout).toContain('diagrams: 0 rendered, 3 from cache\n');
	});

	it('inlines the fences of an update as SVG, with unique ids that every reference resolves to', async () => {
		const html = await page('alpha/updates/2026-01-09/index.html');
		expect(html).not.toContain('language-mermaid');
		expect(html.match(/<figure class="diagram"/g)).toHaveLength(3);
		// Each diagram is drawn for light and for dark.
		expect(html.match(/<svg\b/g)!.length).toBeGreaterThanOrEqual(6);
		expect(html).toContain('<figcaption class="diagram-caption">Release flow</figcaption>');
		expect(html).toContain('aria-label="Who talks to whom"');
		expect(ids(html).length).toBeGreaterThan(50);
		expect(duplicates(ids(html))).toEqual([]);
		expect(dangling(html)).toEqual([]);
	});

	it('shows the Gantt chart of milestones on the overview and the milestones page, every title as written', async () => {
		for (const file of ['alpha/index.html', 'alpha/milestones/index.html']) {
			const html = await page(file);
			expect(html).toContain('data-diagram="milestones"');
			expect(html).toContain('Milestone timeline, as of Jan 16, 2026');
			const shown = text(html);
			for (const title of [
				'Kick-off',
				'Design: signed off #1; "final" look',
				'title page and build',
				'Mobile sign-off',
				'Forecast: 14 days later',
				'Acceptance testing',
				'Launch',
			]) {
				expect(shown, `${file}: ${title}`).toContain(title);
			}
			expect(shown).toContain('Phase: one');
			expect(duplicates(ids(html))).toEqual([]);
			expect(dangling(html)).toEqual([]);
		}
	});

	it('shows the decisions on a timeline, and diagrams in Markdown FAQ answers', async () => {
		const decisions = text(await page('alpha/decisions/index.html'));
		expect(decisions).toContain('1. Host on premises: the old servers (Superseded)');
		expect(decisions).toContain('2. Host in the cloud');
		expect(await page('alpha/faq/index.html')).toMatch(/<figure class="diagram"[^>]*aria-label="Diagram"/);
	});

	it("labels a Chinese client's chart in Chinese, in the clear for a public client", () => {
		const html = readFileSync(path.join(cold.outDir, 'beta/index.html'), 'utf8');
		expect(html).toContain('里程碑时间线（截至 2026年2月13日）');
		expect(text(html)).toContain('需求调研：完成');
		expect(text(html)).toContain('系统设计评审');
		expect(html).toContain('Noto Sans CJK SC');
	});

	it('ships no Mermaid: no file of the output holds its runtime, and no diagram is a file of its own', async () => {
		const files = await listFiles(cold.outDir);
		expect(files.filter((file) => file.endsWith('.svg') && file !== 'favicon.svg')).toEqual([]);
		for (const file of files) {
			const content = readFileSync(path.join(cold.outDir, file), 'latin1');
			for (const marker of MERMAID_RUNTIME) expect(content.includes(marker), `${file} holds "${marker}"`).toBe(false);
		}
	});
});

describe('diagrams in a build that fails', () => {
	const BROKEN = 'tests/fixtures/broken-diagram/content';
	const WHERE = `${BROKEN}/alpha/updates/2026-01-09.mdx:13  body: expected a valid Mermaid diagram, found Parse error on line 3:`;

	it("an invalid diagram stops the build with file, line of the fence and Mermaid's message, and leaves the previous output as it was", async () => {
		const outDir = path.join(OUTPUT, 'broken-diagram');
		mkdirSync(outDir, { recursive: true });
		writeFileSync(path.join(outDir, 'index.html'), 'stale site from an earlier build');
		const run = await buildSite('broken-diagram', BROKEN, { env });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(WHERE);
		expect(run.stderr).toMatch(/Expecting .*got 'TAGEND'/);
		expect(run.stderr).toContain('Nothing was written to');
		expect(run.stderr).toContain('the previous site there is kept unchanged');
		expect(readdirSync(outDir)).toEqual(['index.html']);
		expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('stale site from an earlier build');
	});

	it('a build that breaks after drawing a diagram still closes the browser, so it ends instead of hanging', async () => {
		// The MDX compiles (the check passes) and its diagram is drawn; then Vite cannot resolve an import.
		// A cache of its own, so the diagram is drawn (by a browser that must then be closed).
		const run = await buildSite('crash-after-diagram', 'tests/fixtures/crash-after-diagram/content', {
			env: { GLASSHOUSE_DIAGRAM_CACHE: path.join(OUTPUT, 'diagram-cache-crash') },
			timeout: 90_000,
		});
		expect(run.status, run.stderr).toBe(1);
		expect(run.stderr).toContain('Could not resolve "./missing-component.astro"');
	});

	it('`glasshouse check` reports an invalid diagram like any other content error', async () => {
		const run = await runCheckCli(BROKEN);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(WHERE);
		expect(run.stderr).toMatch(/Content check failed: 1 client\(s\), 1 error\(s\)/);
	});
});
