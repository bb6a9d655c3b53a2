import type { BuildStamp, Envelope } from '@/runtime/crypto/envelope';
import type { Keyring } from '@/runtime/crypto/keyring';
import type { Locale } from '@/i18n/locales';
import { useTranslations } from '@/i18n/translate';

export interface ShellInput {
	locale: Locale;
	agency: string;
	base: string;
	client: string;
	rememberDays: number;
	keyring: Keyring;
	/** Authenticated with the page (its AAD), so the gate can trust it to detect rollback. */
	build: BuildStamp;
	envelope: Envelope;
	/** URLs of the unlock script and the lock screen's stylesheet. */
	assets: { script: string; style: string };
	/**
	 * The shared stylesheets (`/_astro/`) the page links: fetched while the key is derived, so the
	 * decrypted page does not wait another round trip for its styles.
	 */
	stylesheets?: string[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** JSON that cannot close its <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The page a visitor receives: a lock screen, the client's keyring and the page's ciphertext.
 * Its title and metadata name only the agency, never the client or anything it wrote.
 */
export function renderShell(input: ShellInput): string {
	const t = useTranslations(input.locale);
	// The unlock code's own messages are not here: it carries them for every locale (gate-messages.ts),
	// fetched once and cached, where these bytes came with every page. `lang` says which to use.
	const config = {
		v: 1,
		client: input.client,
		base: input.base,
		build: input.build,
		rememberDays: input.rememberDays,
		keyring: input.keyring,
	};
	const title = t('gate.documentTitle', { agency: input.agency });
	return `<!doctype html>
<html lang="${input.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(t('gate.title'))}">
<link rel="icon" href="${escapeHtml(input.base)}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${escapeHtml(input.assets.style)}">
<script type="module" src="${escapeHtml(input.assets.script)}" blocking="render"></script>
${(input.stylesheets ?? []).map((href) => `<link rel="preload" href="${escapeHtml(href)}" as="style">\n`).join('')}</head>
<body>
<main class="gh-card">
<div class="gh-lock" aria-hidden="true"></div>
<p class="gh-agency">${escapeHtml(input.agency)}</p>
<h1>${escapeHtml(t('gate.title'))}</h1>
<p class="gh-lead">${escapeHtml(t('gate.lead', { agency: input.agency }))}</p>
<div class="gh-body">
<p class="gh-status">${escapeHtml(t('gate.noscript'))}</p>
<form data-gh-form hidden>
<input type="text" name="username" autocomplete="username" value="${escapeHtml(input.client)}" hidden>
<label for="gh-password">${escapeHtml(t('gate.password'))}</label>
<div class="gh-field">
<input id="gh-password" name="password" type="password" autocomplete="current-password" required>
<button type="button" class="gh-reveal" aria-pressed="false" aria-controls="gh-password">${escapeHtml(t('gate.showPassword'))}</button>
</div>
${
	input.rememberDays > 0
		? `<label class="gh-remember"><input type="checkbox" name="remember" checked aria-describedby="gh-remember-hint">${escapeHtml(t('gate.remember'))}</label>
<p class="gh-hint" id="gh-remember-hint">${escapeHtml(t('gate.rememberHint'))}</p>
`
		: ''
}<button type="submit" class="gh-submit">${escapeHtml(t('gate.unlock'))}</button>
</form>
</div>
</main>
<script type="application/json" id="gh-config">${scriptJson(config)}</script>
<script type="application/json" id="gh-payload">${scriptJson(input.envelope)}</script>
</body>
</html>
`;
}
