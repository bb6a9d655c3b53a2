import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { ROOT } from '../support/build-site';
import { onlyProblem } from '../support/only-problem';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken/content');
const DEMO = path.join(ROOT, 'content');
const FILE = 'tests/fixtures/broken/content/acme';

let broken: CheckResult;
beforeAll(async () => {
	broken = await checkContent(BROKEN, { today: '2026-03-20', displayRoot: ROOT });
});

/** The one problem reported for `file` and `field`, as printed. */
const reported = (file: string, field: string) => onlyProblem(broken.problems, `${FILE}/${file}`, field);

describe('checkContent on a folder of broken content', () => {
	it('reports every problem of every file in one run', () => {
		expect(broken.errors.length).toBeGreaterThanOrEqual(22);
		expect(new Set(broken.errors.map((problem) => problem.file)).size).toBeGreaterThanOrEqual(14);
	});

	it.each([
		['client.yaml', 'locale', 5, 'expected one of "en", "zh-CN", found "fr"'],
		['client.yaml', 'team.0.email', 12, 'expected an email address, found "pat-at-example"'],
		['client.yaml', 'plannedEnd', 7, 'expected a date on or after start (2026-03-01), found 2026-02-01'],
		['updates/2026-02-30.mdx', 'date', 2, 'expected a real date as YYYY-MM-DD, found "2026-02-30"'],
		['updates/2026-02-30.mdx', 'progress', 5, 'expected at most 100, found 140'],
		['updates/2026-02-30.mdx', 'slug', 8, 'is not allowed'],
		['updates/2026-02-30.mdx', 'healthReason', 2, 'expected one sentence explaining why the project is at-risk, found nothing'],
		['updates/2026-03-06.mdx', 'date', 2, "expected the file name's date (2026-03-06), found 2026-03-05"],
		['updates/2026-03-06.mdx', 'body', 9, 'expected valid MDX'],
		['updates/2026-03-13.mdx', 'health', 3, 'expected one of "on-track", "at-risk", "off-track", found "sideways"'],
		['updates/2026-03-13.mdx', 'needs.0.due', 8, 'expected a real date as YYYY-MM-DD, found "2026-13-01"'],
		['decisions/0002-points-forward.mdx', 'supersedes', 7, 'expected an older decision'],
		['decisions/0003-points-nowhere.mdx', 'supersedes', 7, 'expected the number of an existing decision of acme (1, 2, 3, 4, 6), found 9'],
		['decisions/0004-orphan-superseded.mdx', 'status', 5, 'expected a later decision with "supersedes: 4"'],
		['decisions/0005-wrong-number.mdx', 'number', 2, 'expected 5 to match the file name, found 6'],
		['milestones/done-without-date.yaml', 'completed', 1, 'expected the completion date of a done milestone'],
		['milestones/loop-a.yaml', 'dependsOn', 7, 'expected no cycle of dependencies, found loop-a → loop-b → loop-a'],
		['milestones/loop-b.yaml', 'dependsOn.1', 7, 'expected a milestone id of acme (loop-a, loop-b), found "ghost"'],
		['milestones/renamed.yaml', 'colour', 7, 'expected a known field'],
		['faq/no-question.md', 'question', 2, 'expected text, found nothing'],
		['faq/bad-yaml.md', '', 3, 'expected valid YAML'],
	])('%s %s (line %i)', (file, field, line, message) => {
		const text = reported(file, field);
		expect(text.startsWith(`${FILE}/${file}:${line}  `)).toBe(true);
		expect(text).toContain(message);
	});

	it('refuses a client folder whose name is not a URL slug, and one without client.yaml', () => {
		const messages = broken.errors.filter((problem) => problem.file.includes('Bad_Name')).map((problem) => problem.message);
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringContaining('expected a client folder name of lowercase'),
				expect.stringContaining('expected client.yaml'),
			]),
		);
	});

	it('warns, without failing, about a superseded decision whose status was not updated', () => {
		const warning = broken.warnings.find((problem) => problem.file.endsWith('0003-points-nowhere.mdx'));
		expect(warning?.message).toContain('expected "superseded" because accepted decision 2 supersedes it');
	});
});

describe('checkContent on the demo content', () => {
	it('finds no errors', async () => {
		const result = await checkContent(DEMO, { today: '2026-11-22', displayRoot: ROOT });
		expect(result.errors.map(formatProblem)).toEqual([]);
		expect(result.clients.map((client) => client.slug)).toEqual([
			'harbour-museum',
			'jinghong-precision',
			'lanshan-tea',
			'tidewater-logistics',
		]);
		expect(result.warnings.map(formatProblem)).toEqual([]);
	});

	it('warns when the latest update is older than the cadence allows', async () => {
		const result = await checkContent(DEMO, { today: '2027-01-15', displayRoot: ROOT });
		const stale = result.warnings.filter((problem) => problem.field === 'communication.cadence');
		// Only the two active projects: a closed project publishes no more updates.
		expect(stale.map((problem) => problem.file.split('/')[1])).toEqual(['jinghong-precision', 'tidewater-logistics']);
		expect(stale[0]!.message).toMatch(/expected an update since 2026-11-27 .*found the latest dated 2026-11-20/);
		expect(result.errors).toEqual([]);
	});
});
