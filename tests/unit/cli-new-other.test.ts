import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientSchema } from '@/kinds/client/schema';
import { parseSource } from '@/loader/source-file';
import { checkContent } from '@/check/check-content';
import { checkErrors, cli, freshDemoCopyEachTest, readContentFile } from '../support/temp-content';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

describe('glasshouse new milestone', () => {
	it('writes a planned milestone owned by the primary vendor contact', async () => {
		const run = await cli(content, ['new', 'milestone', TIDEWATER, '--title', 'Hypercare complete', '--due', '2027-02-12']);
		expect(run.code, run.text).toBe(0);
		const file = path.join(content, TIDEWATER, 'milestones', 'hypercare-complete.yaml');
		expect(parseSource(readFileSync(file, 'utf8'), file).data).toEqual({
			id: 'hypercare-complete',
			title: 'Hypercare complete',
			start: '2026-11-22',
			due: '2027-02-12',
			status: 'planned',
			owner: 'Hannah Okafor',
			dependsOn: [],
			deliverables: [],
		});
		expect(await checkErrors(content)).toEqual([]);
	});

	it('takes --id, --start and --owner', async () => {
		const run = await cli(content, [
			'new',
			'milestone',
			TIDEWATER,
			'--id',
			'hypercare',
			'--title',
			'Hypercare',
			'--due',
			'2027-02-12',
			'--start',
			'2027-01-21',
			'--owner',
			'Tomás Ryan',
		]);
		expect(run.code, run.text).toBe(0);
		const file = path.join(content, TIDEWATER, 'milestones', 'hypercare.yaml');
		expect(parseSource(readFileSync(file, 'utf8'), file).data).toMatchObject({ id: 'hypercare', start: '2027-01-21', owner: 'Tomás Ryan' });
	});

	it.each([
		[['--title', 'Go live', '--id', 'go-live', '--due', '2027-03-01'], '✗ tidewater-logistics already has a milestone "go-live"'],
		[['--title', 'X', '--due', '2027-02-29'], '--due: expected a real date as YYYY-MM-DD, found "2027-02-29".'],
		[
			['--title', 'X', '--id', 'Go_Live', '--due', '2027-03-01'],
			'--id: expected lowercase letters, digits and hyphens (like "go-live"), found "Go_Live".',
		],
		[['--title', 'X', '--due', '2027-03-01', '--start', '2027-04-01'], '--start 2027-04-01 is after the due date 2027-03-01.'],
		[['--due', '2027-03-01'], 'Give the milestone a title with --title "…".'],
		[['--title', 'X'], 'Give the milestone a due date with --due YYYY-MM-DD.'],
	])('refuses %j', async (args, message) => {
		const before = readdirSync(path.join(content, TIDEWATER, 'milestones'));
		const run = await cli(content, ['new', 'milestone', TIDEWATER, ...args]);
		expect(run.code).toBe(1);
		expect(run.text.split('\n')[0]).toContain(message);
		expect(readdirSync(path.join(content, TIDEWATER, 'milestones'))).toEqual(before);
	});
});

describe('glasshouse new milestone with a title that has no ASCII spelling', () => {
	it('falls back to milestone-N, the first number not taken, as risks and FAQ do', async () => {
		for (const title of ['系统上线', '用户验收完成'])
			expect((await cli(content, ['new', 'milestone', JINGHONG, '--title', title, '--due', '2027-02-12'])).code).toBe(0);
		const file = (name: string) => path.join(content, JINGHONG, 'milestones', name);
		expect(parseSource(readFileSync(file('milestone-1.yaml'), 'utf8'), file('milestone-1.yaml')).data).toMatchObject({
			id: 'milestone-1',
			title: '系统上线',
		});
		expect(existsSync(file('milestone-2.yaml'))).toBe(true);
		expect(await checkErrors(content)).toEqual([]);
	});
});

