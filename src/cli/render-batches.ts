import { copyFile, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { renderClients, type RenderClientsInput } from '@/cli/render-clients';

export class BatchMismatchError extends Error {}

/**
 * The client-subset build in batches: one `renderClients` run per batch (each a list of whole
 * clients; one batch is exactly `renderClients`), one after another in this process, the first into `outDir`, each other into a folder
 * beside it whose client folders are then moved into `outDir`. The site-wide files every run writes
 * (root and 404 pages, `public/`'s files, `/_astro/`, `/_glasshouse/`, `_headers`) must be
 * byte-identical between runs: a difference stops the build (`BatchMismatchError`), as the merge
 * of shards does. A file only some runs write (`/_glasshouse/` when only they have a private
 * client) is copied in. Throws on any failure after removing every batch's folder and `outDir`.
 * Returns the number of pages of the assembled output.
 */
export async function renderInBatches(input: RenderClientsInput & { batches: readonly (readonly string[])[] }): Promise<number> {
	const { batches, outDir, output } = input;
	const batchDir = (index: number) => (index === 0 ? outDir : `${outDir}.batch-${index + 1}`);
	// One batch keeps the caller's choice: absent `clients`, Astro reads every client's folder.
	if (batches.length <= 1) return renderClients(input);
	try {
		for (const [index, clients] of batches.entries()) {
			output.info(`batch ${index + 1}/${batches.length}: ${clients.length} client(s): ${clients.join(', ')}`);
			await renderClients({ ...input, clients, outDir: batchDir(index) });
			if (index > 0) await moveBatchInto(batchDir(index), outDir, clients);
		}
		// Every run wrote the root and 404 pages; the site has one of each.
		return (await listFiles(outDir)).filter((file) => file.endsWith('.html')).length;
	} catch (error) {
		await Promise.all(batches.map((_, index) => rm(batchDir(index), { recursive: true, force: true })));
		throw error;
	}
}

/**
 * Renders `clients` after the main run wrote `outDir` (clients whose cache entry was refused while
 * it rendered): one more run into a folder beside it, moved in as a batch is (see `moveBatchInto`).
 * Returns the number of pages it rendered.
 */
export async function renderLate(input: RenderClientsInput & { clients: readonly string[] }): Promise<number> {
	const late = `${input.outDir}.late`;
	try {
		const pages = await renderClients({ ...input, outDir: late });
		await moveBatchInto(late, input.outDir, input.clients);
		return pages;
	} finally {
		await rm(late, { recursive: true, force: true });
	}
}

/**
 * Moves `clients`' folders of one batch's output into the output of the first, and checks that
 * every other file of the batch (the site-wide files) is already there byte for byte, or copies it
 * in when the first run did not write it. Removes the batch's folder.
 */
export async function moveBatchInto(batchDir: string, outDir: string, clients: readonly string[]): Promise<void> {
	const own = new Set(clients);
	const entries = await readdir(batchDir, { withFileTypes: true });
	const differing: string[] = [];
	for (const entry of entries) {
		if (entry.isDirectory() && own.has(entry.name)) {
			// A client's folder is written by the one run that renders that client.
			await rename(path.join(batchDir, entry.name), path.join(outDir, entry.name));
			continue;
		}
		const files = entry.isDirectory()
			? (await listFiles(path.join(batchDir, entry.name))).map((file) => path.join(entry.name, file))
			: [entry.name];
		await mapLimit(files, FILE_CONCURRENCY, async (file) => {
			const [written, existing] = await Promise.all([
				readFile(path.join(batchDir, file)),
				readFile(path.join(outDir, file)).catch((error: NodeJS.ErrnoException) => {
					if (error.code === 'ENOENT') return undefined;
					throw error;
				}),
			]);
			if (existing === undefined) {
				await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
				await copyFile(path.join(batchDir, file), path.join(outDir, file));
			} else if (!existing.equals(written)) differing.push(file);
		});
	}
	await rm(batchDir, { recursive: true, force: true });
	if (differing.length)
		throw new BatchMismatchError(
			`The batches of this build wrote different site-wide files (${differing.sort().slice(0, 5).join(', ')}${differing.length > 5 ? ', …' : ''}), which must be the same whichever clients a run renders. Build with --batch-pages 0 (one Astro run) and report this as a bug.`,
		);
}
