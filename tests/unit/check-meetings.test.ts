import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { ROOT } from '../support/build-site';
import { onlyProblem } from '../support/only-problem';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken-meetings/content');
const GOOD = path.join(ROOT, 'tests/fixtures/meetings/content');
const FILE = 'tests/fixtures/broken-meetings/content';

let broken: CheckResult;
beforeAll(async () => {
	broken = await checkContent(BROKEN, { today: '2026-03-20', displayRoot: ROOT });
});

/** The one problem reported for `file` and `field`, as printed. */
const reported = (file: string, field: string, severity: 'error' | 'warning' = 'error') =>
	onlyProblem(broken.problems, `${FILE}/${file}`, field, severity);

describe('meeting minutes with mistakes', () => {
	it.each([
		['acme/meetings/2026-03-02-kickoff.mdx', 'decisions.1', 7, 'expected a decision number of acme (1), found 7'],
		[
			'acme/meetings/2026-03-02-kickoff.mdx',
			'actions.1.owner',
			12,
			'expected a team member from client.yaml (Pat Vendor, Jo Client), or "side: client" / "side: vendor" for someone else, found "Stranger Danger"',
		],
		[
			'acme/meetings/2026-03-02-kickoff.mdx',
			'actions.2.side',
			15,
			'expected "vendor" (Pat Vendor is on the vendor side in client.yaml), found "client"',
		],
		['acme/meetings/kickoff-notes.mdx', '', 2, 'expected a file name like 2026-03-03-weekly.mdx, found "kickoff-notes.mdx"'],
		['acme/meetings/2026-03-04-weekly.mdx', 'date', 2, "expected the file name's date (2026-03-04), found 2026-03-05"],
		[
			'acme/meetings/2026-03-06-review.mdx',
			'type',
			3,
			'expected one of "kickoff", "weekly", "steering", "review", "retrospective", found "standup"',
		],
		['acme/meetings/2026-03-06-review.mdx', 'attendees.client', 5, 'expected at least one attendee from the client, found a list of 0'],
		['acme/meetings/2026-03-06-review.mdx', 'actions.0.due', 10, 'expected a real date as YYYY-MM-DD, found "2026-02-30"'],
		['acme/meetings/2026-03-06-review.mdx', 'actions.0.colour', 11, 'expected a known field'],
		['acme/meetings/2026-03-06-review.mdx', 'slug', 12, 'is not allowed'],
	])('%s %s (line %i)', (file, field, line, message) => {
		const text = reported(file, field);
		expect(text.startsWith(`${FILE}/${file}:${line}  `)).toBe(true);
		expect(text).toContain(message);
	});

	it('accepts an owner off the team list when the side is given', () => {
		const kickoff = broken.problems.filter((problem) => problem.file.endsWith('2026-03-02-kickoff.mdx'));
		expect(kickoff.map((problem) => problem.field).sort()).toEqual(['actions.1.owner', 'actions.2.side', 'decisions.1']);
	});
});

describe('close-out summaries with mistakes', () => {
	it.each([
		['acme/closeout.mdx', 'date', 2, 'expected a date on or after the project start (2026-03-01), found 2026-02-01'],
		[
			'acme/closeout.mdx',
			'outcomes.1.objective',
			7,
			'expected one of the objectives in client.yaml ("Launch on time", "Double online enquiries"), found "Win an award"',
		],
		[
			'acme/closeout.mdx',
			'support.contacts.1',
			11,
			'expected a team member from client.yaml (Pat Vendor, Jo Client), found "Ghost Person"',
		],
		['gamma/closeout.mdx', 'outcomes', 3, 'expected at least one outcome, found a list of 0'],
		['gamma/closeout.mdx', 'openItems.0.owner', 6, 'expected text, found nothing'],
		['gamma/closeout.mdx', 'support.contacts', 8, 'expected at least one support contact, found a list of 0'],
		['gamma/closeout.mdx', 'support.until', 9, 'expected a real date as YYYY-MM-DD, found "2026-09-31"'],
	])('%s %s (line %i)', (file, field, line, message) => {
		const text = reported(file, field);
		expect(text.startsWith(`${FILE}/${file}:${line}  `)).toBe(true);
		expect(text).toContain(message);
	});

	it('refuses a second close-out file next to the first', () => {
		expect(reported('acme/closeout.md', '')).toContain(
			'expected one close-out summary, found closeout.md next to closeout.mdx (it is ignored)',
		);
	});

	it('warns, without failing, about an objective the close-out does not report on', () => {
		expect(reported('acme/closeout.mdx', 'outcomes', 'warning')).toContain(
			'expected an outcome for the objective "Double online enquiries"',
		);
	});

	it('warns, without failing, about a closed project without a close-out', () => {
		expect(reported('beta/client.yaml', 'status', 'warning')).toContain(
			'expected a close-out summary (tests/fixtures/broken-meetings/content/beta/closeout.mdx) for a closed project, found none',
		);
	});
});

describe('the meetings fixture used by the build and browser tests', () => {
	it('has no errors, and no cadence warning for its closed client, which publishes no more updates', async () => {
		const result = await checkContent(GOOD, { today: '2026-11-22', displayRoot: ROOT });
		expect(result.errors.map(formatProblem)).toEqual([]);
		expect(result.warnings.map((problem) => problem.file)).toEqual(['tests/fixtures/meetings/content/harbour/client.yaml']);
	});
});
