import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import { useTranslations } from '@/i18n/translate';
import { ROOT } from '../support/build-site';

const dir = path.join(ROOT, 'src/i18n');
const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8')) as Record<string, string>;

describe('translations', () => {
	it('has one catalogue per locale, each with exactly the English keys and no empty string', () => {
		expect(
			readdirSync(dir)
				.filter((file) => file.endsWith('.json'))
				.sort(),
		).toEqual(LOCALES.map((locale) => `${locale}.json`).sort());
		const keys = Object.keys(catalogue('en')).sort();
		for (const locale of LOCALES) {
			const messages = catalogue(locale);
			expect(Object.keys(messages).sort(), locale).toEqual(keys);
			expect(
				Object.entries(messages).filter(([, text]) => !text.trim()),
				locale,
			).toEqual([]);
		}
	});

	it('fills placeholders', () => {
		expect(useTranslations('en')('overview.progressValue', { percent: 40 })).toBe('40% complete');
		expect(useTranslations('zh-CN')('overview.progressValue', { percent: 40 })).toBe('已完成 40%');
	});
});
