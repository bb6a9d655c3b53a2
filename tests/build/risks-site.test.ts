import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage, TEST_SECRET } from '../support/open-page';
import { derivePathSegment } from '@/keys/derive-credentials';
import { decodeSecret } from '@/keys/secret';
import { listFiles } from '@/lib/list-files';

// Harbor (English, riskReviewDays 21) has eight risks across every severity, one of them closed;
// lotus is the same in Chinese. Built as of 15 June 2026, so two of harbor's reviews are overdue.
const CONTENT = path.join(ROOT, 'tests/fixtures/risks/content');

/** Attribute values of every element carrying `name`, in document order. */
const values = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1]!);
/** The markup of the register entry of one risk. */
const entry = (html: string, id: string) => {
	const match = new RegExp(`<li[^>]*data-risk="${id}"[\\s\\S]*?</li>`).exec(html);
	if (!match) throw new Error(`no entry for ${id}`);
	return match[0];
};
/** The URL segment of a harbor risk's page: keyed by the secret, so the id never shows in an address. */
const at = (id: string) => derivePathSegment(decodeSecret(TEST_SECRET), 'harbor', 'risk', id);
/** Matrix cell → count, as rendered. */
const cells = (html: string) =>
	Object.fromEntries([...html.matchAll(/data-cell="([a-z]+-[a-z]+)" data-count="(\d+)"/g)].map((match) => [match[1]!, Number(match[2])]));

