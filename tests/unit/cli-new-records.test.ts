import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/check/check-content';
import { loadContent } from '@/loader/load-content';
import { openActions } from '@/kinds/meeting/action-items';
import {
	checkErrors,
	cli,
	copyContent,
	freshCopyEachTest,
	MINIMAL_CONTENT,
	readContentFile,
	RECORDS_CONTENT,
} from '../support/temp-content';

// The records fixture: harbour (English) and lanting (zh-CN), last update 13 March 2026.
const TODAY = '2026-03-16';
let content: string;
freshCopyEachTest(RECORDS_CONTENT, TODAY, (copy) => (content = copy));

const files = (...parts: string[]) => readdirSync(path.join(content, ...parts)).sort();
const noErrors = async (folder = content) => expect(await checkErrors(folder, TODAY)).toEqual([]);
/** Files the check warns about for TODO placeholders, relative to the client folder. */
async function placeholderWarnings(folder = content): Promise<string[]> {
	const result = await checkContent(folder, { today: TODAY, displayRoot: folder });
	return result.warnings.filter((problem) => problem.message.includes('TODO placeholder')).map((problem) => problem.file);
}

describe('glasshouse new risk', () => {
	it('writes an open risk raised today, id from the title, owned by the primary vendor contact', async () => {
		const run = await cli(content, [
			'new',
			'risk',
			'harbour',
			'Printer misses the catalogue deadline',
			'--likelihood',
			'high',
			'--impact',
			'low',
		]);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('severity medium (likelihood high × impact low), owner Pat Vendor');
		const { data, text } = readContentFile(path.join(content, 'harbour', 'risks', 'printer-misses-the-catalogue-deadline.yaml'));
		expect(data).toEqual({
			id: 'printer-misses-the-catalogue-deadline',
			title: 'Printer misses the catalogue deadline',
			likelihood: 'high',
			impact: 'low',
			owner: 'Pat Vendor',
			status: 'open',
			mitigation: 'TODO: what is being done to make it less likely or less harmful',
			raised: TODAY,
			tags: [],
		});
		expect(text).toContain('# One entry of the risk register. Severity is derived, never written');
		expect(text).toMatch(/^# reviewed: YYYY-MM-DD .*30 days/m);
		expect(data).not.toHaveProperty('severity');
		await noErrors();
		expect(await placeholderWarnings()).toEqual(['harbour/risks/printer-misses-the-catalogue-deadline.yaml']);
	});

	it('takes --owner, --id and --date; defaults likelihood and impact to medium', async () => {
		const run = await cli(content, [
			'new',
			'risk',
			'harbour',
			'Key developer leaves',
			'--owner',
			'Dana Sponsor',
			'--id',
			'staff',
			'--date',
			'2026-03-10',
		]);
		expect(run.code, run.text).toBe(0);
		expect(readContentFile(path.join(content, 'harbour', 'risks', 'staff.yaml')).data).toMatchObject({
			id: 'staff',
			owner: 'Dana Sponsor',
			raised: '2026-03-10',
			likelihood: 'medium',
			impact: 'medium',
		});
		await noErrors();
	});

	it('names a risk with a Chinese title risk-N and writes its placeholder in Chinese', async () => {
		for (const title of ['会员系统延迟', '设计稿返工']) expect((await cli(content, ['new', 'risk', 'lanting', title])).code).toBe(0);
		expect(files('lanting', 'risks')).toEqual(['risk-1.yaml', 'risk-2.yaml']);
		expect(readContentFile(path.join(content, 'lanting', 'risks', 'risk-2.yaml')).data).toMatchObject({
			id: 'risk-2',
			title: '设计稿返工',
			owner: '王小明',
			mitigation: expect.stringMatching(/^TODO：/),
		});
		await noErrors();
	});

	it('refuses an id the register already has, even in a file with errors, and writes nothing', async () => {
		writeFileSync(path.join(content, 'harbour', 'risks', 'printer-strike.yaml'), 'id: printer-strike\n');
		for (const title of ['Catalogue late', 'Printer strike']) {
			const before = files('harbour', 'risks');
			const run = await cli(content, ['new', 'risk', 'harbour', title]);
			expect(run.code).toBe(1);
			expect(run.text).toMatch(
				/^✗ harbour already has a risk "(catalogue-late|printer-strike)" \(.+\); edit it, or choose another id with --id\. Nothing was written\.$/,
			);
			expect(files('harbour', 'risks')).toEqual(before);
		}
	});

	it.each([
		[['harbour', 'X', '--likelihood', 'huge'], '--likelihood: expected low, medium or high, found "huge".'],
		[['harbour', 'X', '--impact', 'HIGH'], '--impact: expected low, medium or high, found "HIGH".'],
		[['harbour', 'X', '--id', 'Bad_Id'], '--id: expected lowercase letters, digits and hyphens (like "supplier-delay"), found "Bad_Id".'],
		[['harbour'], 'Give the risk a title'],
		[['nobody', 'X'], '✗ Unknown client "nobody". Known clients: harbour, lanting.'],
	])('refuses %j', async (args, message) => {
		const run = await cli(content, ['new', 'risk', ...args]);
		expect(run.code).toBe(1);
		expect(run.text.split('\n')[0]).toContain(message);
		expect(files('harbour', 'risks')).toEqual(['catalogue-late.yaml']);
	});
});

describe('glasshouse new change', () => {
	it('takes the next number, status requested, requested today, with Why / What changes / Impact', async () => {
		const run = await cli(content, ['new', 'change', 'harbour', 'Add gift cards', '--requested-by', 'Dana Sponsor']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('change request CR-3, status requested, requested by Dana Sponsor on 2026-03-16');
		const { data, body, text } = readContentFile(path.join(content, 'harbour', 'changes', '0003-add-gift-cards.mdx'));
		expect(data).toEqual({
			number: 3,
			title: 'Add gift cards',
			requestedBy: 'Dana Sponsor',
			requestedOn: TODAY,
			status: 'requested',
			milestones: [],
			tags: [],
		});
		expect(body.match(/^## .+$/gm)).toEqual(['## Why', '## What changes', '## Impact']);
		expect(text).toContain('# Required from "estimated" on: what the change does to the plan.\n# impact:');
		expect(text).toContain('# Required once approved, rejected or implemented (the build fails without it), refused before:\n# approval:');
		expect(text).toContain('copy them exactly from scope.in: Public website, Newsletter sign-up');
		expect(text).toContain('ids of the milestones it affects: design, launch');
		await noErrors();
		expect(await placeholderWarnings()).toEqual(['harbour/changes/0003-add-gift-cards.mdx']);
	});

	it('has commented impact and approval blocks that pass the check once uncommented', async () => {
		expect((await cli(content, ['new', 'change', 'harbour', 'Add gift cards'])).code).toBe(0);
		const file = path.join(content, 'harbour', 'changes', '0003-add-gift-cards.mdx');
		const scaffold = readFileSync(file, 'utf8');
		const uncomment = (text: string, from: string, to: string) => {
			const start = text.indexOf(from);
			const end = text.indexOf('\n', text.indexOf(to, start));
			return text.slice(0, start) + text.slice(start, end).replace(/^# /gm, '') + text.slice(end);
		};
		const estimated = uncomment(scaffold, '# impact:', '#   note:').replace('status: requested', 'status: estimated');
		writeFileSync(file, estimated);
		await noErrors();
		writeFileSync(
			file,
			uncomment(estimated, '# approval:', '#   note:')
				.replace('status: estimated', 'status: approved')
				.replace('on: YYYY-MM-DD', `on: ${TODAY}`),
		);
		await noErrors();
		// Without uncommenting impact, "estimated" is refused: the comment says when it becomes required.
		writeFileSync(file, scaffold.replace('status: requested', 'status: estimated'));
		expect((await checkErrors(content, TODAY)).join('\n')).toContain('impact: expected the estimated impact');
	});

	it('writes Chinese headings and a placeholder requester for a zh-CN client, named NNNN-change.mdx', async () => {
		const run = await cli(content, ['new', 'change', 'lanting', '增加积分商城']);
		expect(run.code, run.text).toBe(0);
		const { data, body } = readContentFile(path.join(content, 'lanting', 'changes', '0002-change.mdx'));
		expect(data).toMatchObject({ number: 2, title: '增加积分商城', requestedBy: 'TODO：提出人姓名', status: 'requested' });
		expect(body.match(/^## .+$/gm)).toEqual(['## 原因', '## 变更内容', '## 影响']);
		await noErrors();
	});

	it('numbers after the highest file name, even one that does not parse', async () => {
		writeFileSync(path.join(content, 'harbour', 'changes', '0009-draft.mdx'), 'not frontmatter');
		expect((await cli(content, ['new', 'change', 'harbour', 'Next one'])).code).toBe(0);
		expect(files('harbour', 'changes')).toContain('0010-next-one.mdx');
	});

	it('refuses a bad --date and an unknown client', async () => {
		for (const [args, message] of [
			[['harbour', 'X', '--date', '2026-02-30'], '--date: expected a real date as YYYY-MM-DD, found "2026-02-30".'],
			[['nobody', 'X'], '✗ Unknown client "nobody". Known clients: harbour, lanting.'],
		] as const) {
			const run = await cli(content, ['new', 'change', ...args]);
			expect(run.code).toBe(1);
			expect(run.text.split('\n')[0]).toBe(message);
		}
		expect(files('harbour', 'changes')).toHaveLength(2);
	});
});

describe('glasshouse new meeting', () => {
	it('lists the team as attendees and carries over the open actions of the previous meeting', async () => {
		const run = await cli(content, ['new', 'meeting', 'harbour', 'weekly']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('from 2026-03-10: 3 open action item(s) carried over');
		const { data, body, text } = readContentFile(path.join(content, 'harbour', 'meetings', '2026-03-16-weekly.mdx'));
		expect(data).toEqual({
			date: TODAY,
			type: 'weekly',
			attendees: { client: ['Cleo Client', 'Dana Sponsor'], vendor: ['Pat Vendor', 'Sam Builder'] },
			agenda: ['Review actions from March 10, 2026', 'TODO: agenda item'],
			decisions: [],
			actions: [
				{ text: 'Share the brand guidelines', owner: 'Dana Sponsor', done: false },
				{ text: "Send last year's newsletter sign-up numbers", owner: 'Cleo Client', due: '2026-03-20', done: false },
				{ text: 'Set up the staging site', owner: 'Sam Builder', due: '2026-03-16', done: false },
			],
		});
		expect(text).toContain('# Everyone on the team in client.yaml, per side: delete who did not attend');
		expect(text).toContain('# Open items carried over from 2026-03-10; set done: true here once done.');
		expect(body.match(/^## .+$/gm)).toEqual(['## Summary', '## Notes']);
		await noErrors();
		expect(await placeholderWarnings()).toEqual(['harbour/meetings/2026-03-16-weekly.mdx']);
	});

	it('counts a carried-over action once on the overview, and as done once either minutes say so', async () => {
		expect((await cli(content, ['new', 'meeting', 'harbour', 'weekly'])).code).toBe(0);
		const owed = async () => {
			const harbour = (await loadContent(content)).clients.find((client) => client.slug === 'harbour')!;
			return openActions(
				harbour.meetings.map((entry) => entry.value),
				harbour.client!.value.team,
			).map((action) => `${action.text} @${action.meeting.date}`);
		};
		expect(await owed()).toEqual([
			'Set up the staging site @2026-03-16',
			"Send last year's newsletter sign-up numbers @2026-03-16",
			'Share the brand guidelines @2026-03-16',
		]);
		const file = path.join(content, 'harbour', 'meetings', '2026-03-16-weekly.mdx');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace(
				'owner: Sam Builder\n    due: 2026-03-16\n    done: false',
				'owner: Sam Builder\n    due: 2026-03-16\n    done: true',
			),
		);
		expect(await owed()).toEqual(["Send last year's newsletter sign-up numbers @2026-03-16", 'Share the brand guidelines @2026-03-16']);
	});

	it('writes Chinese headings and agenda for a zh-CN client; another type on the same day is fine', async () => {
		for (const type of ['steering', 'review']) expect((await cli(content, ['new', 'meeting', 'lanting', type])).code).toBe(0);
		const { data, body } = readContentFile(path.join(content, 'lanting', 'meetings', '2026-03-16-steering.mdx'));
		expect(data).toMatchObject({
			attendees: { client: ['李华'], vendor: ['王小明'] },
			agenda: ['回顾2026年3月11日会议的待办事项', 'TODO：议程事项'],
			actions: [{ text: '确认会员等级规则', owner: '李华', due: '2026-03-20', done: false }],
		});
		expect(body.match(/^## .+$/gm)).toEqual(['## 摘要', '## 会议记录']);
		// The review continues from the latest earlier meeting only, not from the steering meeting of the same day.
		expect(readContentFile(path.join(content, 'lanting', 'meetings', '2026-03-16-review.mdx')).data).toMatchObject({
			actions: [{ text: '确认会员等级规则' }],
		});
		await noErrors();
	});

	it('carries nothing over to the first meeting, and fills a side with no team members with a placeholder', async () => {
		const run = await cli(content, ['new', 'meeting', 'harbour', 'kickoff', '--date', '2026-03-02']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('the first minutes of this client: nothing to carry over');
		expect(readContentFile(path.join(content, 'harbour', 'meetings', '2026-03-02-kickoff.mdx')).data).toMatchObject({
			agenda: ['TODO: agenda item'],
			actions: [],
		});
		await noErrors();

		const minimal = copyContent(MINIMAL_CONTENT);
		try {
			expect((await cli(minimal, ['new', 'meeting', 'alpha', 'kickoff'])).code).toBe(0);
			expect(readContentFile(path.join(minimal, 'alpha', 'meetings', `${TODAY}-kickoff.mdx`)).data).toMatchObject({
				attendees: { client: ['TODO: name'], vendor: ['Pat Vendor'] },
			});
			await noErrors(minimal);
		} finally {
			rmSync(path.dirname(minimal), { recursive: true, force: true });
		}
	});

	it.each([
		[
			['harbour', 'weekly', '--date', '2026-03-10'],
			'✗ harbour already has minutes of a weekly meeting on 2026-03-10 (',
			'edit them, or pass --date for another day. Nothing was written.',
		],
		[['harbour', 'standup'], 'Meeting type: expected one of kickoff, weekly, steering, review, retrospective, found "standup".', ''],
		[['harbour'], 'Name the type of meeting: kickoff, weekly, steering, review, retrospective', ''],
		[['nobody', 'weekly'], '✗ Unknown client "nobody". Known clients: harbour, lanting.', ''],
	])('refuses %j', async (args, start, end) => {
		const run = await cli(content, ['new', 'meeting', ...args]);
		expect(run.code).toBe(1);
		const first = run.text.split('\n')[0]!;
		expect(first.startsWith(start), first).toBe(true);
		expect(first.endsWith(end)).toBe(true);
		expect(files('harbour', 'meetings')).toEqual(['2026-03-03-kickoff.mdx', '2026-03-10-weekly.mdx']);
	});
});

describe('glasshouse new closeout', () => {
	it('writes one outcome per objective, the primary vendor contact for support, and says how to close', async () => {
		const run = await cli(content, ['new', 'closeout', 'harbour']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('When the project is closed, set "status: closed" in client.yaml: the overview then shows this summary.');
		const { data, body } = readContentFile(path.join(content, 'harbour', 'closeout.mdx'));
		expect(data).toMatchObject({
			date: TODAY,
			outcomes: [
				{ objective: 'Launch the new website before the spring catalogue', result: expect.stringMatching(/^TODO: /), met: 'met' },
				{ objective: 'Double newsletter sign-ups', result: expect.stringMatching(/^TODO: /), met: 'met' },
			],
			openItems: [],
			support: { contacts: ['Pat Vendor'] },
		});
		expect(body.match(/^## .+$/gm)).toEqual(['## Summary', '## Thank you']);
		await noErrors();
		expect(await placeholderWarnings()).toEqual(['harbour/closeout.mdx']);
		// Closing the project now passes too: the summary exists and reports on every objective.
		const clientFile = path.join(content, 'harbour', 'client.yaml');
		writeFileSync(clientFile, `${readFileSync(clientFile, 'utf8')}status: closed\n`);
		const result = await checkContent(content, { today: TODAY, displayRoot: content });
		expect(result.errors).toEqual([]);
		expect(result.warnings.filter((warning) => warning.file === 'harbour/closeout.mdx').map((warning) => warning.field)).toEqual([
			'outcomes.0.result',
		]);
	});

	it('writes Chinese text for a zh-CN client and a placeholder objective when client.yaml has none', async () => {
		expect((await cli(content, ['new', 'closeout', 'lanting'])).code).toBe(0);
		const { body } = readContentFile(path.join(content, 'lanting', 'closeout.mdx'));
		expect(body.match(/^## .+$/gm)).toEqual(['## 总结', '## 致谢']);
		const minimal = copyContent(MINIMAL_CONTENT);
		try {
			const run = await cli(minimal, ['new', 'closeout', 'alpha']);
			expect(run.code, run.text).toBe(0);
			expect(run.text).toContain('client.yaml lists no project.objectives');
			expect(readContentFile(path.join(minimal, 'alpha', 'closeout.mdx')).data).toMatchObject({
				outcomes: [{ objective: expect.stringMatching(/^TODO: /) }],
			});
			await noErrors(minimal);
		} finally {
			rmSync(path.dirname(minimal), { recursive: true, force: true });
		}
		await noErrors();
	});

	it('refuses to overwrite a close-out and a date before the project start', async () => {
		expect((await cli(content, ['new', 'closeout', 'harbour'])).code).toBe(0);
		const again = await cli(content, ['new', 'closeout', 'harbour']);
		expect(again.code).toBe(1);
		expect(again.text).toMatch(/^✗ .*harbour\/closeout\.mdx already exists; edit it\. Nothing was written\.$/);
		const early = await cli(content, ['new', 'closeout', 'lanting', '--date', '2026-03-01']);
		expect(early.code).toBe(1);
		expect(early.text).toBe(
			"✗ The close-out date 2026-03-01 is before the project's start (2026-03-02); pass --date. Nothing was written.",
		);
		expect(files('lanting')).not.toContain('closeout.mdx');
	});
});
