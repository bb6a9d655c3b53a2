import { LOCALES, type Locale } from '@/i18n/locales';
import { useTranslations } from '@/i18n/translate';
import type { GateMessage } from '@/runtime/lock-screen';

/** What the unlock code may say after it starts (the shell's own markup says the rest). */
const GATE_MESSAGES: GateMessage[] = [
	'gate.opening',
	'gate.unlocking',
	'gate.wrongPassword',
	'gate.linkInvalid',
	'gate.linkIncomplete',
	'gate.badAddress',
	'gate.accessChanged',
	'gate.tampered',
	'gate.unsupported',
	'gate.unlocked',
	'gate.failed',
];

/**
 * The unlock code's messages in every interface language, built into its script (one file, cached
 * across pages and clients) rather than into each page's shell, which a visitor fetches again for
 * every page: half a kilobyte of every shell, gzipped. The gate picks the shell's `lang`.
 */
export function gateMessages(): Record<Locale, Record<GateMessage, string>> {
	return Object.fromEntries(
		LOCALES.map((locale) => {
			const t = useTranslations(locale);
			return [locale, Object.fromEntries(GATE_MESSAGES.map((key) => [key, t(key)]))];
		}),
	) as Record<Locale, Record<GateMessage, string>>;
}
