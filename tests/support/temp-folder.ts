import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes `files` (path below the folder → contents) under a new temporary folder and returns it. */
export async function folder(prefix: string, files: Record<string, string | Uint8Array>): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), prefix));
	for (const [file, data] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), data);
	}
	return dir;
}
