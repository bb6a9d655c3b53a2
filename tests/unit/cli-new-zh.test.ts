import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkErrors, cli, freshDemoCopyEachTest, readContentFile } from '../support/temp-content';

const JINGHONG = 'jinghong-precision';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

/** The comments of a scaffold: whole-line ones and those after a value, without the commands they quote. */
function comments(text: string): string[] {
	return (
		text
			.split('\n')
			.map((row) => /^\s*#(?!#)\s?(.*)$/.exec(row)?.[1] ?? /\s#\s(.*)$/.exec(row)?.[1])
			.filter((comment): comment is string => comment !== undefined)
			// Commands are quoted as typed, in English.
			.map((comment) => comment.replace(/`[^`]*`/g, '`…`'))
	);
}

/** A comment in English prose: three English words in a row (commented-out YAML examples such as `# progress: 0` are not). */
const ENGLISH = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/;

describe('a zh-CN client’s scaffolds are Chinese, comments included', () => {
	it('writes client.yaml with Chinese comments, role and access label', async () => {
		const fresh = path.join(path.dirname(content), 'fresh');
		expect((await cli(fresh, ['new', 'client', 'lanting', '--locale', 'zh-CN', '--name', '兰亭'])).code).toBe(0);
		const { data, text } = readContentFile(path.join(fresh, 'lanting', 'client.yaml'));
		expect(data).toMatchObject({
			team: [{ role: '项目经理', side: 'vendor' }],
			access: [{ id: 'project-team', label: '兰亭 项目组（共享密码）' }],
		});
		expect(comments(text).filter((comment) => ENGLISH.test(comment))).toEqual([]);
		expect(await checkErrors(fresh)).toEqual([]);
	});

	it.each([false, true])('writes an update (--md: %s) whose comments, carried over or not, are Chinese', async (md) => {
		const run = await cli(content, ['new', 'update', JINGHONG, '--date', '2026-11-27', ...(md ? ['--md'] : [])]);
		expect(run.code, run.text).toBe(0);
		const { text } = readContentFile(path.join(content, JINGHONG, 'updates', `2026-11-27${md ? '.md' : '.mdx'}`));
		expect(text).toContain('# 沿用自 ');
		expect(comments(text).filter((comment) => ENGLISH.test(comment))).toEqual([]);
		expect(await checkErrors(content)).toEqual([]);
	});

	it.each([
		['decision', ['采用阿里云托管'], 'decisions', '0007-decision.mdx'],
		['change', ['增加英文版', '--md'], 'changes', '0006-change.md'],
		['meeting', ['review', '--date', '2026-11-23', '--md'], 'meetings', '2026-11-23-review.md'],
		['closeout', [], '', 'closeout.mdx'],
		['risk', ['供应商延期交付'], 'risks', 'risk-1.yaml'],
		['milestone', ['--title', '系统上线', '--due', '2027-02-12'], 'milestones', 'milestone-1.yaml'],
		['faq', ['发票在哪里？'], 'faq', 'question-1.md'],
	])('writes a %s whose comments are Chinese', async (kind, args, folder, name) => {
		const run = await cli(content, ['new', kind, JINGHONG, ...args]);
		expect(run.code, run.text).toBe(0);
		const { text } = readContentFile(path.join(content, JINGHONG, folder, name));
		expect(comments(text).length).toBeGreaterThan(kind === 'faq' ? 1 : 3);
		expect(comments(text).filter((comment) => ENGLISH.test(comment))).toEqual([]);
		expect(await checkErrors(content)).toEqual([]);
	});
});
