import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Thrown when the file is already there: scaffolds never overwrite an author's work. */
export class FileExistsError extends Error {
	constructor(readonly file: string) {
		super(`${file} already exists`);
	}
}

/**
 * Writes a new file, creating its folder. The `wx` flag makes "does it exist?" and "write it"
 * one step, so a file that appears in between is still never overwritten.
 */
export async function writeNewFile(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	try {
		await writeFile(file, text, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(file);
		throw error;
	}
}
