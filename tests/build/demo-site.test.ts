import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { findBrokenLinks } from '@/post-build/find-broken-links';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { demoBuild, demoOutput } from '../support/demo-build';
import { openPage, readShell } from '../support/open-page';

// Two active projects and two closed ones, one of each per language.
const CLIENTS = ['harbour-museum', 'jinghong-precision', 'lanshan-tea', 'tidewater-logistics'];
const CONTENT = path.join(ROOT, 'content');
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const clientYaml = (slug: string) => parse(read(path.join(CONTENT, slug), 'client.yaml'));

// Base / is the run's build of the demo (tests/support/global-setup-demo.ts); /status/ is built here.
describe.each<[string, () => Promise<BuildRun>]>([
	['/', async () => demoBuild()],
	['/status/', () => buildSite('demo-base', 'content', { base: '/status/' })],
])('the demo built with base %s', (base, build) => {
	let run: BuildRun;
	let files: string[];
	beforeAll(async () => {
		run = await build();
		files = existsSync(run.outDir) ? await listFiles(run.outDir) : [];
	});

	it('builds, encrypts and passes the leak scan', async () => {
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('Content check passed');
		expect(run.stdout).toMatch(
			new RegExp(`encryption: \\d+ page\\(s\\) and \\d+ other file\\(s\\) of ${CLIENTS.length} private client\\(s\\) encrypted`),
		);
		expect(run.stdout).toMatch(/leak scan: \d+ distinctive text\(s\) of private clients, none found/);
	});

	it('keeps every page of a client under its own folder', async () => {
		const html = files.filter((file) => file.endsWith('.html'));
		expect(html.filter((file) => !CLIENTS.some((client) => file.startsWith(`${client}/`)))).toEqual(['404.html', 'index.html']);
		for (const client of CLIENTS) {
			for (const page of [
				'index.html',
				'updates/index.html',
				'decisions/index.html',
				'milestones/index.html',
				'risks/index.html',
				'changes/index.html',
				'meetings/index.html',
				'feedback/index.html',
				'feedback/1/index.html',
				'faq/index.html',
				'contacts/index.html',
			]) {
				expect(files).toContain(`${client}/${page}`);
			}
		}
	});

	it('has no broken link, and links inside decrypted pages stay under the base path', async () => {
		expect(await findBrokenLinks(run.outDir, base)).toEqual([]);
		const overview = await openPage(run.outDir, CONTENT, 'tidewater-logistics/index.html');
		expect(overview).toContain(`href="${base}tidewater-logistics/updates/"`);
		expect(overview).not.toMatch(new RegExp(`href="/(?!${base.slice(1)})[a-z]`));
	});

	it("serves the shells' unlock code under the base path", () => {
		const { config } = readShell(read(run.outDir, 'tidewater-logistics/index.html'));
		expect(config.base).toBe(base);
		const script = /<script type="module" src="([^"]+)"/.exec(read(run.outDir, 'tidewater-logistics/index.html'))![1]!;
		expect(script.startsWith(`${base}_glasshouse/gate.`)).toBe(true);
		expect(files).toContain(script.slice(base.length));
	});
});

