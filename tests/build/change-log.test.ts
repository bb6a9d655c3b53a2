import path from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '@/post-build/find-broken-links';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';

// Two clients: Harbor (English, EUR) with seven change requests in every state, one of which
// removes an item that a later one adds back; Dongfang (Chinese, CNY) with three.
const CONTENT = path.join(ROOT, 'tests/fixtures/changes/content');
const BASE = '/status/';

/** Every element below `node` for which `match` holds, in document order. */
function all(node: Nodes, match: (element: Element) => boolean): Element[] {
	const found: Element[] = [];
	const walk = (current: Nodes) => {
		if (current.type === 'element' && match(current)) found.push(current);
		if ('children' in current) current.children.forEach(walk);
	};
	walk(node);
	return found;
}
const raw = (node: Nodes): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(raw).join('') : '');
/** Text as read, whitespace collapsed. */
const text = (node: Nodes) => raw(node).replace(/\s+/g, ' ').trim();
const byData = (node: Nodes, name: string, value?: string) =>
	all(node, (element) => element.properties[name] !== undefined && (value === undefined || String(element.properties[name]) === value));
const one = (node: Nodes, name: string, value?: string) => {
	const found = byData(node, name, value);
	expect(found, `${name}=${value}`).toHaveLength(1);
	return found[0]!;
};
const items = (node: Nodes) => all(node, (element) => element.tagName === 'li').map(text);

