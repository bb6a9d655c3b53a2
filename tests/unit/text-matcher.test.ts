import { describe, expect, it } from 'vitest';
import { TextMatcher } from '@/leak-scan/text-matcher';

/** What the matcher must agree with: one `includes` per pattern. */
const naive = (patterns: string[], text: string) => patterns.flatMap((pattern, id) => (text.includes(pattern) ? [id] : []));
const found = (matcher: TextMatcher, text: string) => {
	const ids = new Set<number>();
	matcher.findIn(text, ids);
	return [...ids].sort((a, b) => a - b);
};

describe('TextMatcher', () => {
	it('finds patterns of every length, at the start, the end and overlapping', () => {
		const patterns = ['ab', 'abc', 'abcdefgh', 'abcdefghij', 'bcdefghijk', 'xyz', '项目管理', '管理', 'zzzzzzzzzzzzz', 'hij'];
		const matcher = new TextMatcher(patterns);
		const text = 'abcdefghijk … 项目管理 xy';
		expect(found(matcher, text)).toEqual(naive(patterns, text));
		expect(found(matcher, 'xyz')).toEqual([5]);
		expect(found(matcher, 'x')).toEqual([]);
		expect(found(matcher, '')).toEqual([]);
	});

	it('agrees with includes on random text over a small alphabet', () => {
		let state = 7;
		const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
		const alphabet = 'ab c"\\项目';
		const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
		const patterns = Array.from({ length: 400 }, () => word(1 + Math.floor(random() * 12)));
		const matcher = new TextMatcher(patterns);
		for (let round = 0; round < 50; round++) {
			const text = word(Math.floor(random() * 300));
			expect(found(matcher, text)).toEqual(naive(patterns, text));
		}
	});

	it('reports a pattern given twice under both ids', () => {
		const matcher = new TextMatcher(['same sentence here', 'same sentence here']);
		expect(found(matcher, 'it is the same sentence here.')).toEqual([0, 1]);
	});
});

describe('TextMatcher with word boundaries', () => {
	const isWordChar = (code: number) => code !== 0x20 && code < 0x3000;
	const found = (patterns: string[], text: string) => {
		const ids = new Set<number>();
		new TextMatcher(patterns, isWordChar).findIn(text, ids);
		return [...ids].sort((a, b) => a - b);
	};

	it('finds a pattern only where it is not glued to more of a word', () => {
		const patterns = ['go live', 'supplier insolvency', 'ab'];
		expect(found(patterns, 'we go live now')).toEqual([0]);
		expect(found(patterns, 'ergo live')).toEqual([]);
		expect(found(patterns, 'go lively')).toEqual([]);
		expect(found(patterns, 'supplier insolvency')).toEqual([1]);
		expect(found(patterns, 'xsupplier insolvency supplier insolvencyx')).toEqual([]);
		expect(found(patterns, 'cab ab')).toEqual([2]);
		expect(found(patterns, 'cab abc')).toEqual([]);
	});

	it('needs no boundary next to characters that are not word characters (ideographs)', () => {
		expect(found(['供应商破产', 'sanity'], '关于供应商破产风险')).toEqual([0]);
		expect(found(['供应商破产', 'sanity'], '使用sanity系统')).toEqual([1]);
	});
});
