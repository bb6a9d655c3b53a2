import { createHash } from 'node:crypto';
import { readSmallFile } from '@/lib/small-files';
import path from 'node:path';
import { listFiles } from '@/lib/list-files';
import type { Needle } from './collect-needles';
import { canonical, isSpacedWordChar } from './canonical-text';
import { decodeEscapes, readableTexts, UnreadableFileError } from './readable-texts';
import { TextMatcher } from './text-matcher';

/** The scan could not vouch for the output (a file it cannot read): nothing may be published. */
export class LeakScanError extends Error {}

export interface Leak {
	/** File under the output folder, relative to it. */
	file: string;
	needle: Needle;
	/** How the text was hidden, when it was not written as it is: "file name", "base64 → gzip", "decoded" (tags, %- or \u-escapes). */
	via?: string;
}

/** What the leak scan looks for: every distinctive text of every private client, and their attachments' bytes. */
export interface LeakScanTargets {
	needles: Needle[];
	/** Private attachments that must not be published as they are, by the base64 SHA-256 of their bytes. */
	copies: Map<string, Needle>;
}

/** Searches one file of the output: its path (with `/`) under the output folder and its bytes. */
export type FileLeakSearch = (name: string, bytes: Buffer) => Leak[];

/**
 * How unlikely a canonical needle is to turn up by chance at one place in random bytes, in bits:
 * a letter matches about 1 byte value in 64 (either case, and the accented and full-width forms
 * that fold to it), a digit 1 in 128, any other character (an ideograph: three bytes of UTF-8)
 * 1 in 65,536, a space any run of other bytes.
 */
export function chanceBits(pattern: string): number {
	let bits = 0;
	for (const char of pattern) {
		if (char === ' ') continue;
		bits += /[a-z]/.test(char) ? 6 : /[0-9]/.test(char) ? 7 : 16;
	}
	return bits;
}

/**
 * A needle counts in the text runs of ciphertext (a sealed file: random bytes after the envelope's
 * magic) only if it is this unlikely by chance. A merged 200-client agency is about 10⁹ bytes of
 * ciphertext and 5 × 10⁵ needles: with every needle counted, the bench's merge was once refused
 * for a diagram's line ("D --> A395", 33 bits) in a sealed search index file's random bytes; at
 * 72 bits, about one merge in ten million would be. A payload that was not encrypted after all
 * still shows every longer text of the page or file it holds.
 */
const MIN_BITS_IN_CIPHERTEXT = 72;

/**
 * Prepares the search of output files for every needle, in canonical form (any case, accents,
 * entities, zero-width characters, punctuation or slug: see `canonical`), in every readable form
 * of a file (see `readableTexts`: tags removed, URL and string escapes decoded, base64, gzip, zlib
 * and UTF-16 read) and in its name. A file the search cannot read (one that inflates beyond a sane
 * size) throws `LeakScanError`: it is not published unchecked. Apart from `scanForLeaks` so the
 * files of cached clients can be searched as they are restored, on another thread, with the bytes
 * read for their verification.
 */