describe('the change log of a fixture site', () => {
	let run: BuildRun;
	const page = async (file: string) => fromHtml(await openPage(run.outDir, CONTENT, file));
	beforeAll(async () => {
		run = await buildSite('changes', 'tests/fixtures/changes/content', { base: BASE });
	});

	it('builds with no broken link', async () => {
		expect(run.status, run.stderr).toBe(0);
		expect(await findBrokenLinks(run.outDir, BASE)).toEqual([]);
	});

	it('totals approved and implemented changes apart from those still undecided, in euros', async () => {
		const log = await page('harbor/changes/index.html');
		const figures = (kind: string) => byData(one(log, 'dataTotals', kind), 'dataTotal').map(text);
		expect(figures('approved')).toEqual(['3', '+9 days', '+€12,300']);
		expect(figures('pending')).toEqual(['2', '+6 days', '+€4,700.50']);
		expect(text(one(log, 'dataAwaiting'))).toBe('▲ 1 awaiting your decision');
	});

	it('lists the change awaiting the client first, then the others newest first, each with status, impact and answer', async () => {
		const rows = byData(one(await page('harbor/changes/index.html'), 'dataChangeTable'), 'dataChange');
		expect(rows.map((row) => row.properties.dataChange)).toEqual(['3', '7', '6', '5', '4', '2', '1']);
		expect(rows[0]!.properties.dataStatus).toBe('awaiting-client');
		const first = text(rows[0]!);
		for (const part of [
			'CR-3',
			'Dark mode for the portal',
			'Requested by Greta Client on Feb 20, 2026',
			'Awaiting your decision',
			'+4 days',
			'+€3,200.50',
		])
			expect(first).toContain(part);
		expect(text(rows.at(-2)!)).toContain('Greta Client, Feb 5, 2026');
		expect(text(rows.find((row) => row.properties.dataChange === '5')!)).toContain('Not estimated yet');
	});

	it('shows how scope moved: the original lists, each move in approval order, and the scope today', async () => {
		const scope = one(await page('harbor/changes/index.html'), 'dataTestid', 'scope-movement');
		const lists = (part: string) =>
			Object.fromEntries(
				byData(one(scope, 'dataScope', part), 'dataScopeList').map((list) => [String(list.properties.dataScopeList), items(list)]),
			);
		expect(lists('original')).toEqual({
			in: ['Public website', 'Tracking portal', 'Newsletter signup'],
			out: ['Mobile app', 'SAP integration'],
		});
		expect(items(one(scope, 'dataScope', 'moves'))).toEqual([
			'− Removed Newsletter signup CR-2 · Feb 5, 2026',
			'+ Added SAP integration CR-1 · Feb 10, 2026',
			'+ Added Newsletter signup CR-7 · Mar 1, 2026',
		]);
		expect(lists('current')).toEqual({
			in: ['Public website', 'Tracking portal', 'SAP integration CR-1', 'Newsletter signup CR-7'],
			out: ['Mobile app'],
		});
		const links = all(one(scope, 'dataScope', 'moves'), (element) => element.tagName === 'a').map((link) => link.properties.href);
		expect(links).toEqual([`${BASE}harbor/changes/2/`, `${BASE}harbor/changes/1/`, `${BASE}harbor/changes/7/`]);
	});

	it('totals a Chinese client in yuan, with Chinese labels', async () => {
		const html = await openPage(run.outDir, CONTENT, 'dongfang/changes/index.html');
		expect(html).toMatch(/<html lang="zh-CN"/);
		const log = fromHtml(html);
		const figures = (kind: string) => byData(one(log, 'dataTotals', kind), 'dataTotal').map(text);
		expect(figures('approved')).toEqual(['1', '+15天', '+¥80,000']);
		expect(figures('pending')).toEqual(['1', '+5天', '+¥24,000']);
		expect(text(one(log, 'dataAwaiting'))).toBe('▲ 1 项待贵方决定');
		expect(items(one(log, 'dataScope', 'moves'))).toEqual(['+ 纳入 移动端应用 CR-1 · 2026年3月20日']);
	});

	it("gives each change a searchable page with its impact, the client's answer and links to its decision and milestones", async () => {
		const html = await openPage(run.outDir, CONTENT, 'harbor/changes/1/index.html');
		for (const filter of ['type:change', 'status:approved', 'tag:integration', 'year:2026'])
			expect(html).toContain(`data-pagefind-filter="${filter}"`);
		expect(html).toContain('data-pagefind-sort="date:2026-01-20"');
		const facts = one(fromHtml(html), 'dataTestid', 'change-facts');
		expect(text(facts)).toContain('Schedule: +10 days');
		expect(text(facts)).toContain('Cost: +€12,500');
		expect(text(facts)).toContain('Adds to scope SAP integration');
		expect(text(one(facts, 'dataTestid', 'change-approval'))).toBe(
			'Your decision Approved by Greta Client on February 10, 2026 Within the Q1 budget line.',
		);
		const links = all(facts, (element) => element.tagName === 'a').map((link) => link.properties.href);
		expect(links).toEqual([`${BASE}harbor/decisions/1/`, `${BASE}harbor/milestones/#portal-launch`]);
		expect(html).not.toContain('data-change-reply');
	});

	it('names a rejection as such', async () => {
		const facts = one(await page('harbor/changes/4/index.html'), 'dataTestid', 'change-approval');
		expect(text(facts)).toBe('Your decision Rejected by Greta Client on February 12, 2026 Nobody to staff it before next year.');
	});

	it('offers Approve and Reject emails to the primary vendor contact only while the client has to answer', async () => {
		const detail = await page('harbor/changes/3/index.html');
		const replies = byData(detail, 'dataChangeReply');
		expect(replies.map((reply) => reply.properties.dataChangeReply)).toEqual(['approve', 'reject']);
		const approve = new URL(String(replies[0]!.properties.href));
		expect(approve.protocol + approve.pathname).toBe('mailto:pat.vendor@fixture.example');
		expect(new URLSearchParams(approve.search).get('subject')).toBe('Approved: CR-3 Dark mode for the portal');
		expect(replies[1]!.properties.dataMailSubject).toBe('Rejected: CR-3 Dark mode for the portal');
		for (const file of ['harbor/changes/6/index.html', 'harbor/changes/7/index.html'])
			expect(byData(await page(file), 'dataChangeReply')).toEqual([]);
	});

	it('falls back to the first vendor contact, in Chinese', async () => {
		const replies = byData(await page('dongfang/changes/2/index.html'), 'dataChangeReply');
		expect(replies[0]!.properties.dataMailTo).toBe('lilei@fixture.example');
		expect(replies[0]!.properties.dataMailSubject).toBe('批准：CR-2 供应商上传发票');
		expect(String(replies[0]!.properties.dataMailBefore)).toContain('李雷，您好：');
	});

	it('links a decision to the change requests it records', async () => {
		const decision = await openPage(run.outDir, CONTENT, 'harbor/decisions/1/index.html');
		expect(decision).toContain(`href="${BASE}harbor/changes/1/"`);
		expect(text(fromHtml(decision))).toContain('Change request CR-1: Add SAP order sync');
	});

	it('lists the changes awaiting the client under "What we need from you" on the overview', async () => {
		const overview = await page('harbor/index.html');
		const awaiting = one(overview, 'dataTestid', 'awaiting-changes');
		expect(items(awaiting)).toEqual([expect.stringMatching(/^○ CR-3 Dark mode for the portal \+4 days · \+€3,200\.50 · Requested by /)]);
		expect(one(awaiting, 'href', `${BASE}harbor/changes/3/`)).toBeDefined();
	});
});