describe('glasshouse new faq', () => {
	it('writes the question after the existing ones', async () => {
		const run = await cli(content, ['new', 'faq', TIDEWATER, 'Who do I call when the site is down?']);
		expect(run.code, run.text).toBe(0);
		const { data, body } = readContentFile(path.join(content, TIDEWATER, 'faq', 'who-do-i-call-when-the-site-is-down.md'));
		expect(data).toEqual({ question: 'Who do I call when the site is down?', order: 60, tags: [] });
		expect(body).toContain('TODO: the answer');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('names a Chinese question question-N.md and answers in Chinese', async () => {
		for (const question of ['上线当天谁值班？', '培训材料在哪里下载？'])
			expect((await cli(content, ['new', 'faq', JINGHONG, question])).code).toBe(0);
		expect(readContentFile(path.join(content, JINGHONG, 'faq', 'question-2.md')).data.question).toBe('培训材料在哪里下载？');
		expect(readContentFile(path.join(content, JINGHONG, 'faq', 'question-1.md')).body).toContain('TODO：');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('refuses a question the client already has', async () => {
		const run = await cli(content, ['new', 'faq', TIDEWATER, 'Where can I see the new site before it goes live?']);
		expect(run.code).toBe(1);
		expect(run.text).toContain('already has this question in');
	});
});

describe('glasshouse new client', () => {
	it('scaffolds a client that passes the check, with every field explained and empty folders', async () => {
		const run = await cli(content, ['new', 'client', 'acme-corp', '--name', 'Acme Corporation']);
		expect(run.code, run.text).toBe(0);
		const folder = path.join(content, 'acme-corp');
		for (const sub of ['updates', 'decisions', 'milestones', 'faq']) expect(readdirSync(path.join(folder, sub))).toEqual(['.gitkeep']);
		const text = readFileSync(path.join(folder, 'client.yaml'), 'utf8');
		const client = ClientSchema.parse(parseSource(text, 'client.yaml').data);
		expect(client).toMatchObject({
			name: 'Acme Corporation',
			locale: 'en',
			currency: 'EUR',
			start: '2026-11-22',
			public: false,
			status: 'active',
			feedbackTargets: { acknowledgeWithin: 2, answerWithin: 10 },
			riskReviewDays: 30,
			rememberDays: 30,
		});
		expect(client.project.objectives).toEqual([]);
		expect(client.access).toEqual([
			{ id: 'project-team', label: 'Acme Corporation project team (shared password)', type: 'password', rotation: 0, revoked: false },
		]);
		// Every field of the schema appears in the file, set or commented out.
		for (const field of [
			'name',
			'project',
			'summary',
			'objectives',
			'locale',
			'currency',
			'start',
			'plannedEnd',
			'team',
			'role',
			'side',
			'email',
			'phone',
			'primary',
			'communication',
			'cadence',
			'every',
			'day',
			'meetings',
			'rhythm',
			'channels',
			'detail',
			'escalation',
			'who',
			'when',
			'scope',
			'in',
			'out',
			'accent',
			'logo',
			'access',
			'id',
			'label',
			'type',
			'rotation',
			'revoked',
			'passwordEnv',
			'public',
			'status',
			'feedbackTargets',
			'acknowledgeWithin',
			'answerWithin',
			'riskReviewDays',
			'rememberDays',
		]) {
			expect(text, field).toMatch(new RegExp(`^\\s*(#\\s*)?(- )?${field}:`, 'm'));
		}
		const result = await checkContent(content, { today: '2026-11-22' });
		expect(result.errors).toEqual([]);
		// Placeholders pass the check, but never silently.
		expect(result.warnings.map((warning) => warning.message).join('\n')).toContain('TODO placeholder');
	});

	it('creates site.yaml in a new content folder and writes zh-CN defaults', async () => {
		const fresh = path.join(path.dirname(content), 'fresh');
		const run = await cli(fresh, ['new', 'client', 'jinghong-two', '--locale', 'zh-CN']);
		expect(run.code, run.text).toBe(0);
		expect(existsSync(path.join(fresh, 'site.yaml'))).toBe(true);
		expect(readContentFile(path.join(fresh, 'jinghong-two', 'client.yaml')).data).toMatchObject({
			locale: 'zh-CN',
			currency: 'CNY',
			name: 'Jinghong Two',
		});
		expect(await checkErrors(fresh)).toEqual([]);
	});

	it.each([
		[['Acme_Corp'], '"Acme_Corp" cannot be a client folder: expected lowercase letters, digits and hyphens'],
		[[TIDEWATER], 'tidewater-logistics already exists. Nothing was written.'],
		[['acme', '--locale', 'fr'], '--locale: expected one of en, zh-CN, found "fr".'],
		[[], "Name the new client's folder"],
	])('refuses %j', async (args, message) => {
		const run = await cli(content, ['new', 'client', ...args]);
		expect(run.code).toBe(1);
		expect(run.text.split('\n')[0]).toContain(message);
	});
});

describe('glasshouse new', () => {
	it('lists the kinds, and rejects an unknown one', async () => {
		const help = await cli(content, ['new', '--help']);
		expect(help.code).toBe(0);
		expect(help.text).toContain('new decision <client> "<title>" [--supersedes N]');
		const unknown = await cli(content, ['new', 'issue', TIDEWATER]);
		expect(unknown.code).toBe(1);
		expect(unknown.text.split('\n')[0]).toBe(
			'Unknown kind "issue" for "glasshouse new". Expected one of: client, update, decision, milestone, faq, risk, change, meeting, feedback, closeout, survey, document, training.',
		);
	});

	it.each(['client', 'update', 'decision', 'milestone', 'faq', 'risk', 'change', 'meeting', 'closeout', 'document', 'training'])(
		'new %s --help explains the command',
		async (kind) => {
			const run = await cli(content, ['new', kind, '--help']);
			expect(run.code).toBe(0);
			expect(run.text).toMatch(new RegExp(`^Usage: glasshouse new ${kind} `));
		},
	);
});
