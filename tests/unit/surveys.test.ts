import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent, type CheckResult } from '@/check/check-content';
import { ROOT } from '../support/build-site';
import { onlyProblem } from '../support/only-problem';
import { cli, copyContent, readContentFile } from '../support/temp-content';
import { SurveySchema, type SurveyInput } from '@/kinds/survey/schema';
import { BLOCK_BEGIN, BLOCK_END, composeReplyBlock, readReplyBlocks, type SurveyReply } from '@/kinds/survey/reply-block';
import { planReplies } from '@/kinds/survey/plan-replies';
import { summariseScores } from '@/kinds/survey/survey-results';
import { surveySegments } from '@/kinds/survey/survey-paths';
import { surveyState } from '@/kinds/survey/survey-state';
import { trendSvg } from '@/kinds/survey/survey-trend';
import { appendResponses } from '@/scaffold/append-responses';
import type { Contact } from '@/kinds/client/schema';

const base: SurveyInput = { title: 'After discovery', phase: 'Discovery', opens: '2026-09-07', closes: '2026-09-18' };
const messages = (overrides: Partial<SurveyInput>) => {
	const result = SurveySchema.safeParse({ ...base, ...overrides });
	return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};
const answer = (respondent: string, scores: Record<string, number> = { overall: 4 }, extra: object = {}) => ({
	respondent,
	date: '2026-09-08',
	scores,
	...extra,
});

describe('the survey schema', () => {
	it('accepts the default questions with scores in range and comments on open questions', () => {
		expect(
			messages({ responses: [answer('Aoife Brennan', { overall: 5, recommend: 0 }, { comments: { 'went-well': 'The workshops.' } })] }),
		).toEqual([]);
	});

	it('refuses scores out of range, half points, unknown question ids and answers in the wrong place', () => {
		expect(
			messages({
				responses: [
					answer('A', { overall: 6, quality: 3.5, recommend: 11, speed: 3, improve: 2 }, { comments: { overall: 'Fine', mood: 'Good' } }),
				],
			}),
		).toEqual([
			'responses.0.scores.overall: expected a whole number from 1 to 5 for "overall", found 6',
			'responses.0.scores.quality: expected a whole number from 1 to 5 for "quality", found 3.5',
			'responses.0.scores.recommend: expected a whole number from 0 to 10 for "recommend", found 11',
			'responses.0.scores.speed: expected the id of a scored question (overall, communication, quality, recommend), found "speed"',
			'responses.0.scores.improve: expected a score only for a scored question, found one for "improve" (an open question: put its answer under comments)',
			'responses.0.comments.overall: expected words only for an open question, found some for "overall" (scored 1-5: put a number under scores)',
			'responses.0.comments.mood: expected the id of an open question (went-well, improve), found "mood"',
		]);
	});

	it('refuses a second response from one person, whatever the case and spacing of the name', () => {
		expect(messages({ responses: [answer('Aoife Brennan'), answer(' aoife  brennan')] })).toEqual([
			'responses.1.respondent: expected one response per person, found a second one from aoife  brennan (the first is response 1); keep one',
		]);
	});

	it('checks dates against the survey days and what the survey follows', () => {
		expect(messages({ closes: '2026-09-01', responses: [answer('A', { overall: 3 }, { date: '2026-09-20' })] })).toEqual([
			'closes: expected a date on or after opens (2026-09-07), found 2026-09-01',
			'responses.0.date: expected a date on or before closes (2026-09-01), found 2026-09-20; extend closes to take a late answer',
		]);
		expect(messages({ responses: [answer('A', { overall: 3 }, { date: '2026-09-01' })] })).toEqual([
			'responses.0.date: expected a date on or after opens (2026-09-07), found 2026-09-01',
		]);
		expect(messages({ milestone: 'launch' })).toEqual([
			'phase: expected exactly one of milestone, phase or closeout, found milestone and phase; keep the one the survey follows',
		]);
		expect(messages({ phase: undefined })).toEqual([
			': expected what the survey follows: "milestone: <id>", "phase: <name>" or "closeout: true", found none of them',
		]);
	});

	it('checks its own questions: unique ids, scores against their scale', () => {
		const questions = [
			{ id: 'handover', text: 'Ready to run it?', scale: '1-5' as const },
			{ id: 'handover', text: 'Again?' },
		];
		expect(messages({ questions, responses: [answer('A', { handover: 4, overall: 4 })] })).toEqual([
			'questions.1.id: expected an id not used by another question, found "handover" twice',
			'responses.0.scores.overall: expected the id of a scored question (handover), found "overall"',
		]);
		expect(messages({ responses: [{ respondent: 'A', date: '2026-09-08' }] })).toEqual([
			'responses.0: expected at least one score or comment, found an empty response',
		]);
	});
});

