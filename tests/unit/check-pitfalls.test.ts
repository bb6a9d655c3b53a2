import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { ROOT } from '../support/build-site';

const PITFALLS = 'tests/fixtures/pitfalls/content/acme/updates';
const DECISIONS = 'tests/fixtures/pitfalls/content/acme/decisions';
const check = (fixture: string) =>
	checkContent(path.join(ROOT, 'tests/fixtures', fixture, 'content'), { today: '2026-01-20', displayRoot: ROOT });

describe('check finds everything the build would fail on, in one run', () => {
	it('reports every pitfall of every file, in file lines and line order, each with its fix', async () => {
		const printed = (await check('pitfalls')).errors.map(formatProblem);
		const expected: Array<[string, RegExp]> = [
			[`${DECISIONS}/0002-add-read-replica.mdx:13 `, /found \.\.\/0001-use-postgres\/, which leads to no page; write \.\.\/1\/$/],
			[`${DECISIONS}/0002-add-read-replica.mdx:13 `, /found \.\/0001-use-postgres\.mdx, which leads to no page; write \.\.\/1\/$/],
			[`${DECISIONS}/0002-add-read-replica.mdx:15 `, /found \.\.\/7\/, but there is no decision 7 \(decisions: 1, 2, 3\)$/],
			[
				`${DECISIONS}/0003-pasted-adr.md:11 `,
				/found a second front matter block \(lines 11–15: status, date, deciders\) pasted into the body, which would show as a heading/,
			],
			[
				`${PITFALLS}/2026-01-09.mdx:9 `,
				/write the link as \[text\]\(https:\/\/example\.com\/spec\) instead of <https:\/\/example\.com\/spec>, or rename the file to \.md if it needs no components$/,
			],
			[`${PITFALLS}/2026-01-09.mdx:11 `, /write the comment as \{\/\* … \*\/\} instead of <!-- … -->, or rename the file to \.md/],
			[
				`${PITFALLS}/2026-01-09.mdx:13 `,
				/`<command>` \(13:5-13:14\).*escape the tag as \\<command> or put it in backticks.*rename the file to \.md/,
			],
			[`${PITFALLS}/2026-01-09.mdx:15 `, /"fast is not defined" fails the build; write \\\{fast\\\}.*rename the file to \.md/],
			[`${PITFALLS}/2026-01-09.mdx:15 `, /"cheap is not defined"/],
			[`${PITFALLS}/2026-01-16.mdx:9 `, /found \{TBD\}: MDX reads braces as JavaScript and "TBD is not defined" fails the build/],
			[`${PITFALLS}/2026-01-16.mdx:11 `, /found <Chart> which is not defined/],
			[
				`${PITFALLS}/2026-01-16.mdx:13 `,
				/expected the image file tests\/fixtures\/pitfalls\/content\/acme\/updates\/diagram\.png, found none/,
			],
			[
				`${PITFALLS}/2026-01-16.mdx:15 `,
				/remote image https:\/\/cdn\.example\.com\/logo\.png.*private.*download the file next to the page and write !\[…\]\(\.\/logo\.png\)/,
			],
		];
		expect(printed).toHaveLength(expected.length);
		for (const [index, [where, message]] of expected.entries()) {
			expect(printed[index]!.startsWith(where), printed[index]).toBe(true);
			expect(printed[index]).toMatch(message);
		}
		// No parser note left beside our own fix.
		expect(printed.join('\n')).not.toContain('(note:');
	});

	it('passes the same pages with every pitfall fixed', async () => {
		const fixed = await check('pitfalls-fixed');
		expect(fixed.problems.map(formatProblem)).toEqual([]);
	});

	it('warns about a future date naming it, and names every TODO line but none in a comment', async () => {
		const printed = (await check('pitfalls')).warnings.map(formatProblem);
		expect(printed).toEqual([
			`${PITFALLS}/2026-01-30.mdx:2  warning date: expected a date on or before today (2026-01-20), found 2026-01-30: the site would show an update dated in the future; correct the date, or keep the file out of content/ until that day`,
			`${PITFALLS}/2026-01-30.mdx:4  warning summary: expected your own text, found 3 TODO placeholder(s) from \`glasshouse new\` (lines 4, 9, 15); replace them before publishing`,
		]);
	});
});