describe('the risk register of a built site', () => {
	let run: BuildRun;
	beforeAll(async () => {
		run = await buildSite('risks', 'tests/fixtures/risks/content', { env: { GLASSHOUSE_TODAY: '2026-06-15' } });
	});
	const page = (file: string) => openPage(run.outDir, CONTENT, file);

	it('builds, and check warns about the two risks whose review is overdue', () => {
		expect(run.status, run.stderr).toBe(0);
		expect(run.stdout + run.stderr).toMatch(/carrier-api\.yaml:\d+ +warning reviewed: expected an open risk to be reviewed every 21 days/);
		expect(run.stdout + run.stderr).toMatch(/scope-requests\.yaml:\d+ +warning raised/);
	});

	it('counts the live risks of every likelihood × impact cell, leaving the closed one out', async () => {
		const html = await page('harbor/risks/index.html');
		expect(cells(html)).toEqual({
			'high-low': 0,
			'high-medium': 1,
			'high-high': 1,
			'medium-low': 0,
			'medium-medium': 2,
			'medium-high': 1,
			'low-low': 1,
			'low-medium': 0,
			'low-high': 1,
		});
		// A cell with risks links to them; an empty one does not.
		expect(values(html, 'data-cell-link').sort()).toEqual([
			'high-high',
			'high-medium',
			'low-high',
			'low-low',
			'medium-high',
			'medium-medium',
		]);
		expect(html).toContain('2 live risks with medium likelihood and medium impact (Medium risk)');
	});

	it('lists the risks most severe first with their derived severity, closed ones last', async () => {
		const html = await page('harbor/risks/index.html');
		expect(values(html, 'data-risk')).toEqual([
			'data-migration',
			'carrier-api',
			'lead-developer',
			'budget-overrun',
			'scope-requests',
			'browser-support',
			'translation',
			'hosting-contract',
		]);
		const severity = (id: string) => values(entry(html, id), 'data-severity')[0];
		expect(['data-migration', 'carrier-api', 'lead-developer'].map(severity)).toEqual(['high', 'high', 'high']);
		expect(['budget-overrun', 'browser-support'].map(severity)).toEqual(['medium', 'medium']);
		expect(['translation', 'hosting-contract'].map(severity)).toEqual(['low', 'low']);
		expect(html).toMatch(/<details[^>]*data-closed-risks[\s\S]*data-risk="hosting-contract"/);
		expect(values(html, 'data-severity-count')).toEqual(['high', 'medium', 'low']);
	});

	it('marks the risks whose review is overdue, and says when the review was due', async () => {
		const html = await page('harbor/risks/index.html');
		const overdue = values(html, 'data-risk').filter((id) => entry(html, id).includes('data-review-overdue'));
		expect(overdue).toEqual(['carrier-api', 'scope-requests']);
		expect(entry(html, 'carrier-api')).toContain('review was due May 11, 2026; open risks are reviewed every 21 days');
		expect(entry(html, 'lead-developer')).toContain('Occurred');
	});

	it('names no risk page after its id: addresses are readable by anyone', async () => {
		const ids = (await readdir(path.join(CONTENT, 'harbor/risks'))).map((file) => file.replace(/\.yaml$/, ''));
		const segments = (await listFiles(run.outDir))
			.filter((file) => /^harbor\/risks\/[^/]+\/index\.html$/.test(file))
			.map((file) => file.split('/')[2]!);
		expect(segments.sort()).toEqual((await Promise.all(ids.map(at))).sort());
		expect(segments.every((segment) => /^[A-Za-z0-9_-]{12}$/.test(segment))).toBe(true);
	});

	it('gives every risk a searchable page with its status, severity, tags and the updates that mention it', async () => {
		const html = await page(`harbor/risks/${await at('data-migration')}/index.html`);
		expect(html).toContain('data-pagefind-body');
		expect(values(html, 'data-pagefind-filter')).toEqual(
			expect.arrayContaining(['type:risk', 'status:open', 'status:high', 'tag:data', 'tag:migration', 'year:2026']),
		);
		expect(values(html, 'data-pagefind-meta')).toContain('date:2026-06-05');
		expect(html).toContain('Keep the old system read-only for a quarter');
		const mentions = /data-testid="risk-mentions"[\s\S]*?<\/section>/.exec(html)![0];
		expect(values(mentions, 'href')).toEqual(['/harbor/updates/2026-06-12/', '/harbor/updates/2026-05-29/']);
		expect(await page(`harbor/risks/${await at('carrier-api')}/index.html`)).toContain('No status update has referred to this risk yet.');
	});

	it("shows open high-severity register risks on the overview, then the latest update's other risks, each once", async () => {
		const html = await page('harbor/index.html');
		const card = /data-testid="risks-card"[\s\S]*?<\/section>/.exec(html)![0];
		const high = /data-testid="high-risks"[\s\S]*?<\/ul>/.exec(card)![0];
		expect(values(high, 'data-risk-id')).toEqual(['data-migration', 'carrier-api', 'lead-developer']);
		const reported = /data-testid="reported-risks"[\s\S]*?<\/ul>/.exec(card)![0];
		expect(values(reported, 'data-risk-id')).toEqual(['budget-overrun']);
		expect(reported).toContain('Depot Wi-Fi is too weak for tablets in two warehouses');
		expect(card).not.toContain('Hosting contract not signed');
		expect(card).toContain('Full risk register (7 live)');
		expect(values(card, 'href')).toContain('/harbor/risks/');
	});

	it("links an update's register risks to their pages, with severity and status", async () => {
		const html = await page('harbor/updates/2026-05-29/index.html');
		const lead = /<li data-risk-id="lead-developer">[\s\S]*?<\/li>/.exec(html)![0];
		expect(values(lead, 'href')).toEqual([`/harbor/risks/${await at('lead-developer')}/`]);
		expect(values(lead, 'data-severity')).toEqual(['high']);
		expect(values(lead, 'data-status')).toEqual(['occurred']);
	});

	it('renders the Chinese register in Chinese', async () => {
		const html = await page('lotus/risks/index.html');
		expect(html).toMatch(/<html lang="zh-CN"/);
		expect(cells(html)).toMatchObject({ 'high-high': 1, 'medium-high': 1, 'medium-medium': 1, 'low-low': 1, 'low-medium': 0 });
		expect(html).toContain('可能性中、影响高的未关闭风险：1 项（高风险）');
		expect(html).toContain('已关闭的风险（1）');
		expect(entry(html, 'barcode-printers')).toContain('评审已逾期');
	});
});
