import type { Locale } from '@/i18n/locales';

/**
 * An amount of money in the client's currency and locale, signed (+ adds cost, − saves it):
 * whole amounts without cents, others with the currency's usual decimals.
 */
export function formatMoney(amount: number, currency: string, locale: Locale, signed = true): string {
	return new Intl.NumberFormat(locale, {
		style: 'currency',
		currency,
		signDisplay: signed ? 'exceptZero' : 'auto',
		...(Number.isInteger(amount) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
	}).format(amount);
}

/** Days on the schedule, signed and pluralised by the locale ("+1 day", "−3 days", "+4天"). */
export function formatDays(days: number, locale: Locale, signed = true): string {
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: 'day',
		unitDisplay: 'long',
		signDisplay: signed ? 'exceptZero' : 'auto',
	}).format(days);
}
