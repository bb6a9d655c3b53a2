import { access } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '@/post-build/find-broken-links';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';

const CONTENT = path.join(ROOT, 'tests/fixtures/meetings/content');

/** The HTML of the element with `data-testid`, up to its matching closing tag. */
function section(html: string, testId: string): string {
	const at = html.indexOf(`data-testid="${testId}"`);
	expect(at, `no data-testid="${testId}"`).toBeGreaterThan(-1);
	const start = html.lastIndexOf('<', at);
	const name = /^<(\w+)/.exec(html.slice(start))![1]!;
	const tags = new RegExp(`<(/?)${name}[\\s>]`, 'g');
	tags.lastIndex = start + 1;
	for (let depth = 1, match = tags.exec(html); match; match = tags.exec(html)) {
		depth += match[1] ? -1 : 1;
		if (depth === 0) return html.slice(start, tags.lastIndex);
	}
	throw new Error(`no end of data-testid="${testId}"`);
}

describe('a site with meeting minutes, acceptance and a close-out', () => {
	let run: BuildRun;
	beforeAll(async () => {
		run = await buildSite('meetings', 'tests/fixtures/meetings/content');
	});
	const page = (file: string) => openPage(run.outDir, CONTENT, file);

	it('builds with no broken links', async () => {
		expect(run.status, run.stderr).toBe(0);
		expect(await findBrokenLinks(run.outDir, '/')).toEqual([]);
	});

	it('puts the client\'s open action items under "What we need from you", with a link to where they were agreed', async () => {
		const needs = section(await page('harbour/index.html'), 'needs-from-you');
		expect(needs).toContain('Confirm the harbourpuffin timetable feed');
		expect(needs).toContain('Send the harbourkiwi brand guidelines');
		expect(needs).toContain('href="/harbour/meetings/2026-03-02-kickoff/#action-0"');
		// An owner off the team list counts for the side the minutes give.
		expect(needs).toContain('Ask the harbourmoose IT team for DNS access');
		expect(needs).not.toContain('harbourotter');
		expect(needs).not.toContain('harbourlynx');
	});

	it('asks the client to accept a done milestone with deliverables, and not one already accepted', async () => {
		const toAccept = section(await page('harbour/index.html'), 'to-accept');
		expect(toAccept).toContain('Harbourwren design approved');
		expect(toAccept).toContain('Clickable prototype');
		expect(toAccept).toContain('href="/harbour/milestones/#design"');
		expect(toAccept).not.toContain('Discovery complete');
		const milestones = await page('harbour/milestones/index.html');
		expect(milestones.match(/data-testid="awaiting-acceptance"/g)).toHaveLength(1);
		expect(milestones).toContain('Accepted by Chris Client on Feb 24, 2026');
	});

	it('lists the vendor\'s open action items under "Our commitments"', async () => {
		const ours = section(await page('harbour/index.html'), 'our-commitments');
		expect(ours).toContain('Our commitments');
		expect(ours).toContain('Share the harbourotter project plan');
		expect(ours).toContain('href="/harbour/meetings/2026-03-02-kickoff/#action-1"');
		expect(ours).toContain('Write the harbourbison test plan');
		expect(ours).toContain('href="/harbour/meetings/2026-03-05-weekly/#action-0"');
		expect(ours).not.toContain('harbourkiwi');
	});

	it('lists minutes newest first and gives each its own page addressed by date and type', async () => {
		const list = await page('harbour/meetings/index.html');
		expect(list.indexOf('Weekly meeting on March 5, 2026')).toBeLessThan(list.indexOf('Kick-off of the harbourseal booking site'));
		expect(list).toContain('Open action items: 3');
		const kickoff = await page('harbour/meetings/2026-03-02-kickoff/index.html');
		expect(kickoff).toContain('data-pagefind-body');
		expect(kickoff).toContain('data-pagefind-filter="type:meeting"');
		expect(kickoff).toContain('Goals and success measures');
		expect(kickoff).toContain('harbourcrane goals');
		expect(kickoff).toMatch(/href="\/harbour\/decisions\/1\/">#1 Host the harbourgull site as static pages</);
		for (const index of [0, 1, 2, 3]) expect(kickoff).toContain(`id="action-${index}"`);
		expect(kickoff).toContain('Dana Finance');
	});

	it('keeps a close-out hidden while the project is active', async () => {
		expect(await page('harbour/index.html')).not.toContain('harbourdraftsecret');
		await expect(access(path.join(run.outDir, 'harbour/closeout/index.html'))).rejects.toThrow();
	});

	it("opens a closed project's overview with its close-out summary, in the client's language", async () => {
		const overview = await page('lantern/index.html');
		const summary = section(overview, 'closeout-summary');
		expect(overview.indexOf('data-testid="closeout-summary"')).toBeLessThan(overview.indexOf('data-testid="health-panel"'));
		expect(summary).toContain('已于 2026年5月29日 收尾');
		for (const [verdict, label] of [
			['met', '已达成'],
			['partly', '部分达成'],
			['missed', '未达成'],
		]) {
			expect(summary).toMatch(new RegExp(`data-outcome="${verdict}"[^>]*>\\s*<span aria-hidden="true">[✓◐✗]</span>\\s*${label}`));
		}
		expect(summary).toContain('每周评审节奏稳定');
		expect(summary).toContain('内容迁移应更早开始');
		expect(summary).toContain('完成编辑培训（灯塔月光）');
		expect(summary).toContain('支持期至 2026年11月30日');
		expect(summary).toContain('href="mailto:zhao@fixture.example"');
		expect(summary).toContain('运维工程师');
		expect(summary).toContain('href="/lantern/closeout/"');
		// The last update stays, as the final status; no next update is announced.
		expect(overview).toContain('最终状态');
		expect(overview).not.toContain('下次更新预计');
	});

	it('gives the close-out its own searchable page with the body', async () => {
		const report = await page('lantern/closeout/index.html');
		expect(report).toContain('data-pagefind-filter="type:closeout"');
		expect(report).toContain('灯塔海鸥的经验');
		expect(report).toContain('比计划提前一周上线（灯塔星光）');
	});
});
