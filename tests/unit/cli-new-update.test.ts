import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadContent } from '@/loader/load-content';
import { checkErrors, cli, copyContent, freshDemoCopyEachTest, MINIMAL_CONTENT, readContentFile } from '../support/temp-content';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

const updatePath = (client: string, date: string) => path.join(content, client, 'updates', `${date}.mdx`);

describe('glasshouse new update', () => {
	it('continues from the last update: Next becomes In progress, open needs, risks and health carry over', async () => {
		const run = await cli(content, ['new', 'update', TIDEWATER]);
		expect(run.code, run.text).toBe(0);
		const file = updatePath(TIDEWATER, '2026-11-27');
		expect(run.lines[0]).toBe(path.relative(process.cwd(), file));
		const { data, body, text } = readContentFile(file);

		expect(data.date).toBe('2026-11-27');
		expect(data.health).toBe('at-risk');
		expect(data.healthReason).toMatch(/^Testing time for the tracking portal/);
		expect(data.dimensions).toEqual({ schedule: 'at-risk', scope: 'on-track', budget: 'on-track', quality: 'on-track' });
		expect(data.progress).toBe(64);
		expect(text).toMatch(/^# Carried over from 2026-11-20: reassess health.*before publishing\.\nhealth: at-risk/m);
		// The one need marked done is left behind; the three open ones carry over as written.
		expect(data.needs).toEqual([
			{
				text: 'Book eight Tidewater staff for user acceptance testing from 7 to 17 December',
				owner: 'Ravi Menon',
				due: '2026-11-27',
				done: false,
			},
			{
				text: 'Decide on the phased launch proposal (decision 7) at the steering group',
				owner: 'Aoife Brennan',
				due: '2026-12-01',
				done: false,
			},
			{
				text: 'Name up to eight editors for the training sessions on 12 and 14 January',
				owner: 'Declan Murphy',
				due: '2026-12-11',
				done: false,
			},
		]);
		expect((data.risks as unknown[]).length).toBe(3);

		const section = (heading: string) => body.split(`## ${heading}\n`)[1]!.split('\n## ')[0]!;
		expect(section('In progress').trim().split('\n')).toEqual([
			"- Apply the vendor's groupage fix on the test system from 24 November",
			'- Steering group decision on the launch sequence on 1 December',
			'- Full load test at 150 lookups per second and the external accessibility audit, week of 7 December',
		]);
		expect(section('Done')).toContain('- TODO: what was finished since 2026-11-20');
		// Last week's "In progress" is offered as a hidden MDX comment to move into Done.
		expect(section('Done')).toContain(
			'{/*\nIn progress on 2026-11-20; move what is finished to Done:\n- Remaining 77 pages of content migration, due 11 December',
		);
		expect(section('Next')).toContain('- TODO: what comes next');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('writes Chinese headings for a zh-CN client and defaults to the cadence day on or after today', async () => {
		const run = await cli(content, ['new', 'update', JINGHONG]);
		expect(run.code, run.text).toBe(0);
		const { data, body } = readContentFile(updatePath(JINGHONG, '2026-11-27'));
		expect(data.date).toBe('2026-11-27');
		expect(body.trimStart()).toMatch(
			/^## 已完成\n[\s\S]*\n## 进行中\n\n- 11 月 23 日至 27 日第一轮关键用户培训（财务、采购）\n[\s\S]*\n## 下一步\n/,
		);
		expect(body).not.toContain('## Done');
		expect((data.needs as unknown[]).length).toBe(3);
		expect(await checkErrors(content)).toEqual([]);
	});

	it('on the cadence day itself, uses today', async () => {
		vi.stubEnv('GLASSHOUSE_TODAY', '2026-11-27');
		expect((await cli(content, ['new', 'update', TIDEWATER])).code).toBe(0);
		expect(existsSync(updatePath(TIDEWATER, '2026-11-27'))).toBe(true);
	});

	it('follows the cadence weekday from client.yaml', async () => {
		const file = path.join(content, TIDEWATER, 'client.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('    day: friday', '    day: tuesday'));
		expect((await cli(content, ['new', 'update', TIDEWATER])).code).toBe(0);
		expect(existsSync(updatePath(TIDEWATER, '2026-11-24'))).toBe(true);
	});

	it('keeps a fortnightly rhythm in phase with the last update', async () => {
		const file = path.join(content, TIDEWATER, 'client.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('    every: week', '    every: two-weeks'));
		expect((await cli(content, ['new', 'update', TIDEWATER])).code).toBe(0);
		expect(existsSync(updatePath(TIDEWATER, '2026-12-04'))).toBe(true);
	});

	it('takes --date, continuing from the update before that date', async () => {
		const run = await cli(content, ['new', 'update', TIDEWATER, '--date', '2026-11-16']);
		expect(run.code, run.text).toBe(0);
		const { data, body } = readContentFile(updatePath(TIDEWATER, '2026-11-16'));
		expect(data.summary).toContain('since 2026-11-13');
		expect(body).toContain('- Launch sequence options, for the status call on 19 November');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('writes a first update with placeholders for a client without any', async () => {
		const minimal = copyContent(MINIMAL_CONTENT);
		const run = await cli(minimal, ['new', 'update', 'beta', '--date', '2026-02-06']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('nothing to carry over');
		const { data, body } = readContentFile(path.join(minimal, 'beta', 'updates', '2026-02-06.mdx'));
		expect(data).toMatchObject({ date: '2026-02-06', health: 'on-track', needs: [], risks: [] });
		expect(body).toContain('## 进行中\n\n- TODO：正在进行的工作');
		expect(await checkErrors(minimal, '2026-02-06')).toEqual([]);
	});

	it('refuses to overwrite an existing update', async () => {
		const run = await cli(content, ['new', 'update', TIDEWATER, '--date', '2026-11-20']);
		expect(run.code).toBe(1);
		expect(run.text).toContain(
			'tidewater-logistics/updates/2026-11-20.mdx already exists; edit it, or pass --date for another day. Nothing was written.',
		);
	});

	it.each([
		[['--date', '2026-02-30'], '--date: expected a real date as YYYY-MM-DD, found "2026-02-30".'],
		[['--date', '27.11.2026'], '--date: expected a real date as YYYY-MM-DD, found "27.11.2026".'],
	])('rejects a bad date %j', async (args, message) => {
		const run = await cli(content, ['new', 'update', TIDEWATER, ...args]);
		expect(run.code).toBe(1);
		expect(run.text.split('\n')[0]).toBe(message);
		expect(run.text).toContain('Usage: glasshouse new update');
	});

	it('names the known clients for an unknown one, and for none', async () => {
		const unknown = await cli(content, ['new', 'update', 'tidewater']);
		expect(unknown.code).toBe(1);
		expect(unknown.text).toBe(
			'✗ Unknown client "tidewater". Known clients: harbour-museum, jinghong-precision, lanshan-tea, tidewater-logistics.',
		);
		const missing = await cli(content, ['new', 'update']);
		expect(missing.code).toBe(1);
		expect(missing.text.split('\n')[0]).toBe(
			'Name a client. Known clients: harbour-museum, jinghong-precision, lanshan-tea, tidewater-logistics.',
		);
	});

	it("loads only the named client's folder: another client's broken files neither stop it nor show", async () => {
		writeFileSync(path.join(content, 'harbour-museum', 'client.yaml'), 'name: [unclosed\n');
		writeFileSync(path.join(content, 'harbour-museum', 'updates', '2026-06-26.mdx'), '---\ndate: 2026-06-26\nhealth: [\n---\n');
		const run = await cli(content, ['new', 'update', TIDEWATER]);
		expect(run.code, run.text).toBe(0);
		expect(run.text).not.toMatch(/harbour|warning/);
		const loaded = await loadContent(content, path.dirname(content), { client: TIDEWATER });
		expect(loaded.clients.map((client) => client.slug)).toEqual([TIDEWATER]);
		expect(loaded.site?.agency.name).toBeTruthy();
		expect(loaded.problems).toEqual([]);
		// The whole folder, as `glasshouse check` loads it, does have the broken files.
		const all = await loadContent(content, path.dirname(content));
		expect(new Set(all.problems.map((problem) => problem.file))).toEqual(
			new Set(['content/harbour-museum/client.yaml', 'content/harbour-museum/updates/2026-06-26.mdx']),
		);
	});

	it("still says when the named client's own last update has errors, and continues from the one before", async () => {
		writeFileSync(updatePath(TIDEWATER, '2026-11-20'), '---\ndate: 2026-11-20\nhealth: [\n---\n');
		const run = await cli(content, ['new', 'update', TIDEWATER]);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain(
			`warning: ${path.relative(process.cwd(), updatePath(TIDEWATER, '2026-11-20'))} has errors, so nothing was carried over from it`,
		);
		expect(run.text).toContain('from 2026-11-13:');
	});

	it('refuses a client whose client.yaml has errors, naming them', async () => {
		writeFileSync(path.join(content, TIDEWATER, 'client.yaml'), 'name: [unclosed\n');
		const run = await cli(content, ['new', 'update', TIDEWATER]);
		expect(run.code).toBe(1);
		expect(run.text).toMatch(
			/^✗ .*tidewater-logistics\/client\.yaml has errors; fix them first:\n  .*client\.yaml:\d+ +expected valid YAML/,
		);
		expect(existsSync(updatePath(TIDEWATER, '2026-11-27'))).toBe(false);
	});

	it('asks for a missing client only when someone can answer', async () => {
		const run = await cli(content, ['new', 'update'], ['tidewater-logistics']);
		expect(run.code, run.text).toBe(0);
		expect(run.lines[0]).toBe('? Which client? (harbour-museum, jinghong-precision, lanshan-tea, tidewater-logistics)');
	});
});
