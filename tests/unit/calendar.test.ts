import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, nextWeekday } from '@/lib/calendar';
import { nextUpdateDate } from '@/kinds/update/next-update-date';
import { formatDate } from '@/lib/format-date';

describe('calendar', () => {
	it('does day arithmetic across month and year ends', () => {
		expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
		expect(daysBetween('2026-11-13', '2026-12-04')).toBe(21);
		expect(daysBetween('2026-12-04', '2026-11-13')).toBe(-21);
	});

	it('finds the next weekday strictly after a day', () => {
		expect(nextWeekday('2026-11-20', 'friday')).toBe('2026-11-27'); // a Friday
		expect(nextWeekday('2026-11-22', 'friday')).toBe('2026-11-27'); // a Sunday
		expect(nextWeekday('2026-11-22', 'monday')).toBe('2026-11-23');
	});
});

describe('nextUpdateDate', () => {
	it('follows weekly, fortnightly and monthly cadences', () => {
		expect(nextUpdateDate('2026-11-20', { every: 'week', day: 'friday' })).toBe('2026-11-27');
		expect(nextUpdateDate('2026-11-20', { every: 'two-weeks', day: 'friday' })).toBe('2026-12-04');
		expect(nextUpdateDate('2026-11-20', { every: 'month', day: 'monday' })).toBe('2026-12-07');
		expect(nextUpdateDate('2026-12-15', { every: 'month', day: 'friday' })).toBe('2027-01-01');
	});
});

describe('formatDate', () => {
	it('formats for the locale without shifting the day', () => {
		expect(formatDate('2026-11-20', 'en', 'long')).toBe('November 20, 2026');
		expect(formatDate('2026-11-20', 'zh-CN', 'long')).toBe('2026年11月20日');
	});
});
