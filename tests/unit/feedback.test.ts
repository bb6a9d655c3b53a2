import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { FeedbackSchema, type Feedback, type FeedbackInput } from '@/kinds/feedback/schema';
import { compareFeedback } from '@/kinds/feedback/compare-feedback';
import { daysTo, median, medianResponseDays, missedTarget } from '@/kinds/feedback/response-times';
import { ClientSchema } from '@/kinds/client/schema';
import { workingDaysBetween } from '@/lib/calendar';
import { copyContent, DEMO_CONTENT } from '../support/temp-content';

const base: FeedbackInput = {
	number: 1,
	receivedOn: '2026-11-10',
	from: 'Ravi Menon',
	channel: 'call',
	kind: 'concern',
	summary: 'Pallet scans do not show.',
	status: 'received',
};
const parse = (overrides: Partial<FeedbackInput>) => FeedbackSchema.safeParse({ ...base, ...overrides });
const messages = (overrides: Partial<FeedbackInput>) => {
	const result = parse(overrides);
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const item = (overrides: Partial<FeedbackInput>): Feedback => FeedbackSchema.parse({ ...base, ...overrides });

describe('the feedback schema', () => {
	it('accepts each status with the dates it requires', () => {
		expect(messages({})).toEqual([]);
		expect(messages({ status: 'in-progress', acknowledgedOn: '2026-11-11' })).toEqual([]);
		expect(messages({ status: 'answered', acknowledgedOn: '2026-11-11', answeredOn: '2026-11-13' })).toEqual([]);
		expect(messages({ status: 'declined', acknowledgedOn: '2026-11-10', answeredOn: '2026-11-10', reason: 'Out of scope.' })).toEqual([]);
	});

	it('refuses impossible dates, naming the field and what was expected', () => {
		expect(messages({ status: 'answered', acknowledgedOn: '2026-11-09', answeredOn: '2026-11-08' })).toEqual([
			'acknowledgedOn: expected a date on or after receivedOn (2026-11-10), found 2026-11-09',
			'answeredOn: expected a date on or after receivedOn (2026-11-10), found 2026-11-08',
			'acknowledgedOn: expected a date on or before answeredOn (2026-11-08), found 2026-11-09',
		]);
		expect(messages({ status: 'answered', acknowledgedOn: '2026-11-14', answeredOn: '2026-11-12' })).toEqual([
			'acknowledgedOn: expected a date on or before answeredOn (2026-11-12), found 2026-11-14',
		]);
	});

	it('requires the dates and the reason from the status that needs them, and refuses them before', () => {
		expect(messages({ status: 'answered' })).toEqual([
			'acknowledgedOn: expected the day we acknowledged it (acknowledgedOn: YYYY-MM-DD) for feedback that is answered, found nothing',
			'answeredOn: expected the day we answered (answeredOn: YYYY-MM-DD) for feedback that is answered, found nothing',
		]);
		expect(messages({ status: 'declined', acknowledgedOn: '2026-11-10', answeredOn: '2026-11-11' })).toEqual([
			'reason: expected why it was declined (reason: …) for declined feedback, found nothing',
		]);
		expect(messages({ status: 'acknowledged', acknowledgedOn: '2026-11-10', answeredOn: '2026-11-11', reason: 'No.' })).toEqual([
			'answeredOn: expected no answeredOn while the feedback is acknowledged, found 2026-11-11 (set status: answered)',
			'reason: expected no reason unless the feedback is declined, found one while it is acknowledged',
		]);
		expect(messages({ channel: 'fax' as never })[0]).toMatch(/^channel: /);
	});
});

describe('response times', () => {
	it('counts working days, Monday to Friday, after the day received', () => {
		expect(workingDaysBetween('2026-11-10', '2026-11-10')).toBe(0);
		expect(workingDaysBetween('2026-11-13', '2026-11-16')).toBe(1); // Friday to Monday
		expect(workingDaysBetween('2026-11-14', '2026-11-15')).toBe(0); // Saturday to Sunday
		expect(workingDaysBetween('2026-11-10', '2026-12-02')).toBe(16);
		expect(workingDaysBetween('2026-11-10', '2026-11-01')).toBe(0);
	});

	it('takes the median, halfway between the middle two for an even count, none for no items', () => {
		expect(median([3, 1, 8])).toBe(3);
		expect(median([4, 1, 3, 8])).toBe(3.5);
		expect(median([])).toBeUndefined();
		const items = [
			item({ status: 'answered', acknowledgedOn: '2026-11-11', answeredOn: '2026-11-13' }),
			item({ status: 'acknowledged', acknowledgedOn: '2026-11-12' }),
			item({}),
		];
		expect(daysTo(items[0]!, 'answeredOn')).toBe(3);
		expect(medianResponseDays(items)).toEqual({ acknowledge: 1.5, answer: 3 });
	});

	it('flags open items past a target by today, the answer target first, and never answered ones', () => {
		const targets = { acknowledgeWithin: 2, answerWithin: 8 };
		expect(missedTarget(item({}), targets, '2026-11-12')).toBeUndefined();
		expect(missedTarget(item({}), targets, '2026-11-13')).toBe('acknowledge');
		expect(missedTarget(item({ status: 'acknowledged', acknowledgedOn: '2026-11-11' }), targets, '2026-11-13')).toBeUndefined();
		expect(missedTarget(item({ status: 'in-progress', acknowledgedOn: '2026-11-11' }), targets, '2026-11-23')).toBe('answer');
		expect(
			missedTarget(item({ status: 'answered', acknowledgedOn: '2026-11-11', answeredOn: '2026-11-30' }), targets, '2026-12-30'),
		).toBeUndefined();
	});

	it('lists open items first, longest waiting first, then the most recently answered', () => {
		const items = [
			item({ number: 1, status: 'closed', acknowledgedOn: '2026-11-10', answeredOn: '2026-11-11' }),
			item({ number: 2, receivedOn: '2026-11-12' }),
			item({ number: 3, status: 'answered', acknowledgedOn: '2026-11-10', answeredOn: '2026-11-20' }),
			item({ number: 4, receivedOn: '2026-11-05' }),
		];
		expect(items.sort(compareFeedback).map((feedback) => feedback.number)).toEqual([4, 2, 3, 1]);
	});

	it('defaults the targets of client.yaml, and refuses an answer target shorter than the acknowledgement one', () => {
		const client = { name: 'A', project: { name: 'P', summary: 'S' }, start: '2026-01-01', plannedEnd: '2026-02-01', public: true };
		const team = [{ name: 'Pat', role: 'PM', side: 'vendor', email: 'pat@example.com' }];
		expect(ClientSchema.parse({ ...client, team }).feedbackTargets).toEqual({ acknowledgeWithin: 2, answerWithin: 10 });
		const refused = ClientSchema.safeParse({ ...client, team, feedbackTargets: { acknowledgeWithin: 5, answerWithin: 3 } });
		expect(refused.success ? [] : refused.error.issues.map((issue) => issue.message)).toEqual([
			'expected at least acknowledgeWithin (5 working days), found 3',
		]);
	});
});

describe('check on the feedback log', () => {
	let content = '';
	let result: CheckResult;
	const FOLDER = 'tidewater-logistics/feedback';
	const write = (name: string, front: string, body = '') =>
		writeFileSync(path.join(content, FOLDER, name), `---\n${front.trim()}\n---\n\n${body}\n`);
	beforeAll(async () => {
		content = copyContent(DEMO_CONTENT);
		write(
			'0007-unanswered.md',
			`number: 7
receivedOn: 2026-11-20
from: Someone Else
channel: email
kind: question
summary: What happens to old invoices?
status: answered
acknowledgedOn: 2026-11-20
answeredOn: 2026-11-23
decisions: [99]
changes: [42]
risks: [no-such-risk]
meetings: [2026-11-04]`,
			'<!-- to do -->',
		);
		write(
			'0008-waiting.md',
			`number: 8
receivedOn: 2026-11-25
from: Hannah Okafor
channel: call
kind: request
summary: Please add a print button.
status: received`,
		);
		write(
			'0009-backwards.md',
			`number: 9
receivedOn: 2026-11-20
from: Aoife Brennan
channel: site
kind: praise
summary: Lovely.
status: closed
acknowledgedOn: 2026-11-24
answeredOn: 2026-11-23`,
			'Thank you.',
		);
		result = await checkContent(content, { today: '2026-12-02', displayRoot: path.dirname(content) });
	});
	afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));
	const reported = (file: string) =>
		result.problems
			.filter((problem) => problem.file.endsWith(`${FOLDER}/${file}`))
			.map((problem) => formatProblem(problem).replace(/^\S+:(\d+)/, 'line $1'));

	it('reports a missing response, an unknown person and links to nothing, each on its line', () => {
		expect(reported('0007-unanswered.md')).toEqual([
			'line 4  from: expected a client-side team member of client.yaml (Aoife Brennan, Declan Murphy, Niamh Walsh, Ravi Menon), or "outsider: <who they are>" for someone else, found "Someone Else"',
			'line 8  status: expected our response below the front matter for feedback that is answered, found none (the body is empty or only comments); write the answer, or set status: in-progress',
			'line 11  decisions.0: expected a decision number of tidewater-logistics (1, 2, 3, 4, 5, 6, 7), found 99',
			'line 12  changes.0: expected a change request number of tidewater-logistics (1, 2, 3, 4, 5), found 42',
			'line 13  risks.0: expected the id of a risk in content/tidewater-logistics/risks (azure-security-review, carrier-api-performance, carrier-api-test-access, content-migration-pace, groupage-scan-events, search-ranking-dip, tracking-testing-squeeze, vendor-early-test-build), found "no-such-risk"',
			'line 14  meetings.0: expected the date of a meeting in content/tidewater-logistics/meetings (2026-08-04, 2026-10-08, 2026-11-03, 2026-11-18, 2026-11-19), found 2026-11-04',
		]);
	});

	it('refuses feedback from the vendor side, and warns about an item past its target', () => {
		expect(reported('0008-waiting.md')).toEqual([
			'line 4  from: expected someone on the client side, found "Hannah Okafor" (on the vendor side in client.yaml)',
			'line 8  warning status: expected feedback received 2026-11-25 to be acknowledged within 2 working days (feedbackTargets.acknowledgeWithin in client.yaml), found it received after 5 working days; acknowledge it and set acknowledgedOn and status: acknowledged',
		]);
	});

	it('errors on an acknowledgement after the answer', () => {
		expect(reported('0009-backwards.md')).toEqual([
			'line 9  acknowledgedOn: expected a date on or before answeredOn (2026-11-23), found 2026-11-24',
		]);
		expect(result.errors.some((problem) => problem.file.includes('/feedback/0') && !/000[789]/.test(problem.file))).toBe(false);
	});
});
