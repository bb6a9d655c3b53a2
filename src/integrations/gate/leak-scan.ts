import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from '../glasshouse/find-broken-links';
import type { Needle } from './collect-needles';

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
	const leaks: Leak[] = [];
	const variants = needles.map((needle) => {
		const text = normalize(needle.text);
		return { needle, forms: [...new Set([text, JSON.stringify(text).slice(1, -1)])] };
	});
	for (const file of await listFiles(outDir)) {
		// File names count too: a URL is as public as the page behind it.
		const texts = [file, ...readableTexts(await readFile(path.join(outDir, file)))].map(normalize);
		for (const { needle, forms } of variants) {
			if (texts.some((text) => forms.some((form) => text.includes(form)))) leaks.push({ file: file.split(path.sep).join('/'), needle });
		}
	}
	return leaks;
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
