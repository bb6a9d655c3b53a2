import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from '../glasshouse/find-broken-links';
import type { Needle } from './collect-needles';
import { FILE_CONCURRENCY, mapLimit } from '../../utils/map-limit';
import { TextMatcher } from './text-matcher';

export interface Leak {
	/** File under the output folder, relative to it. */
	file: string;
	needle: Needle;
}

/** Long runs of base64 are ciphertext (or encoded binary, decoded and scanned separately). */
const BASE64_RUN = /[A-Za-z0-9+/=_-]{200,}/g;
const DATA_URI = /data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)/g;

/**
 * Searches every file of the output, and every file name, for every needle: as written, HTML-escaped and JSON-escaped,
 * inside gzip-compressed files (Pagefind's) and inside base64 `data:` URIs. Returns each leak.
 */
export async function scanForLeaks(outDir: string, needles: Needle[]): Promise<Leak[]> {
	if (needles.length === 0) return [];
	// Every spelling of every needle, all searched for in one pass over each text.
	const forms: string[] = [];
	const needleOf: number[] = [];
	needles.forEach((needle, index) => {
		const text = normalize(needle.text);
		for (const form of new Set([text, JSON.stringify(text).slice(1, -1)])) {
			forms.push(form);
			needleOf.push(index);
		}
	});
	const matcher = new TextMatcher(forms);
	const perFile = await mapLimit(await listFiles(outDir), FILE_CONCURRENCY, async (file) => {
		const found = new Set<number>();
		// File names count too: a URL is as public as the page behind it.
		for (const text of [file, ...readableTexts(await readFile(path.join(outDir, file)))]) matcher.findIn(normalize(text), found);
		const indexes = [...new Set([...found].map((form) => needleOf[form]!))].sort((a, b) => a - b);
		return indexes.map((index): Leak => ({ file: file.split(path.sep).join('/'), needle: needles[index]! }));
	});
	return perFile.flat();
}

function readableTexts(bytes: Buffer): string[] {
	const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? tryGunzip(bytes) : bytes;
	const text = raw.toString('utf8');
	const texts = [text.replace(BASE64_RUN, ' ')];
	for (const [, , data] of text.matchAll(DATA_URI)) texts.push(...readableTexts(Buffer.from(data!, 'base64')));
	return texts;
}

function tryGunzip(bytes: Buffer): Buffer {
	try {
		return gunzipSync(bytes);
	} catch {
		return bytes;
	}
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };

/**
 * One spelling for text that the Markdown pipeline rewrites: HTML entities are decoded and
 * typographic quotes, dashes and ellipses folded, so "can't" in a source still matches "can’t"
 * in a page, and "R&D" matches "R&#x26;D". Applied to needles and scanned text alike.
 */
export function normalize(text: string): string {
	return text
		.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (entity, hex: string, decimal: string, name: string) => {
			if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
			if (decimal) return String.fromCodePoint(Number(decimal));
			return ENTITIES[name.toLowerCase()] ?? entity;
		})
		.replace(/[‘’‚‛′]/g, "'")
		.replace(/[“”„‟″]/g, '"')
		.replace(/[‐‑‒–—―]/g, '-')
		.replace(/…/g, '...')
		.replace(/--+/g, '-')
		.replace(/[\u00a0\s]+/g, ' ');
}

export function describeLeaks(leaks: Leak[]): string {
	const lines = leaks.slice(0, 25).map(({ file, needle }) => `  ${file}: "${needle.text.length > 70 ? `${needle.text.slice(0, 67)}…` : needle.text}" (from ${needle.source})`);
	const more = leaks.length > 25 ? `\n  … and ${leaks.length - 25} more` : '';
	return `${leaks.length} leak(s) of client content found in the output:\n${lines.join('\n')}${more}`;
}
