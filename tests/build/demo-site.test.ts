import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, listFiles } from '../../src/integrations/glasshouse/find-broken-links';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';

const CLIENTS = ['jinghong-precision', 'tidewater-logistics'];
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const clientYaml = (slug: string) => parse(read(path.join(ROOT, 'content', slug), 'client.yaml'));

describe.each([
	['/', 'demo-root'],
	['/status/', 'demo-base'],
])('the demo built with base %s', (base, name) => {
	let run: BuildRun;
	let files: string[];
	beforeAll(async () => {
		run = buildSite(name, 'content', { base });
		files = existsSync(run.outDir) ? await listFiles(run.outDir) : [];
	});

	it('builds successfully', () => {
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout).toContain('Content check passed');
	});

	it('has no broken internal link', async () => {
		expect(await findBrokenLinks(run.outDir, base)).toEqual([]);
	});

	it('keeps every page of a client under its own folder', () => {
		const html = files.filter((file) => file.endsWith('.html'));
		expect(html.filter((file) => !CLIENTS.some((client) => file.startsWith(`${client}/`)))).toEqual(['404.html', 'index.html']);
		for (const client of CLIENTS) {
			for (const page of ['index.html', 'updates/index.html', 'decisions/index.html', 'milestones/index.html', 'faq/index.html', 'contacts/index.html']) {
				expect(files).toContain(`${client}/${page}`);
			}
		}
	});

	it('links every internal URL under the base path', () => {
		const overview = read(run.outDir, 'tidewater-logistics/index.html');
		expect(overview).toContain(`href="${base}tidewater-logistics/updates/"`);
		expect(overview).not.toMatch(new RegExp(`href="/(?!${base.slice(1)})[a-z]`));
	});
});

describe('the demo output', () => {
	let dist: string;
	beforeAll(() => {
		dist = path.join(ROOT, 'tests/.output/demo-root');
		if (!existsSync(dist)) expect(buildSite('demo-root', 'content').status).toBe(0);
	});

	it('sets <html lang> from each client\'s locale', () => {
		expect(read(dist, 'jinghong-precision/index.html')).toMatch(/<html lang="zh-CN"/);
		expect(read(dist, 'jinghong-precision/decisions/index.html')).toMatch(/<html lang="zh-CN"/);
		expect(read(dist, 'tidewater-logistics/index.html')).toMatch(/<html lang="en"/);
	});

	it('shows a neutral root page that names no client', () => {
		const root = read(dist, 'index.html') + read(dist, '404.html');
		for (const slug of CLIENTS) {
			const client = clientYaml(slug);
			for (const secret of [slug, client.name, client.project.name]) expect(root).not.toContain(secret);
		}
	});

	it('puts no client content into shared assets', async () => {
		const shared = (await listFiles(dist)).filter((file) => !CLIENTS.some((client) => file.startsWith(`${client}/`)) && !file.endsWith('.html'));
		expect(shared.length).toBeGreaterThan(0);
		const text = shared.map((file) => read(dist, file)).join('\n');
		for (const slug of CLIENTS) {
			const client = clientYaml(slug);
			for (const secret of [client.name, client.project.name, ...client.team.map((person: { email: string }) => person.email)]) {
				expect(text).not.toContain(secret);
			}
		}
	});

	it('uses Chinese interface strings and dates for the Chinese client', () => {
		const overview = read(dist, 'jinghong-precision/index.html');
		expect(overview).toContain('需要您协助的事项');
		expect(overview).toContain('2026年11月20日');
		expect(overview).not.toContain('What we need from you');
	});

	it('derives "superseded by" on the older decision from the newer one', () => {
		const older = read(dist, 'tidewater-logistics/decisions/0002-host-the-front-end-on-azure-static-web-apps/index.html');
		expect(older).toContain('Superseded by');
		expect(older).toMatch(/href="\/tidewater-logistics\/decisions\/0005-[a-z-]+\/"/);
	});

	it('inlines the client logo into its pages instead of publishing it as a shared file', async () => {
		expect(read(dist, 'tidewater-logistics/index.html')).toContain('src="data:image/svg+xml;base64,');
		expect((await listFiles(dist)).filter((file) => /\.(svg|png)$/.test(file))).toEqual([]);
	});

	it('shows a Mermaid fence as code until diagrams are rendered', () => {
		const update = read(dist, 'tidewater-logistics/updates/2026-10-23/index.html');
		expect(update).toMatch(/<pre[^>]*><code[^>]*>flowchart LR/);
	});
});