describe('the demo output', () => {
	let dist = '';
	const page = (file: string) => openPage(dist, CONTENT, file);
	beforeAll(() => {
		dist = demoOutput();
	});

	it('replaces every client page by a lock screen that says nothing about the client', async () => {
		for (const file of (await listFiles(dist)).filter(
			(name) => name.endsWith('.html') && CLIENTS.some((client) => name.startsWith(`${client}/`)),
		)) {
			const html = read(dist, file);
			expect(html, file).toContain('id="gh-payload"');
			expect(html, file).toMatch(/<title>(Private project status|项目状态（私密）) · Brightline Studio<\/title>/);
			expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
		}
		const shell = read(dist, 'tidewater-logistics/index.html');
		for (const secret of ['Tidewater', 'replatforming', 'Hannah Okafor', 'tidewater-logistics.eu']) expect(shell).not.toContain(secret);
	});

	it('has no feed or sitemap, and robots.txt disallows everything', async () => {
		const files = await listFiles(dist);
		// Match whole name parts: a sealed index file's random hex name may contain "feed" by chance.
		const feedLike = /(^|[/._-])(sitemap|rss|atom|feed)([/._-]|\d|$)|\.xml$/i;
		expect(files.filter((file) => feedLike.test(file))).toEqual([]);
		expect(feedLike.test('harbour-museum/pagefind/7cce45463f4ee402535246017e07feed')).toBe(false);
		expect(['sitemap-index.xml', 'rss.xml', 'client/feed.json', 'atom.xml'].every((name) => feedLike.test(name))).toBe(true);
		expect(read(dist, 'robots.txt')).toMatch(/User-agent: \*\s+Disallow: \//);
	});

	it("sets <html lang> from each client's locale, on the lock screen and the page", async () => {
		expect(read(dist, 'jinghong-precision/index.html')).toMatch(/<html lang="zh-CN"/);
		expect(read(dist, 'lanshan-tea/index.html')).toMatch(/<html lang="zh-CN"/);
		expect(read(dist, 'harbour-museum/index.html')).toMatch(/<html lang="en"/);
		expect(await page('jinghong-precision/decisions/index.html')).toMatch(/<html lang="zh-CN"/);
		expect(await page('tidewater-logistics/index.html')).toMatch(/<html lang="en"/);
	});

	it('shows a neutral root page that names no client', async () => {
		const root = read(dist, 'index.html') + read(dist, '404.html');
		for (const slug of CLIENTS) {
			const client = clientYaml(slug);
			for (const secret of [slug, client.name, client.project.name]) expect(root).not.toContain(secret);
		}
	});

	it('speaks every interface language on the pages outside any client', () => {
		const notFound = read(dist, '404.html');
		expect(notFound).toMatch(/<section lang="en">\s*<h1[^>]*>Page not found<\/h1>/);
		expect(notFound).toMatch(/<section lang="zh-CN">\s*<h1[^>]*>找不到该页面<\/h1>/);
		expect(read(dist, 'index.html')).toContain('本站提供非公开的项目进展页面');
	});

	it('puts no client content into shared assets', async () => {
		const shared = (await listFiles(dist)).filter(
			(file) => !CLIENTS.some((client) => file.startsWith(`${client}/`)) && !file.endsWith('.html'),
		);
		expect(shared.length).toBeGreaterThan(0);
		const text = shared.map((file) => read(dist, file)).join('\n');
		for (const slug of CLIENTS) {
			const client = clientYaml(slug);
			for (const secret of [client.name, client.project.name, ...client.team.map((person: { email: string }) => person.email)]) {
				expect(text).not.toContain(secret);
			}
		}
	});

	it('uses Chinese interface strings and dates for the Chinese client', async () => {
		const overview = await page('jinghong-precision/index.html');
		expect(overview).toContain('需要您协助的事项');
		expect(overview).toContain('2026年11月20日');
		expect(overview).not.toContain('What we need from you');
	});

	it('logs feedback open first, each with its response and what it led to, and a page per item', async () => {
		const log = await page('tidewater-logistics/feedback/index.html');
		const order = [...log.matchAll(/data-feedback="(\d+)"/g)].map((match) => Number(match[1]));
		// The one open item, then the answered ones, most recently answered first.
		expect(order).toEqual([3, 6, 5, 4, 2, 1]);
		expect(log).toContain('Waiting for our answer (1)');
		expect(log).toContain('Answered (5)');
		expect(log).toContain('A nightly content import');
		expect(log).toContain('Why we declined:');
		expect(log).toContain('href="/tidewater-logistics/changes/3/"');
		expect(log).toContain('href="/tidewater-logistics/meetings/2026-10-08-weekly/"');
		// Each item carries its git times, so "what's new" can mark it.
		expect(log).toMatch(/data-feedback="3"[^>]*data-changed-at=/);
		const item = await page('tidewater-logistics/feedback/2/index.html');
		expect(item).toContain('data-pagefind-filter="type:feedback"');
		expect(item).toMatch(/Answered<\/dt>\s*<dd[^>]*>October 20, 2026 · 8 working days after receipt/);
		const zh = await page('jinghong-precision/feedback/index.html');
		expect(zh).toContain('您的意见，我们的行动');
		expect(zh).toContain('待我们答复（2）');
	});

	it("shows open feedback and the median response times against the client's targets on the overview", async () => {
		const figures = async (file: string) => {
			const card = /data-testid="feedback-card"[\s\S]*?<\/section>/.exec(await page(file))![0];
			return Object.fromEntries(
				card
					.split('data-figure="')
					.slice(1)
					.map((chunk) => {
						const value = /data-value[^>]*>([^<]*)</.exec(chunk)![1]!.trim();
						const target = /data-target[^>]*>\s*([^<]*?)\s*</.exec(chunk)?.[1];
						return [/^(\w+)"/.exec(chunk)![1], target ? [value, target] : [value]];
					}),
			);
		};
		// Tidewater: acknowledged after 1, 0, 1, 1, 1, 2 working days, answered after 4, 8, 3, 1, 3; targets 2 and 8.
		expect(await figures('tidewater-logistics/index.html')).toEqual({
			open: ['1'],
			acknowledge: ['1 working day', 'target 2 working days'],
			answer: ['3 working days', 'target 8 working days'],
		});
		expect(/data-whats-new-card[\s\S]*?<\/section>/.exec(await page('tidewater-logistics/index.html'))![0]).toContain(
			'href="/tidewater-logistics/feedback/',
		);
		// Jinghong: acknowledged after 0, 1, 0, 1, 1, answered after 5, 4, 3; targets 1 and 5.
		expect(await figures('jinghong-precision/index.html')).toEqual({
			open: ['2'],
			acknowledge: ['1 个工作日', '目标 1 个工作日'],
			answer: ['4 个工作日', '目标 5 个工作日'],
		});
	});

	it('derives "superseded by" on the older decision from the newer one', async () => {
		const older = await page('tidewater-logistics/decisions/2/index.html');
		expect(older).toContain('Superseded by');
		expect(older).toContain('href="/tidewater-logistics/decisions/5/"');
	});

	it('inlines the client logo into its encrypted pages instead of publishing it as a file', async () => {
		expect(await page('tidewater-logistics/index.html')).toContain('src="data:image/svg+xml;base64,');
		expect(
			(await listFiles(dist)).filter(
				(file) => /\.(png|jpe?g|webp|avif|gif)$/.test(file) || (file.endsWith('.svg') && file !== 'favicon.svg'),
			),
		).toEqual([]);
	});

	it('draws the Mermaid fence of an update as an inline diagram, named after its heading', async () => {
		const html = await page('tidewater-logistics/updates/2026-10-23/index.html');
		expect(html).not.toContain('language-mermaid');
		expect(html).toMatch(
			/<figure class="diagram" aria-label="Cutover plan"><div class="diagram-scroll"[^>]*><div class="diagram-light"><svg /,
		);
		// Mermaid sets each word of a label in its own <tspan>.
		expect(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('Smoke tests pass?');
	});
});
