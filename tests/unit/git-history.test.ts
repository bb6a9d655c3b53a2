import { describe, expect, it } from 'vitest';
import { parseGitLog, parseGitStatus } from '@/lib/git-history';

/** One commit as `git log --name-only -z --format=%x1e%ct %H` prints it. */
const commit = (seconds: number, hash: string, ...files: string[]) =>
	`\x1e${seconds} ${hash}\0\n${files.map((file) => `${file}\0`).join('')}`;

describe('parseGitLog', () => {
	it('takes the newest commit as the last change and the oldest as the creation', () => {
		const log = [
			commit(300, 'c3', 'content/acme/risks/a.yaml'),
			commit(200, 'b2', 'content/acme/updates/x.mdx', 'content/acme/risks/a.yaml'),
			commit(100, 'a1', 'content/acme/risks/a.yaml'),
		].join('');
		const times = parseGitLog(log, 'content/');
		expect(times.get('acme/risks/a.yaml')).toEqual({ createdAt: 100_000, changedAt: 300_000 });
		expect(times.get('acme/updates/x.mdx')).toEqual({ createdAt: 200_000, changedAt: 200_000 });
	});

	it('keeps only files under the prefix, relative to it', () => {
		const times = parseGitLog(commit(100, 'a1', 'README.md', 'content/acme/client.yaml', 'contentious/x.md'), 'content/');
		expect([...times.keys()]).toEqual(['acme/client.yaml']);
	});

	it('keeps unusual file names whole (no quoting with -z)', () => {
		const times = parseGitLog(commit(100, 'a1', 'acme/faq/wer ist "zuständig".md'));
		expect([...times.keys()]).toEqual(['acme/faq/wer ist "zuständig".md']);
	});

	it("gives no times for a file seen only in a shallow clone's boundary commit, and no creation time to one changed since", () => {
		const log = [
			commit(300, 'c3', 'acme/updates/new.mdx', 'acme/risks/a.yaml'),
			commit(200, 'b2', 'acme/risks/a.yaml', 'acme/updates/old.mdx'),
		].join('');
		const times = parseGitLog(log, '', new Set(['b2']));
		expect(times.get('acme/updates/old.mdx')).toEqual({});
		expect(times.get('acme/risks/a.yaml')).toEqual({ changedAt: 300_000 });
		expect(times.get('acme/updates/new.mdx')).toEqual({ createdAt: 300_000, changedAt: 300_000 });
	});

	it('reads nothing from empty or unexpected output', () => {
		expect(parseGitLog('').size).toBe(0);
		expect(parseGitLog('fatal: not a git repository\n').size).toBe(0);
	});
});

describe('parseGitStatus', () => {
	it('tells untracked and added files from modified ones, under the prefix', () => {
		const status = [
			'?? content/acme/updates/new.mdx',
			' M content/acme/risks/a.yaml',
			'M  content/acme/risks/b.yaml',
			'A  content/acme/risks/c.yaml',
			' M src/index.ts',
			'',
		].join('\0');
		expect(parseGitStatus(status, 'content/')).toEqual(
			new Map([
				['acme/updates/new.mdx', 'untracked'],
				['acme/risks/a.yaml', 'modified'],
				['acme/risks/b.yaml', 'modified'],
				['acme/risks/c.yaml', 'untracked'],
			]),
		);
	});

	it('skips deleted files and the old name of a rename', () => {
		const status = [' D acme/risks/gone.yaml', 'R  acme/risks/new-name.yaml', 'acme/risks/old-name.yaml', ''].join('\0');
		expect(parseGitStatus(status)).toEqual(new Map([['acme/risks/new-name.yaml', 'untracked']]));
	});
});
