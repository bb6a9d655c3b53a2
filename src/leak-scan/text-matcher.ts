/**
 * Finds which of many patterns (tens of thousands of sentences of every client) occur in a text
 * in one pass over the text, instead of one `includes` per pattern. Each position's next three
 * UTF-16 code units are looked up among the patterns' first three (a bitmap rejects most
 * positions at once); only the patterns starting there, narrowed by their first eight code
 * units, are compared in full. Patterns shorter than three code units are checked one by one.
 *
 * With `isWordChar`, a pattern counts only where it is not glued to more of a word: when its
 * first (last) code unit is a word character, the one before (after) it in the text must not be.
 */
const PREFIX = 3;
const LONG = 8;
const FILTER_BITS = 20;

interface Bucket {
	/** Patterns of PREFIX to LONG-1 code units starting with this prefix. */
	short: number[];
	/** Longer patterns by their first LONG code units. */
	long: Map<string, number[]>;
}

/** The three code units at `at`, as one exact number (48 bits fit a double). */
const keyAt = (text: string, at: number) => (text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)) * 0x10000 + text.charCodeAt(at + 2);
const filterIndex = (text: string, at: number) =>
	((text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) >>> 0) & ((1 << FILTER_BITS) - 1);

export class TextMatcher {
	private readonly buckets = new Map<number, Bucket>();
	private readonly filter = new Uint8Array(1 << FILTER_BITS);
	private readonly tiny: number[] = [];

	constructor(
		private readonly patterns: readonly string[],
		private readonly isWordChar?: (code: number) => boolean,
	) {
		patterns.forEach((pattern, id) => {
			if (pattern.length < PREFIX) {
				this.tiny.push(id);
				return;
			}
			const key = keyAt(pattern, 0);
			let bucket = this.buckets.get(key);
			if (!bucket) {
				bucket = { short: [], long: new Map() };
				this.buckets.set(key, bucket);
				this.filter[filterIndex(pattern, 0)] = 1;
			}
			if (pattern.length < LONG) bucket.short.push(id);
			else {
				const head = pattern.slice(0, LONG);
				const ids = bucket.long.get(head);
				if (ids) ids.push(id);
				else bucket.long.set(head, [id]);
			}
		});
	}

	/** Adds the id (index in the constructor's list) of every pattern found in `text` to `found`. */
	findIn(text: string, found: Set<number>): void {
		const { patterns, buckets, filter } = this;
		for (const id of this.tiny) {
			const pattern = patterns[id]!;
			if (found.has(id)) continue;
			if (!pattern) {
				found.add(id);
				continue;
			}
			for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
				if (this.bounded(text, at, pattern)) {
					found.add(id);
					break;
				}
			}
		}
		const last = text.length - PREFIX;
		for (let at = 0; at <= last; at++) {
			if (!filter[filterIndex(text, at)]) continue;
			const bucket = buckets.get(keyAt(text, at));
			if (!bucket) continue;
			for (const id of bucket.short) if (text.startsWith(patterns[id]!, at) && this.bounded(text, at, patterns[id]!)) found.add(id);
			if (bucket.long.size === 0 || at + LONG > text.length) continue;
			const ids = bucket.long.get(text.slice(at, at + LONG));
			if (ids) for (const id of ids) if (text.startsWith(patterns[id]!, at) && this.bounded(text, at, patterns[id]!)) found.add(id);
		}
	}

	/** Whether `pattern`, found at `at`, starts and ends at word boundaries (always, without `isWordChar`). */
	private bounded(text: string, at: number, pattern: string): boolean {
		const isWordChar = this.isWordChar;
		if (!isWordChar) return true;
		const end = at + pattern.length;
		if (at > 0 && isWordChar(pattern.charCodeAt(0)) && isWordChar(text.charCodeAt(at - 1))) return false;
		return !(end < text.length && isWordChar(pattern.charCodeAt(pattern.length - 1)) && isWordChar(text.charCodeAt(end)));
	}
}
