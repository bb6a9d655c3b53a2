import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkErrors, cli, freshDemoCopyEachTest, readContentFile } from '../support/temp-content';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

const decisions = (client: string) => readdirSync(path.join(content, client, 'decisions')).sort();

describe('glasshouse new decision', () => {
	it('takes the next free number, a slug of the title, today and status proposed', async () => {
		const run = await cli(content, ['new', 'decision', TIDEWATER, "Don't migrate the 2018 news archive"]);
		expect(run.code, run.text).toBe(0);
		expect(decisions(TIDEWATER).at(-1)).toBe('0008-dont-migrate-the-2018-news-archive.mdx');
		const { data, body } = readContentFile(path.join(content, TIDEWATER, 'decisions', '0008-dont-migrate-the-2018-news-archive.mdx'));
		expect(data).toMatchObject({
			number: 8,
			title: "Don't migrate the 2018 news archive",
			date: '2026-11-22',
			status: 'proposed',
			deciders: { client: [], vendor: [] },
		});
		expect(data.supersedes).toBeUndefined();
		expect(body.match(/^## .+$/gm)).toEqual(['## Context', '## Options considered', '## Decision', '## Consequences']);
		expect(await checkErrors(content)).toEqual([]);
	});

	it('supersedes an existing decision and says what to change once it is accepted', async () => {
		const run = await cli(content, ['new', 'decision', TIDEWATER, 'Show vehicle positions only for groupage', '--supersedes', '6']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('Once it is accepted, set "status: superseded" in 0006-add-a-live-vehicle-map-to-the-tracking-page.mdx.');
		const { data, text } = readContentFile(path.join(content, TIDEWATER, 'decisions', '0008-show-vehicle-positions-only-for-groupage.mdx'));
		expect(data.supersedes).toBe(6);
		expect(text).toContain('supersedes: 6  # once this is accepted, set "status: superseded" in 0006-');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('uses Chinese MADR headings for a zh-CN client, and NNNN-decision.mdx for a Chinese title', async () => {
		const run = await cli(content, ['new', 'decision', JINGHONG, '上线切换推迟到 3 月 8 日', '--supersedes', '6']);
		expect(run.code, run.text).toBe(0);
		expect(decisions(JINGHONG).at(-1)).toBe('0007-decision.mdx');
		const { data, body } = readContentFile(path.join(content, JINGHONG, 'decisions', '0007-decision.mdx'));
		expect(data).toMatchObject({ number: 7, title: '上线切换推迟到 3 月 8 日', supersedes: 6 });
		expect(body.match(/^## .+$/gm)).toEqual(['## 背景', '## 备选方案', '## 决定', '## 影响']);
		expect(await checkErrors(content)).toEqual([]);
	});

	it('numbers after the highest file name, even one that does not parse', async () => {
		writeFileSync(path.join(content, TIDEWATER, 'decisions', '0011-draft.mdx'), 'not frontmatter');
		const run = await cli(content, ['new', 'decision', TIDEWATER, 'Next one']);
		expect(run.code, run.text).toBe(0);
		expect(decisions(TIDEWATER)).toContain('0012-next-one.mdx');
	});

	it.each([
		[['--supersedes', '99'], '✗ --supersedes 99: tidewater-logistics has no decision 99. Known decisions: 1, 2, 3, 4, 5, 6, 7.'],
		[
			['--supersedes', '2'],
			'✗ --supersedes 2: decision 2 is already superseded by decision 5 (0005-host-the-front-end-on-netlify.mdx); a decision can be superseded only once.',
		],
		[['--supersedes', 'four'], '--supersedes: expected the number of a decision, like 4, found "four".'],
		[['--date', '2026-11-31'], '--date: expected a real date as YYYY-MM-DD, found "2026-11-31".'],
	])('refuses %j and writes nothing', async (args, message) => {
		const before = decisions(TIDEWATER);
		const run = await cli(content, ['new', 'decision', TIDEWATER, 'Some title', ...args]);
		expect(run.code).toBe(1);
		expect(run.text.split('\n')[0]).toBe(message);
		expect(decisions(TIDEWATER)).toEqual(before);
	});

	it('needs a title, and asks for one at a terminal', async () => {
		const missing = await cli(content, ['new', 'decision', TIDEWATER]);
		expect(missing.code).toBe(1);
		expect(missing.text).toContain('Give the decision a title');
		const asked = await cli(content, ['new', 'decision', TIDEWATER], ['Keep the old tracking page for a week']);
		expect(asked.code, asked.text).toBe(0);
		expect(decisions(TIDEWATER)).toContain('0008-keep-the-old-tracking-page-for-a-week.mdx');
	});
});
