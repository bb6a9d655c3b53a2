import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unlessBuilding, withBuildLock } from '@/cli/build-lock';
import type { Output } from '@/cli/output';

let root: string;
const lines: string[] = [];
const output = {
	info: (line: string) => lines.push(line),
	error: (line: string) => lines.push(line),
	warn: (line: string) => lines.push(line),
} as unknown as Output;
const lockFile = () => path.join(root, '.glasshouse', 'build.lock');

beforeEach(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'glasshouse-lock-'));
	lines.length = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('withBuildLock', () => {
	it('holds the lock with its process id while working, and removes it after', async () => {
		const seen = await withBuildLock(root, output, () => readFile(lockFile(), 'utf8'));
		expect(seen).toBe(String(process.pid));
		await expect(readFile(lockFile(), 'utf8')).rejects.toThrow();
	});

	it('runs two builds one after the other, never at the same time', async () => {
		const events: string[] = [];
		const job = (name: string) =>
			withBuildLock(root, output, async () => {
				events.push(`${name} start`);
				await new Promise((resolve) => setTimeout(resolve, 300));
				events.push(`${name} end`);
			});
		await Promise.all([job('a'), job('b')]);
		// Either may take the lock first (both ask at once); the other starts only once the first ended.
		const first = events[0]!.split(' ')[0]!;
		const second = first === 'a' ? 'b' : 'a';
		expect(events).toEqual([`${first} start`, `${first} end`, `${second} start`, `${second} end`]);
		expect(lines.some((line) => line.startsWith('Waiting for another build'))).toBe(true);
	});

	it('takes over a lock left by a process that no longer runs', async () => {
		await mkdir(path.dirname(lockFile()), { recursive: true });
		await writeFile(lockFile(), '2147483646');
		expect(await withBuildLock(root, output, async () => 'built')).toBe('built');
		expect(lines).toEqual([]);
	});

	it('releases the lock when the build fails', async () => {
		await expect(
			withBuildLock(root, output, async () => {
				throw new Error('render failed');
			}),
		).rejects.toThrow('render failed');
		expect(await withBuildLock(root, output, async () => 'next build')).toBe('next build');
	});
});

describe('unlessBuilding', () => {
	it('runs the work under the lock when no build runs, and skips it without waiting while one does', async () => {
		expect(await unlessBuilding(root, () => readFile(lockFile(), 'utf8'))).toBe(String(process.pid));
		await expect(readFile(lockFile(), 'utf8')).rejects.toThrow();
		const skipped = await withBuildLock(root, output, () => unlessBuilding(root, async () => 'tidied'));
		expect(skipped).toBeUndefined();
		await writeFile(lockFile(), '2147483646');
		expect(await unlessBuilding(root, async () => 'tidied')).toBe('tidied');
		// Released, and the claim file it was linked from is gone too.
		expect(await readdir(path.dirname(lockFile()))).toEqual([]);
	});
});
