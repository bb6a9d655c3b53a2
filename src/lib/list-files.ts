import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Paths of all files under `dir`, relative to it, sorted. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
	const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
	// Sub-folders side by side: a built site has a folder per page.
	const nested = await Promise.all(
		entries.map(async (entry) => {
			const relative = path.join(prefix, entry.name);
			if (entry.isDirectory()) return listFiles(dir, relative);
			return entry.isFile() ? [relative] : [];
		}),
	);
	return nested.flat().sort();
}
