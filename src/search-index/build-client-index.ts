import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';

const CLIENTS_AT_ONCE = 4;

/**
 * Pagefind's bundled interfaces (Glasshouse ships its own search page) and its Web Worker (the
 * index is loaded with `noWorker`, see load-pagefind.ts): not published.
 */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

interface ClientIndexReport {
	client: string;
	pages: number;
	files: number;
}

/**
 * Builds one Pagefind index per client from that client's plaintext pages only, so no client's
 * words, URLs or filter values can reach another client's index. Files are written to
 * `dist/<client>/pagefind/`; the encryption step seals them afterwards like every other file
 * of a private client. Only pages marked `data-pagefind-body` are indexed, which leaves the
 * site chrome and the list pages out; `records` adds text found in no page (PDF attachments).
 */
export async function buildClientIndexes(
	outDir: string,
	clients: string[],
	/** Records of each client beyond its pages: the text of its PDF attachments (document-text.ts). */
	records: Record<string, pagefind.CustomRecord[]> = {},
): Promise<ClientIndexReport[]> {
	try {
		// Pagefind indexes each client on its own thread: a few clients side by side keep the cores busy.
		return await mapLimit(clients, CLIENTS_AT_ONCE, async (client) => {
			const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['[data-pagefind-ignore]', 'svg'] });
			if (!index) throw new Error(`search index for ${client}: ${errors.join('; ')}`);
			const added = await index.addDirectory({ path: path.join(outDir, client) });
			if (added.errors.length) throw new Error(`search index for ${client}: ${added.errors.join('; ')}`);
			for (const record of records[client] ?? []) {
				const response = await index.addCustomRecord(record);
				if (response.errors.length) throw new Error(`search index for ${client}: ${response.errors.join('; ')}`);
			}
			const { files, errors: fileErrors } = await index.getFiles();
			if (fileErrors.length) throw new Error(`search index for ${client}: ${fileErrors.join('; ')}`);
			const kept = files.filter((file) => !UNUSED.test(file.path));
			await mapLimit(kept, FILE_CONCURRENCY, async (file) => {
				const target = path.join(outDir, client, 'pagefind', file.path);
				await mkdir(path.dirname(target), { recursive: true });
				await writeFile(target, file.content);
			});
			await index.deleteIndex();
			return { client, pages: added.page_count, files: kept.length };
		});
	} finally {
		await pagefind.close();
	}
}
