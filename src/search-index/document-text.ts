import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import type { CustomRecord } from 'pagefind';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';
import type { LoadedContent } from '@/loader/load-content';
import { href } from '@/lib/href';

/** Text beyond this many characters per file is left out: the index grows with every word. */
const MAX_TEXT_CHARACTERS = 200_000;

/**
 * Simplified-Chinese characters that pdf.js returns as CJK Radicals Supplement code points when a
 * font maps the glyph there (门 as ⻔ U+2ED4). Unicode gives these no decomposition, so NFKC leaves
 * them: each is mapped to the ideograph people type.
 */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
	'⺰': '纟',
	'⻅': '见',
	'⻆': '角',
	'⻈': '讠',
	'⻉': '贝',
	'⻋': '车',
	'⻐': '钅',
	'⻓': '长',
	'⻔': '门',
	'⻙': '韦',
	'⻚': '页',
	'⻛': '风',
	'⻜': '飞',
	'⻠': '饣',
	'⻢': '马',
	'⻥': '鱼',
	'⻦': '鸟',
	'⻧': '卤',
	'⻨': '麦',
	'⻩': '黄',
	'⻪': '黾',
	'⻬': '齐',
	'⻮': '齿',
	'⻰': '龙',
	'⻳': '龟',
};

/**
 * The text of a PDF, as search should match it. pdf.js maps some CJK glyphs to the Kangxi radicals
 * block (⽂ U+2F42 for 文) and Latin ligatures to their ligature characters; NFKC folds both back
 * to the characters people type, and the radicals supplement is mapped by hand (above).
 * Whitespace runs become single spaces.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	try {
		const { text } = await extractText(pdf, { mergePages: true });
		return text
			.normalize('NFKC')
			.replace(/[\u2e80-\u2eff]/g, (radical) => RADICAL_SUPPLEMENT[radical] ?? radical)
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, MAX_TEXT_CHARACTERS);
	} finally {
		await pdf.destroy();
	}
}

/**
 * One search record per PDF attachment of each client, for its index only: the text found by a
 * query leads to the document's page. The text never reaches a page: for a private client it is
 * only ever inside the sealed index. A PDF without a text layer (a scan) or one pdf.js cannot read
 * adds nothing, and says so through `onUnreadable`.
 */
export async function documentTextRecords(
	content: LoadedContent,
	plan: AttachmentPlan,
	/** Private clients' document page segments: their pages are not at their ids. */
	segments: Record<string, Record<string, string>>,
	onUnreadable: (client: string, file: string) => void = () => undefined,
): Promise<Record<string, CustomRecord[]>> {
	const records: Record<string, CustomRecord[]> = {};
	for (const client of content.clients) {
		const locale = client.client?.value.locale ?? 'en';
		const list: CustomRecord[] = [];
		for (const { value } of client.documents) {
			for (const file of value.files) {
				const attachment = plan[client.slug]?.[`${value.id}/${file}`];
				if (!attachment || attachment.type !== 'application/pdf') continue;
				const text = await readFile(attachment.source)
					.then(pdfText)
					.catch(() => '');
				if (!text) {
					onUnreadable(client.slug, file);
					continue;
				}
				list.push({
					// Below the client folder, as Pagefind records the client's pages (the search page adds the folder).
					url: href('/', 'documents', segments[client.slug]?.[value.id] ?? value.id),
					content: text,
					// Pagefind splits indexes by language: the client's pages are in the client's.
					language: locale.toLowerCase(),
					meta: { title: `${value.title} · ${file}`, type: 'document', date: value.date },
					filters: { type: ['document'], status: [value.category], year: [value.date.slice(0, 4)] },
					sort: { date: value.date },
				});
			}
		}
		records[client.slug] = list;
	}
	return records;
}
