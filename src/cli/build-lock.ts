import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Output } from './output';

const WAIT_MS = 250;
const GIVE_UP_MS = 30 * 60 * 1000;

/**
 * Runs `work` while holding `.glasshouse/build.lock` in `root`. Astro writes generated modules
 * into the project's `.astro/` folder whatever the content folder, so two builds in one checkout
 * at the same time (a watch script and a manual build, or parallel test workers) would render
 * with each other's content. A lock left by a process that no longer runs is taken over.
 */
export async function withBuildLock<T>(root: string, output: Output, work: () => Promise<T>): Promise<T> {
	const lock = lockFile(root);
	const started = Date.now();
	let told = false;
	for (;;) {
		const holder = await tryLock(lock);
		if (holder === undefined) break;
		if (Date.now() - started > GIVE_UP_MS)
			throw new Error(`another build (process ${holder}) has held ${path.relative(root, lock)} for 30 minutes; stop it or delete the file`);
		if (!told) output.info(`Waiting for another build in this folder to finish (process ${holder})…`);
		told = true;
		await sleep(WAIT_MS);
	}
	try {
		return await work();
	} finally {
		await rm(lock, { force: true });
	}
}

/**
 * Runs `work` holding the build lock if no running build holds it; returns undefined without
 * waiting otherwise. For tidying up what a build left behind, which must never happen under a
 * build that is running in another process.
 */
export async function unlessBuilding<T>(root: string, work: () => Promise<T>): Promise<T | undefined> {
	const lock = lockFile(root);
	if ((await tryLock(lock)) !== undefined) return undefined;
	try {
		return await work();
	} finally {
		await rm(lock, { force: true });
	}
}

function lockFile(root: string): string {
	return path.join(root, '.glasshouse', 'build.lock');
}

/**
 * Takes the lock and returns undefined, or returns the id of the running process that holds it.
 * The lock file appears with the process id already in it (written aside, then hard-linked into
 * place, which fails if the lock exists), so no one ever reads an empty lock and takes it over.
 */
async function tryLock(lock: string): Promise<number | undefined> {
	await mkdir(path.dirname(lock), { recursive: true });
	const claim = `${lock}.${process.pid}.${randomUUID()}`;
	await writeFile(claim, String(process.pid));
	try {
		for (;;) {
			try {
				await link(claim, lock);
				return undefined;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			}
			const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
			if (isRunning(holder)) return holder;
			await rm(lock, { force: true });
		}
	} finally {
		await rm(claim, { force: true });
	}
}

function isRunning(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, under another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
