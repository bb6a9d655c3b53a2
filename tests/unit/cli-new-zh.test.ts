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
});
