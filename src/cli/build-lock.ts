import { mkdir, open, readFile, rm } from 'node:fs/promises';
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
	const lock = path.join(root, '.glasshouse', 'build.lock');
	await mkdir(path.dirname(lock), { recursive: true });
	const started = Date.now();
	let told = false;
	for (;;) {
		try {
			const handle = await open(lock, 'wx');
			await handle.writeFile(String(process.pid));
			await handle.close();
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
		if (!isRunning(holder)) {
			await rm(lock, { force: true });
			continue;
		}
		if (Date.now() - started > GIVE_UP_MS) throw new Error(`another build (process ${holder}) has held ${path.relative(root, lock)} for 30 minutes; stop it or delete the file`);
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