describe('survey results', () => {
	it('averages each question to one decimal, counts each score and gives the net promoter score of a 0–10 question', () => {
		const responses: Array<{ scores: Record<string, number> }> = [
			{ scores: { overall: 4, recommend: 10 } },
			{ scores: { overall: 5, recommend: 9 } },
			{ scores: { overall: 4, recommend: 3 } },
			{ scores: {} },
		];
		const overall = summariseScores(responses, 'overall', '1-5');
		expect(overall.average).toBe(4.3);
		expect(overall.count).toBe(3);
		expect(overall.distribution).toEqual([
			{ score: 1, count: 0 },
			{ score: 2, count: 0 },
			{ score: 3, count: 0 },
			{ score: 4, count: 2 },
			{ score: 5, count: 1 },
		]);
		expect(overall.netPromoter).toBeUndefined();
		const recommend = summariseScores(responses, 'recommend', '0-10');
		expect(recommend.distribution).toHaveLength(11);
		expect(recommend.netPromoter).toBe(33);
		expect(summariseScores([], 'overall', '1-5').average).toBeUndefined();
	});

	it('states, addresses and the trend chart', () => {
		expect(['2026-09-06', '2026-09-07', '2026-09-18', '2026-09-19'].map((day) => surveyState(base as never, day))).toEqual([
			'upcoming',
			'open',
			'open',
			'closed',
		]);
		// Newest first; the oldest of one day keeps the plain date; never the file name's words.
		expect(surveySegments([{ opens: '2026-10-05' }, { opens: '2026-09-07' }, { opens: '2026-09-07' }])).toEqual([
			'2026-10-05',
			'2026-09-07-2',
			'2026-09-07',
		]);
		const svg = trendSvg(
			['7 Sep', '5 Oct'],
			[
				{ label: 'Overall', values: [3.8, 4.3] },
				{ label: 'Quality', values: [undefined, 4.5] },
			],
			'Line "chart"',
		);
		expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Line &quot;chart&quot;"/);
		// Only currentColor: the chart follows the text colour in dark mode and forced colours.
		expect(svg.match(/(?:stroke|fill)="[^"]+"/g)!.every((paint) => /"(currentColor|none)"/.test(paint))).toBe(true);
		expect(svg).toContain('stroke-dasharray="7 4"');
		expect(svg).toContain('>7 Sep</text>');
	});
});

const reply: SurveyReply = {
	client: 'tidewater-logistics',
	survey: '2026-11-16-tracking-portal',
	respondent: 'Declan Murphy',
	date: '2026-11-26',
	scores: { overall: 4, recommend: 8 },
	comments: { improve: 'Tell us "early",\nnot at the steering meeting.' },
};

describe('the reply block', () => {
	it('reads back what the form composed, from several emails, quoted and wrapped by mail clients', () => {
		const block = composeReplyBlock(reply);
		const quoted = block
			.split('\n')
			// A mail client wraps a long line at a space, which it drops.
			.flatMap((line) =>
				line.startsWith('comment.') ? [line.slice(0, line.lastIndexOf(' ', 30)), line.slice(line.lastIndexOf(' ', 30) + 1)] : [line],
			)
			.map((line) => `> ${line}`)
			.join('\r\n');
		const chinese = composeReplyBlock({
			...reply,
			respondent: '沈国华',
			comments: { improve: '主数据清洗进度落后，希望每周单独通报一次。' },
		}).replace('进度落后', '进度\n落后');
		const { replies, problems } = readReplyBlocks(`Hello,\n\n${quoted}\n\nThanks\n\n${chinese}`);
		expect(problems).toEqual([]);
		expect(replies.map((read) => read.reply)).toEqual([
			reply,
			{ ...reply, respondent: '沈国华', comments: { improve: '主数据清洗进度落后，希望每周单独通报一次。' } },
		]);
		expect(replies[0]!.line).toBe(3);
	});

	it('says where a block is broken', () => {
		const text = [
			BLOCK_BEGIN,
			'client: "acme"',
			'survey: 2026',
			'score.overall: four',
			'colour: "blue"',
			BLOCK_END,
			'',
			BLOCK_BEGIN,
			'client: "acme"',
		].join('\n');
		const { replies, problems } = readReplyBlocks(text);
		expect(replies).toEqual([]);
		expect(problems).toEqual([
			{ line: 3, message: 'expected a quoted text for survey, found "2026"' },
			{ line: 4, message: 'expected a number for score.overall, found "four"' },
			{ line: 5, message: 'expected client, survey, respondent, outsider, date, score.<id> or comment.<id>, found "colour"' },
			{ line: 1, message: 'expected "survey: …" in the block, found none' },
			{ line: 1, message: 'expected "respondent: …" in the block, found none' },
			{ line: 1, message: 'expected "date: …" in the block, found none' },
			{ line: 8, message: `expected the block to end with "${BLOCK_END}", found no end (was the email cut short?)` },
		]);
	});
});

describe('planning replies into survey files', () => {
	const team = [
		{ name: 'Declan Murphy', side: 'client' },
		{ name: 'Aoife Brennan', side: 'client' },
		{ name: 'Hannah Okafor', side: 'vendor' },
	] as Contact[];
	const survey = SurveySchema.parse({
		...base,
		opens: '2026-11-23',
		closes: '2027-01-29',
		responses: [{ ...answer('Aoife Brennan'), date: '2026-11-24' }],
	});
	const files = [{ stem: '2026-11-16-tracking-portal', survey }];
	const plan = (replies: SurveyReply[]) =>
		planReplies(
			replies.map((item, index) => ({ line: index * 10 + 1, reply: item })),
			files,
			'tidewater-logistics',
			team,
		);

	it('records one response per person and refuses duplicates, bad scores, strangers and other clients', () => {
		const { additions, refused } = plan([
			reply,
			{ ...reply, scores: { overall: 5 } },
			{ ...reply, respondent: 'Aoife Brennan' },
			{ ...reply, respondent: 'Niamh Walsh', scores: { overall: 0 }, comments: {} },
			{ ...reply, respondent: 'Hannah Okafor' },
			{ ...reply, respondent: 'Fiona Gallagher', outsider: 'Chair of the customer panel', date: '2027-02-01' },
			{ ...reply, client: 'harbour-museum' },
			{ ...reply, survey: '2026-01-01-nothing' },
		]);
		expect(additions.get('2026-11-16-tracking-portal')).toEqual([
			{ respondent: 'Declan Murphy', date: '2026-11-26', scores: { overall: 4, recommend: 8 }, comments: reply.comments },
		]);
		expect(refused.map((item) => `${item.line} ${item.message}`)).toEqual([
			'11 expected one response per person, found a second reply from Declan Murphy in the pasted text; keep one',
			'21 expected one response per person, found Aoife Brennan already answered on 2026-11-24; edit the survey file to change an answer',
			'31 expected a client-side team member of client.yaml (Declan Murphy, Aoife Brennan), or "outsider: <who they are>" for someone else, found "Niamh Walsh"; expected a whole number from 1 to 5 for "overall", found 0',
			'41 expected someone on the client side, found "Hannah Okafor" (on the vendor side in client.yaml)',
			"51 expected a date from 2026-11-23 to 2027-01-29 (the survey's days), found 2027-02-01; extend closes in the survey file to take a late answer",
			'61 expected a reply to a survey of tidewater-logistics, found one for "harbour-museum"; record it with glasshouse record survey harbour-museum',
			'71 expected one of tidewater-logistics\'s surveys (2026-11-16-tracking-portal), found "2026-01-01-nothing"',
		]);
	});

	it('keeps an outsider named with their role', () => {
		const { additions, refused } = plan([{ ...reply, respondent: 'Fiona Gallagher', outsider: 'Chair of the customer panel' }]);
		expect(refused).toEqual([]);
		expect(additions.get('2026-11-16-tracking-portal')![0]).toMatchObject({
			respondent: 'Fiona Gallagher',
			outsider: 'Chair of the customer panel',
		});
	});

	it('appends to the file keeping its comments and formatting', () => {
		const text =
			'# Why we ask\ntitle: X  # shown\nresponses:\n  - respondent: A   # first\n    date: 2026-11-24\n    scores: { overall: 3 }\n\n# what we changed\nchanged: []\n';
		const changed = appendResponses(text, [{ respondent: 'B', date: '2026-11-25', scores: { overall: 4 } }]);
		expect(changed).toBe(
			'# Why we ask\ntitle: X  # shown\nresponses:\n  - respondent: A   # first\n    date: 2026-11-24\n    scores: { overall: 3 }\n  - respondent: B\n    date: 2026-11-25\n    scores:\n      overall: 4\n\n# what we changed\nchanged: []\n',
		);
		expect(appendResponses('title: X\nresponses: []\n', [{ respondent: 'B' }])).toBe('title: X\nresponses:\n  - respondent: B\n');
		expect(appendResponses('title: X\n', [{ respondent: 'B' }])).toBe('title: X\nresponses:\n  - respondent: B\n');
	});
});

describe('glasshouse record survey and new survey', () => {
	let content = '';
	beforeAll(() => {
		content = copyContent();
	});
	afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));
	const file = () => path.join(content, 'tidewater-logistics/surveys/2026-11-16-tracking-portal.yaml');

	it('records pasted replies, refuses what it cannot take, and writes nothing on a dry run', async () => {
		const replies = path.join(path.dirname(content), 'replies.txt');
		writeFileSync(
			replies,
			`Hi Hannah,\n\n${composeReplyBlock(reply)}\n\n> ${composeReplyBlock({ ...reply, respondent: 'Aoife Brennan' }).replace(/\n/g, '\n> ')}\n`,
		);
		const before = readFileSync(file(), 'utf8');
		const dry = await cli(content, ['record', 'survey', 'tidewater-logistics', replies, '--dry-run']);
		expect(dry.code).toBe(1);
		expect(dry.text).toContain('· Would record 1 response(s) in ');
		expect(dry.text).toContain('Aoife Brennan: expected one response per person, found Aoife Brennan already answered on 2026-11-17');
		expect(readFileSync(file(), 'utf8')).toBe(before);

		const run = await cli(content, ['record', 'survey', 'tidewater-logistics', replies]);
		expect(run.text).toContain('✓ Recorded 1 response(s) in ');
		const after = readFileSync(file(), 'utf8');
		expect(after.startsWith(before.trimEnd())).toBe(true);
		const responses = readContentFile(file()).data.responses as Array<Record<string, unknown>>;
		expect(responses.at(-1)).toEqual({
			respondent: 'Declan Murphy',
			date: '2026-11-26',
			scores: { overall: 4, recommend: 8 },
			comments: reply.comments,
		});

		const again = await cli(content, ['record', 'survey', 'tidewater-logistics', replies]);
		expect(again.code).toBe(1);
		expect(again.text).toContain('Declan Murphy: expected one response per person, found Declan Murphy already answered on 2026-11-26');
		expect(readFileSync(file(), 'utf8')).toBe(after);

		const nothing = await cli(content, ['record', 'survey', 'tidewater-logistics', path.join(content, 'site.yaml')]);
		expect(nothing.code).toBe(1);
		expect(nothing.text).toContain(`Found no survey answers in`);
	});

	it('invites to the surveys open the day the digest is written, with the form address', async () => {
		vi.stubEnv('GLASSHOUSE_TODAY', '2026-12-02');
		try {
			const open = await cli(content, ['digest', 'tidewater-logistics', '--format', 'text', '--site', 'https://status.example.com']);
			expect(open.text).toContain(
				'Tell us how we are doing:\n- After the tracking portal integration (open until Jan 29, 2027, https://status.example.com/tidewater-logistics/surveys/2026-11-16/answer/)',
			);
			vi.stubEnv('GLASSHOUSE_TODAY', '2027-02-01');
			expect((await cli(content, ['digest', 'tidewater-logistics', '--format', 'text'])).text).not.toContain('Tell us how we are doing');
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it("scaffolds a survey that passes the check, in the client's language", async () => {
		const run = await cli(content, ['new', 'survey', 'jinghong-precision', '--closeout', '--opens', '2026-12-01']);
		expect(run.code, run.text).toBe(0);
		const written = readContentFile(path.join(content, 'jinghong-precision/surveys/2026-12-01-close-out.yaml'));
		expect(written.data).toEqual({
			title: '项目收尾',
			closeout: true,
			opens: '2026-12-01',
			closes: '2026-12-15',
			responses: [],
			changed: [],
		});
		expect(written.text).toContain('#   recommend (0-10): 您向同事推荐我们的可能性有多大？');
		const clash = await cli(content, ['new', 'survey', 'jinghong-precision', '--closeout', '--phase', '蓝图设计']);
		expect(clash.code).toBe(1);
		expect(clash.text).toContain('Give one of --milestone, --phase or --closeout, not --phase and --closeout.');
	});
});

describe('glasshouse check on surveys with mistakes', () => {
	let content = '';
	let checked: CheckResult;
	const FILE = 'content/tidewater-logistics/surveys/2026-12-01-broken.yaml';
	beforeAll(async () => {
		content = copyContent();
		writeFileSync(
			path.join(content, 'tidewater-logistics/surveys/2026-12-01-broken.yaml'),
			[
				'title: Broken',
				'milestone: no-such-milestone',
				'opens: 2026-12-01',
				'closes: 2026-12-20',
				'responses:',
				'  - respondent: Someone Unknown',
				'    date: 2026-12-05',
				'    scores: { overall: 7, speed: 2 }',
				'  - respondent: Hannah Okafor',
				'    date: 2026-12-02',
				'    comments: { improve: More coffee. }',
				'  - respondent: hannah okafor',
				'    date: 2026-12-02',
				'    scores: { quality: 4 }',
				'changed:',
				'  - what: Faster answers.',
				'    feedback: [99]',
				'    decisions: [1, 42]',
				'',
			].join('\n'),
		);
		writeFileSync(
			path.join(content, 'tidewater-logistics/surveys/2026-12-02-typo.yaml'),
			'title: Typo\nphase: Nowhere\nopens: 2026-12-03\ncloses: 2026-12-20\n',
		);
		checked = await checkContent(content, { today: '2026-12-03', displayRoot: path.dirname(content) });
	});
	afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));

	it('reports each mistake with its file, line and field', () => {
		const at = (file: string, field: string, severity: 'error' | 'warning' = 'error') =>
			onlyProblem(checked.problems, file, field, severity);
		expect(at(FILE, 'responses.0.scores.overall')).toBe(
			`${FILE}:8  responses.0.scores.overall: expected a whole number from 1 to 5 for "overall", found 7`,
		);
		expect(at(FILE, 'responses.0.scores.speed')).toMatch(/:8 {2}responses\.0\.scores\.speed: expected the id of a scored question/);
		expect(at(FILE, 'responses.2.respondent')).toBe(
			`${FILE}:12  responses.2.respondent: expected one response per person, found a second one from hannah okafor (the first is response 2); keep one`,
		);
		const typo = 'content/tidewater-logistics/surveys/2026-12-02-typo.yaml';
		expect(at(typo, 'opens')).toBe(`${typo}:3  opens: expected the file name's date (2026-12-02), found 2026-12-03`);
	});

	it('checks what it follows, who answered and what we changed against the other files', async () => {
		// Fixed so that the schema's rules pass and the rules across files run.
		const fixed = path.join(content, 'tidewater-logistics/surveys/2026-12-01-broken.yaml');
		writeFileSync(
			fixed,
			readFileSync(fixed, 'utf8')
				.replace('overall: 7, speed: 2', 'overall: 4')
				.replace(/  - respondent: hannah okafor\n.*\n.*\n/, ''),
		);
		const again = await checkContent(content, { today: '2026-12-03', displayRoot: path.dirname(content) });
		const at = (field: string, severity: 'error' | 'warning' = 'error') => onlyProblem(again.problems, FILE, field, severity);
		expect(at('milestone')).toMatch(
			/:2 {2}milestone: expected the id of a milestone in content\/tidewater-logistics\/milestones \(.*design-system.*\), found "no-such-milestone"$/,
		);
		expect(at('responses.0.respondent')).toBe(
			`${FILE}:6  responses.0.respondent: expected a client-side team member of client.yaml (Aoife Brennan, Declan Murphy, Niamh Walsh, Ravi Menon), or "outsider: <who they are>" for someone else, found "Someone Unknown"`,
		);
		expect(at('responses.1.respondent')).toBe(
			`${FILE}:9  responses.1.respondent: expected someone on the client side, found "Hannah Okafor" (on the vendor side in client.yaml)`,
		);
		expect(at('responses.0.date', 'warning')).toBe(
			`${FILE}:7  warning responses.0.date: expected a date on or before today (2026-12-03), found 2026-12-05; correct the date`,
		);
		expect(at('changed.0.feedback.0')).toBe(
			`${FILE}:14  changed.0.feedback.0: expected a feedback number of tidewater-logistics (1, 2, 3, 4, 5, 6), found 99`,
		);
		expect(at('changed.0.decisions.1')).toMatch(
			/changed\.0\.decisions\.1: expected a decision number of tidewater-logistics \(.*\), found 42$/,
		);
		const typo = 'content/tidewater-logistics/surveys/2026-12-02-typo.yaml';
		expect(onlyProblem(again.problems, typo, 'phase')).toBe(
			`${typo}:2  phase: expected a phase named in the milestones ("Build", "Discovery", "Launch"), found "Nowhere"`,
		);
	});
});

// The demo's surveys, as the pages read them: the reference that content/ stays valid is `glasshouse check`.
it('every demo client has a survey with responses, and each closed project a close-out survey', async () => {
	const result = await checkContent(path.join(ROOT, 'content'), { today: '2026-12-02' });
	expect(result.errors).toEqual([]);
	for (const client of result.clients) {
		expect(
			client.surveys.some((survey) => survey.value.responses.length > 0),
			client.slug,
		).toBe(true);
		if (client.client?.value.status === 'closed')
			expect(
				client.surveys.some((survey) => survey.value.closeout),
				client.slug,
			).toBe(true);
	}
});