export function leakSearch(
	needles: readonly Needle[],
	/**
	 * Files that must not be published as they are (a private client's attachments), by the
	 * base64 SHA-256 of their bytes: an output file with the same bytes is a leak whatever its name.
	 */
	copies: ReadonlyMap<string, Needle> = new Map(),
): FileLeakSearch {
	if (needles.length === 0 && copies.size === 0) return () => [];
	// Needles that are one text in canonical form are searched for once, and reported as the first.
	const forms = new Map<string, number>();
	needles.forEach((needle, index) => {
		const form = canonical(needle.text).trim();
		if (form && !forms.has(form)) forms.set(form, index);
	});
	const needleOf = [...forms.values()];
	const patterns = [...forms.keys()];
	const matcher = new TextMatcher(patterns, isSpacedWordChar);
	const countsInCiphertext = patterns.map((pattern) => chanceBits(pattern) >= MIN_BITS_IN_CIPHERTEXT);
	// Files that are byte for byte the same (Pagefind's runtime in every client folder) are read once.
	const foundIn = new Map<string, Map<number, string>>();
	const search = (bytes: Buffer): Map<number, string> => {
		const found = new Map<number, string>();
		for (const { text, via, ciphertext } of readableTexts(bytes)) {
			const ids = new Set<number>();
			matcher.findIn(canonical(text), ids);
			for (const id of ids) if (!found.has(id) && (!ciphertext || countsInCiphertext[id])) found.set(id, via);
		}
		return found;
	};
	return (name, bytes) => {
		const digest = createHash('sha256').update(bytes).digest('base64');
		let inContent = foundIn.get(digest);
		if (!inContent) {
			try {
				inContent = search(bytes);
			} catch (error) {
				if (error instanceof UnreadableFileError)
					throw new LeakScanError(
						`The leak scan cannot check ${name}: ${error.message}. Remove it from the output (public/ or wherever it comes from) and build again.`,
					);
				throw error;
			}
			foundIn.set(digest, inContent);
		}
		const found = new Map(inContent);
		const copied = copies.get(digest);
		// File names count too: a URL is as public as the page behind it.
		const inName = new Set<number>();
		matcher.findIn(canonical(`${name}\n${decodeEscapes(name)}`), inName);
		for (const id of inName) if (!found.has(id)) found.set(id, 'file name');
		// A needle inside another found in the same file (a file name's words in its title) adds nothing.
		const reported = [...found].filter(
			([id]) =>
				![...found.keys()].some(
					(other) => other !== id && patterns[other]!.length > patterns[id]!.length && patterns[other]!.includes(patterns[id]!),
				),
		);
		const leaks = reported
			.map(([id, via]) => ({ index: needleOf[id]!, via }))
			.sort((a, b) => a.index - b.index)
			.map(({ index, via }): Leak => ({ file: name, needle: needles[index]!, ...(via ? { via } : {}) }));
		return copied ? [{ file: name, needle: copied, via: 'a copy of the file' }, ...leaks] : leaks;
	};
}

/** What `searchFiles` is given: plain data, so it can cross to a worker thread (see `scanInWorkers`). */
export interface SearchFilesInput extends LeakScanTargets {
	/** The output folder. */
	dir: string;
	/** The files to search, with `/`, under `dir`. */
	names: string[];
}

/** Searches each of the files, and its name, for every needle (see `leakSearch`). Returns each leak. */
export function searchFiles(input: SearchFilesInput): Leak[] {
	const search = leakSearch(input.needles, input.copies);
	return input.names.flatMap((name) => search(name, readSmallFile(path.join(input.dir, name))));
}

/** Every file under `dir`, with `/`. */
export const outputFiles = async (dir: string) => (await listFiles(dir)).map((file) => file.split(path.sep).join('/'));

/**
 * Searches every file of the output, and every file name, for every needle (see `leakSearch`),
 * but those `skip` says were searched already. Returns each leak.
 */
export async function scanForLeaks(
	outDir: string,
	needles: Needle[],
	copies: Map<string, Needle> = new Map(),
	/** Files (paths with `/` under `outDir`) searched elsewhere in this build: the restored files of cached clients. */
	skip: (name: string) => boolean = () => false,
): Promise<Leak[]> {
	if (needles.length === 0 && copies.size === 0) return [];
	return searchFiles({ dir: outDir, names: (await outputFiles(outDir)).filter((name) => !skip(name)), needles, copies });
}

export function describeLeaks(leaks: readonly Leak[]): string {
	const lines = leaks
		.slice(0, 25)
		.map(
			({ file, needle, via }) =>
				`  ${file}: "${needle.text.length > 70 ? `${needle.text.slice(0, 67)}…` : needle.text}" (from ${needle.source})${via ? ` [${via}]` : ''}`,
		);
	const more = leaks.length > 25 ? `\n  … and ${leaks.length - 25} more` : '';
	return `${leaks.length} leak(s) of client content found in the output:\n${lines.join('\n')}${more}`;
}
