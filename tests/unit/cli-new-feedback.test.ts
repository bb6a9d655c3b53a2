import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '@/loader/source-file';
import { checkErrors, cli, freshDemoCopyEachTest } from '../support/temp-content';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

const newest = (client: string) => {
	const folder = path.join(content, client, 'feedback');
	const name = readdirSync(folder).sort().at(-1)!;
	return { name, text: readFileSync(path.join(folder, name), 'utf8') };
};

describe('glasshouse new feedback', () => {
	it("logs a team member's feedback with the next number, received today, and passes the check", async () => {
		const run = await cli(content, [
			'new',
			'feedback',
			TIDEWATER,
			'Can the emails be in Polish?',
			'--from',
			'Ravi Menon',
			'--channel',
			'call',
		]);
		expect(run.code, run.text).toBe(0);
		const { name, text } = newest(TIDEWATER);
		expect(name).toBe('0007-can-the-emails-be-in-polish.mdx');
		expect(parseSource(text, name).data).toEqual({
			number: 7,
			receivedOn: '2026-11-22',
			from: 'Ravi Menon',
			channel: 'call',
			kind: 'question',
			summary: 'Can the emails be in Polish?',
			status: 'received',
		});
		// The response is a comment until it is written: nothing unfinished reaches the client.
		expect(text).toContain('{/*\nOur response goes here');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('writes plain Markdown in Chinese, with an outsider line for someone outside the team', async () => {
		const run = await cli(content, ['new', 'feedback', JINGHONG, '希望增加英文界面', '--from', '张三', '--kind', 'request', '--md']);
		expect(run.code, run.text).toBe(0);
		const { name, text } = newest(JINGHONG);
		expect(name).toBe('0006-feedback.md');
		expect(parseSource(text, name).data).toMatchObject({
			number: 6,
			from: '张三',
			outsider: 'TODO：此人与项目的关系，例如“访客小组组长”',
			kind: 'request',
			channel: 'email',
		});
		expect(text).toContain('<!--\n在这里写我们的答复');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('refuses an unknown channel, naming the choices', async () => {
		const run = await cli(content, ['new', 'feedback', TIDEWATER, 'Hello', '--channel', 'fax']);
		expect(run.code).not.toBe(0);
		expect(run.text).toContain('--channel: expected meeting, email, call, survey, site, found "fax".');
	});
});
