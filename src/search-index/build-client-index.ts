import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';

const CLIENTS_AT_ONCE = 4;

/**
 * Pagefind's bundled interfaces (Glasshouse ships its own search page) and its Web Worker (the
 * index is loaded with `noWorker`, see load-pagefind.ts): not published.
 */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

/**
 * Closing tags of elements that end a run of text, right before the next tag. Pagefind reads
 * `<th>Set-up effort</th><th>Outage risk</th>` or `<dd>Aoife Brennan</dd><dd>Brightline …` as one
 * word ("effortOutage", "BrennanBrightline"), so neither word can be found there.
 */
const BLOCK_END =
	/(<\/(?:address|article|aside|blockquote|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)>)(?=<)/gi;

/** A page's HTML as Pagefind should read it: a line break after each element that ends a run of text, so words either side stay apart. */
export function separateBlocks(html: string): string {
	return html.replace(BLOCK_END, '$1\n');
}

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
			const root = path.join(outDir, client);
			const pages = (await listFiles(root)).filter((file) => file.endsWith('.html'));
			// Each page read here rather than by `addDirectory`, to keep words of neighbouring elements apart (`separateBlocks`).
			const htmls = await mapLimit(pages, FILE_CONCURRENCY, async (file) => separateBlocks(await readFile(path.join(root, file), 'utf8')));
			// Added one at a time in file order: Pagefind numbers pages as they arrive and every index file
			// holds those numbers, so pages added as their reads finished gave the same pages another index
			// (and ties in the results another order) from one build to the next.
			const added = [];
			for (const [at, file] of pages.entries()) {
				const result = await index.addHTMLFile({ sourcePath: file.split(path.sep).join('/'), content: htmls[at]! });
				if (result.errors.length) throw new Error(`search index for ${client}, ${file}: ${result.errors.join('; ')}`);
				added.push(result.file);
			}
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
			return { client, pages: added.length, files: kept.length };
		});
	} finally {
		await pagefind.close();
	}
}
