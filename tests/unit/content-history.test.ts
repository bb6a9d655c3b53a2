import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTimes } from '@/page-data/content-times';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'glasshouse-history-'));
	made.push(dir);
	return dir;
}

function write(file: string, text: string, mtime?: string): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	if (mtime) utimesSync(file, new Date(mtime), new Date(mtime));
}

function commitAll(repo: string, when: string): void {
	const env = {
		...process.env,
		GIT_AUTHOR_DATE: when,
		GIT_COMMITTER_DATE: when,
		GIT_AUTHOR_NAME: 'T',
		GIT_AUTHOR_EMAIL: 't@example.com',
		GIT_COMMITTER_NAME: 'T',
		GIT_COMMITTER_EMAIL: 't@example.com',
	};
	execFileSync('git', ['add', '-A'], { cwd: repo, env });
	execFileSync('git', ['commit', '-q', '--no-gpg-sign', '-m', when], { cwd: repo, env });
}

describe('contentTimes', () => {
	it('in git: first and last commit; a modified file its mtime as last change; an untracked file its mtime', async () => {
		const repo = tempDir();
		execFileSync('git', ['init', '-q'], { cwd: repo });
		const content = path.join(repo, 'content');
		const file = (name: string) => path.join(content, 'acme', name);
		write(path.join(repo, 'README.md'), 'outside the content folder');
		write(file('risks/edited.yaml'), 'v1');
		write(file('risks/dirty.yaml'), 'v1');
		write(file('updates/2026-03-06.mdx'), 'v1');
		commitAll(repo, '2026-03-01T10:00:00Z');
		write(file('risks/edited.yaml'), 'v2');
		commitAll(repo, '2026-03-04T12:00:00Z');
		write(file('risks/dirty.yaml'), 'v2, not committed', '2026-03-07T08:00:00Z');
		write(file('updates/2026-03-13.mdx'), 'new, not committed', '2026-03-09T15:00:00Z');

		const timesOf = await contentTimes(content);
		expect(await timesOf({ filePath: file('updates/2026-03-06.mdx') })).toEqual({
			createdAt: Date.parse('2026-03-01T10:00:00Z'),
			changedAt: Date.parse('2026-03-01T10:00:00Z'),
		});
		// An edited risk keeps its raised date in the frontmatter; git knows it changed.
		expect(await timesOf({ filePath: file('risks/edited.yaml') })).toEqual({
			createdAt: Date.parse('2026-03-01T10:00:00Z'),
			changedAt: Date.parse('2026-03-04T12:00:00Z'),
		});
		expect(await timesOf({ filePath: file('risks/dirty.yaml') })).toEqual({
			createdAt: Date.parse('2026-03-01T10:00:00Z'),
			changedAt: Date.parse('2026-03-07T08:00:00Z'),
		});
		const untracked = await timesOf({ filePath: file('updates/2026-03-13.mdx') });
		expect(untracked.changedAt).toBe(Date.parse('2026-03-09T15:00:00Z'));
		expect(untracked.createdAt).toBeLessThanOrEqual(untracked.changedAt!);
		expect(await timesOf({})).toEqual({});
	});

	it("outside git: the file system's times", async () => {
		const content = path.join(tempDir(), 'content');
		write(path.join(content, 'acme', 'updates', '2026-03-06.mdx'), 'text', '2026-03-06T09:00:00Z');
		const times = await (await contentTimes(content))({ filePath: path.join(content, 'acme', 'updates', '2026-03-06.mdx') });
		expect(times.changedAt).toBe(Date.parse('2026-03-06T09:00:00Z'));
		expect(times.createdAt).toBeLessThanOrEqual(times.changedAt!);
		expect(await (await contentTimes(content))({ filePath: path.join(content, 'missing.mdx') })).toEqual({});
	});

	it('one answer per file for the whole build, whichever page asks first; each file its own', async () => {
		const content = path.join(tempDir(), 'content');
		const first = path.join(content, 'acme', 'updates', '2026-03-06.mdx');
		const second = path.join(content, 'acme', 'updates', '2026-03-13.mdx');
		write(first, 'text', '2026-03-06T09:00:00Z');
		write(second, 'text', '2026-03-13T09:00:00Z');
		const timesOf = await contentTimes(content);
		const [a, b] = await Promise.all([timesOf({ filePath: first }), timesOf({ filePath: first })]);
		expect(a).toBe(b);
		// Touched while the build renders: the update's page, its list and the overview still agree.
		utimesSync(first, new Date('2026-03-20T09:00:00Z'), new Date('2026-03-20T09:00:00Z'));
		expect((await timesOf({ filePath: first })).changedAt).toBe(Date.parse('2026-03-06T09:00:00Z'));
		expect((await timesOf({ filePath: second })).changedAt).toBe(Date.parse('2026-03-13T09:00:00Z'));
	});
});
