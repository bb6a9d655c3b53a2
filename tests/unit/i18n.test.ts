import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/i18n/locales';
import { formatMessage } from '@/i18n/format-message';
import { useTranslations, type MessageKey } from '@/i18n/translate';
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
		expect(formatMessage('{a} and {b}, {missing}', { a: 1, b: '{b}' }, 'en')).toBe('1 and {b}, {missing}');
		expect(useTranslations('en')('overview.progressValue', { percent: 40 })).toBe('40% complete');
		expect(useTranslations('zh-CN')('overview.progressValue', { percent: 40 })).toBe('已完成 40%');
	});

	it('picks the plural form of the language: "1 day", "2 days" in English, one form in Chinese', () => {
		const en = useTranslations('en');
		const zh = useTranslations('zh-CN');
		expect(en('milestones.slipped', { days: 1 })).toBe('1 day later than planned');
		expect(en('milestones.slipped', { days: 21 })).toBe('21 days later than planned');
		expect(en('diagram.forecastBar', { days: 1 })).toBe('Forecast: 1 day later');
		expect(en('diagram.forecastBar', { days: 1200 })).toBe('Forecast: 1,200 days later');
		expect(en('risks.reviewWasDue', { date: '1 Dec', days: 1 })).toBe('review was due 1 Dec; open risks are reviewed every day');
		expect(en('risks.reviewWasDue', { date: '1 Dec', days: 30 })).toBe('review was due 1 Dec; open risks are reviewed every 30 days');
		expect(zh('milestones.slipped', { days: 1 })).toBe('比计划晚 1 天');
		expect(zh('diagram.forecastBar', { days: 3 })).toBe('预测：推迟 3 天');
	});

	it('chooses the plural of a signed figure by its number and shows it with its sign: "+1 day", "-2 days"', () => {
		const en = useTranslations('en');
		const signed = new Intl.NumberFormat('en', { signDisplay: 'exceptZero' });
		expect(en('decisions.scheduleDays', { days: signed.format(1) })).toBe('+1 day on the schedule');
		expect(en('decisions.scheduleDays', { days: signed.format(-1) })).toBe('-1 day on the schedule');
		expect(en('decisions.scheduleDays', { days: signed.format(-2) })).toBe('-2 days on the schedule');
		expect(en('digest.days', { days: signed.format(1) })).toBe('+1 day');
		expect(en('digest.days', { days: signed.format(14) })).toBe('+14 days');
	});

	it('formats plurals as ICU MessageFormat does: exact numbers first, # for the number, other arguments inside', () => {
		const message = '{n, plural, =0 {no items} one {# item for {who}} other {# items for {who}}}, #1';
		expect(formatMessage(message, { n: 0, who: 'Ana #2' }, 'en')).toBe('no items, #1');
		expect(formatMessage(message, { n: 1, who: 'Ana #2' }, 'en')).toBe('1 item for Ana #2, #1');
		expect(formatMessage(message, { n: 2, who: 'Ana #2' }, 'en')).toBe('2 items for Ana #2, #1');
		// Polish has more forms than English: the rules are the language's own.
		const pl = '{n, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}';
		expect([1, 2, 5, 1.5].map((n) => formatMessage(pl, { n }, 'pl'))).toEqual(['1 dzień', '2 dni', '5 dni', '1,5 dnia']);
		expect(() => formatMessage('{n, plural, one {# day}}', { n: 2 }, 'en')).toThrow(/"other/);
		expect(() => formatMessage('{n, plural, one {# day} other {# days}', { n: 2 }, 'en')).toThrow(/expected a "}"/);
	});

	it('has only messages that format: braces balanced, every plural with an "other" form', () => {
		for (const locale of LOCALES) {
			const t = useTranslations(locale);
			for (const key of Object.keys(catalogue(locale)) as MessageKey[]) {
				const names = [...catalogue(locale)[key]!.matchAll(/\{(\w+)/g)].map((match) => match[1]!);
				const vars = Object.fromEntries(names.map((name) => [name, 2]));
				expect(() => t(key, vars), `${locale} ${key}`).not.toThrow();
				expect(t(key, vars), `${locale} ${key}`).not.toMatch(/\{\w+\}|plural,/);
			}
		}
	});
});
