import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { unlessBuilding } from './build-lock';
import type { Output } from './output';

/** Where `glasshouse build` renders before moving the finished site into place. */
export function stagingRoot(root: string): string {
	return path.join(root, '.glasshouse', 'staging');
}

/**
 * Removes the staging folders a killed or crashed build left behind: they hold its rendered pages
 * in plaintext, before encryption. Run when any command starts; skipped while a build in another
 * process holds the build lock (its staging folder is in use), and the lock is held meanwhile so
 * no build can start into a folder being removed. A failure only warns: the command itself can
 * still run, and the next one tries again.
 */
export async function removeStaleStaging(root: string, output: Output): Promise<void> {
	const staging = stagingRoot(root);
	const left = await readdir(staging).catch(() => []);
	if (left.length === 0) return;
	try {
		const removed = await unlessBuilding(root, async () => {
			await rm(staging, { recursive: true, force: true });
			return true;
		});
		if (removed)
			output.warn(`Removed ${path.relative(process.cwd(), staging) || staging}/: plaintext pages of a build that did not finish.`);
	} catch (error) {
		output.warn(
			`Could not remove ${staging}, which may hold plaintext pages of a build that did not finish (${(error as Error).message}). Delete it by hand.`,
		);
	}
}
