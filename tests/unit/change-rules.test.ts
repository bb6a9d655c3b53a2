import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { ChangeSchema, type ChangeInput } from '@/kinds/change/schema';
import { ROOT } from '../support/build-site';
import { onlyProblem } from '../support/only-problem';

const BROKEN = path.join(ROOT, 'tests/fixtures/broken-changes/content');
const FILE = 'tests/fixtures/broken-changes/content/acme/changes';

let broken: CheckResult;
beforeAll(async () => {
	broken = await checkContent(BROKEN, { today: '2026-03-20', displayRoot: ROOT });
});

/** The one problem reported for `file` and `field`, as printed. */
const reported = (file: string, field: string) => onlyProblem(broken.problems, `${FILE}/${file}`, field);

describe('change request rules in the checker', () => {
	it.each([
		[
			'0001-duplicate.mdx',
			'number',
			2,
			'expected a number not used by another change request, found 1 (also in tests/fixtures/broken-changes/content/acme/changes/0001-add-the-app.mdx)',
		],
		['first-without-number.mdx', '', 2, 'expected a file name like 0003-short-title.mdx, found "first-without-number.mdx"'],
		['0012-wrong-prefix.mdx', 'number', 2, 'expected 12 to match the file name, found 13'],
		['0004-empty-body.mdx', '', 2, 'expected a description of the change below the frontmatter, found an empty body'],
		['0005-unknown-references.mdx', 'decision', 7, 'expected a decision number of acme (1), found 9'],
		['0005-unknown-references.mdx', 'milestones.1', 8, 'expected a milestone id of acme (launch), found "ghost"'],
		[
			'0006-removes-unknown.mdx',
			'impact.scope.removes.1',
			9,
			'expected an item in scope when this change was approved ("Website", "App"), found "Chatbot"',
		],
		['0007-adds-twice.mdx', 'impact.scope.adds.0', 9, 'expected an item not yet in scope, found "Website"'],
		[
			'0008-approved-without-approval.mdx',
			'approval',
			2,
			'expected who answered and when (approval: { by, on }) for a change that is approved, found nothing',
		],
		['0009-approval-too-early.mdx', 'approval', 9, 'expected no approval while the change is awaiting-client, found one'],
		[
			'0010-estimated-without-impact.mdx',
			'impact',
			2,
			'expected the estimated impact (scheduleDays, cost, scope) of a change that is estimated, found nothing',
		],
		['0011-approved-before-requested.mdx', 'approval.on', 11, 'expected a date on or after requestedOn (2026-03-01), found 2026-02-27'],
	])('%s %s (line %i)', (file, field, line, message) => {
		const text = reported(file, field);
		expect(text.startsWith(`${FILE}/${file}:${line}  `)).toBe(true);
		expect(text).toContain(message);
	});

	it('accepts what a replay in approval order allows: a removed item added back, an out-of-scope item brought in', () => {
		const files = (prefix: string) => broken.problems.filter((problem) => problem.file.startsWith(`${FILE}/${prefix}`)).map(formatProblem);
		// 0007 adds Search back after 0006 removed it, and only "Website" (index 0) is refused.
		expect(files('0007')).toHaveLength(1);
		expect(files('0001-add-the-app')).toEqual([]);
		// Search leaves the scope without complaint; only the chatbot (index 1) is refused.
		expect(files('0006')).toHaveLength(1);
	});

	it('reports every broken file and nothing else', () => {
		expect(broken.errors).toHaveLength(12);
		expect(broken.warnings).toEqual([]);
	});
});

describe('ChangeSchema', () => {
	const base: ChangeInput = { number: 1, title: 'Dark mode', requestedBy: 'Greta', requestedOn: '2026-02-01', status: 'requested' };
	const messages = (input: ChangeInput) => {
		const result = ChangeSchema.safeParse(input);
		return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
	};
	const approval = { by: 'Greta', on: '2026-02-03' };
	const impact = { scheduleDays: 2, cost: 100 };

	it('accepts a new request without impact or approval, and fills impact defaults', () => {
		expect(messages(base)).toEqual([]);
		const parsed = ChangeSchema.parse({ ...base, status: 'estimated', impact: {} });
		expect(parsed.impact).toEqual({ scheduleDays: 0, cost: 0, scope: { adds: [], removes: [] } });
		expect(parsed.milestones).toEqual([]);
	});

	it.each(['approved', 'rejected', 'implemented'] as const)('requires the approval record once %s', (status) => {
		expect(messages({ ...base, status, impact })).toEqual([expect.stringMatching(/^approval: expected who answered and when/)]);
		expect(messages({ ...base, status, impact, approval })).toEqual([]);
	});

	it.each(['requested', 'estimated', 'awaiting-client'] as const)('refuses an approval record while %s', (status) => {
		expect(messages({ ...base, status, impact, approval })).toEqual([
			expect.stringMatching(/^approval: expected no approval while the change is/),
		]);
	});

	it.each(['estimated', 'awaiting-client', 'approved'] as const)('requires the impact once %s', (status) => {
		const answer = status === 'approved' ? { approval } : {};
		expect(messages({ ...base, status, ...answer })).toEqual([expect.stringMatching(/^impact: expected the estimated impact/)]);
	});

	it('refuses an approval dated before the request, and accepts one on the same day', () => {
		expect(messages({ ...base, status: 'approved', impact, approval: { by: 'Greta', on: '2026-01-31' } })).toEqual([
			'approval.on: expected a date on or after requestedOn (2026-02-01), found 2026-01-31',
		]);
		expect(messages({ ...base, status: 'approved', impact, approval: { by: 'Greta', on: '2026-02-01' } })).toEqual([]);
	});

	it('refuses unknown fields, fractional days and an unknown status', () => {
		expect(messages({ ...base, status: 'estimated', impact: { scheduleDays: 1.5 } })).toEqual([
			expect.stringMatching(/^impact.scheduleDays:/),
		]);
		expect(messages({ ...base, colour: 'red' } as ChangeInput)).toEqual([expect.stringMatching(/colour/)]);
		expect(messages({ ...base, status: 'pending' } as unknown as ChangeInput)).toEqual([expect.stringMatching(/^status:/)]);
	});
});
