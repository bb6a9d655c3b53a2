/**
 * The unlock code of a private page (shipped as /_glasshouse/gate.<hash>.js). It opens the page
 * with, in order: a share link's fragment, a key remembered on this device, or a password typed
 * into the lock screen. Nothing is rendered unless the page's ciphertext authenticates.
 */
import { fromUtf8 } from './crypto/bytes';
import { decryptingFetch } from './decrypting-fetch';
import { open, pageAad, type BuildStamp } from './crypto/envelope';
import { deriveSlotKey, linkSlotId, parseKeyring, unwrapContentKey, type Keyring } from './crypto/keyring';
import { normalizePagePath } from './crypto/page-path';
import { forgetKey, loadKey, saveKey, sessionId, SESSION_MAX_MS } from './key-store';
import { lockScreen, type GateMessage } from './lock-screen';
import { renderPage } from './render-page';
import { sealedIndex } from './search/sealed-index';

interface GateConfig {
	v: 1;
	client: string;
	base: string;
	build: BuildStamp;
	rememberDays: number;
	strings: Record<GateMessage, string>;
	keyring: unknown;
}

/** `#<entry id>.<43-character token>`; any other fragment is an ordinary in-page anchor. */
const KEY_FRAGMENT = /^#([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z0-9_-]{43})$/;
const DAY_MS = 86_400_000;

const readJson = (id: string): unknown => JSON.parse(document.getElementById(id)?.textContent ?? 'null');

async function main(): Promise<void> {
	const config = readJson('gh-config') as GateConfig;
	const ui = lockScreen(config.strings);
	// Pages are gzip-compressed inside their envelope: DecompressionStream opens them.
	if (!globalThis.crypto?.subtle || !('indexedDB' in globalThis) || typeof DecompressionStream === 'undefined') return ui.fail('gate.unsupported');

	let keyring: Keyring;
	let path: string;
	try {
		keyring = parseKeyring(config.keyring, config.client);
		if (typeof config.build?.id !== 'string' || Number.isNaN(Date.parse(config.build?.time))) throw new Error('no build stamp');
		path = pagePath(config);
	} catch {
		return ui.fail('gate.tampered');
	}
	const storeName = `${config.base}${config.client}`;

	const show = async (contentKey: CryptoKey): Promise<void> => {
		let html: string;
		try {
			html = fromUtf8(await open(contentKey, readJson('gh-payload'), pageAad(config.client, config.build, path)));
		} catch {
			return ui.fail('gate.tampered');
		}
		renderPage(html);
		// The seam for features that load encrypted files of this client (the search index):
		// they ask for files by path and get plaintext in memory; the key itself stays private.
		const fetchDecrypted = decryptingFetch(contentKey, config.client, config.build.id, new URL(`${config.base}${config.client}/`, location.origin).href);
		(globalThis as { glasshouse?: unknown }).glasshouse = { fetchDecrypted, fetchIndexFile: sealedIndex(fetchDecrypted, config.build.id) };
		document.dispatchEvent(new CustomEvent('glasshouse:unlocked'));
		// Timing marks for benchmarks (`npm run bench:browser` reads the submit mark).
		performance.mark('glasshouse:page-shown');
		for (const button of document.querySelectorAll<HTMLElement>('[data-gh-lock]')) {
			button.hidden = false;
			button.addEventListener('click', async () => {
				await forgetKey(storeName);
				location.reload();
			});
		}
	};

	const remember = (slotKey: CryptoKey, sid: string, persistent: boolean) =>
		saveKey(storeName, persistent ? { slotKey, sid, expires: Date.now() + config.rememberDays * DAY_MS } : { slotKey, sid, expires: Date.now() + SESSION_MAX_MS, session: sessionId() });

	// A personal link pasted into a tab already showing this site is a same-document navigation.
	addEventListener('hashchange', () => {
		if (KEY_FRAGMENT.test(location.hash)) location.reload();
	});

	const fragment = KEY_FRAGMENT.exec(location.hash);
	if (fragment) {
		// The token must not linger in the address bar, history or a copied URL.
		history.replaceState(history.state, '', location.pathname + location.search);
		const token = fragment[2]!;
		try {
			const sid = await linkSlotId(token);
			const slot = keyring.slots.find((candidate) => candidate.type === 'link' && candidate.sid === sid);
			if (!slot) throw new Error('no slot');
			const slotKey = await deriveSlotKey(slot.kdf, token, config.client);
			const contentKey = await unwrapContentKey(slot, slotKey, config.client);
			await remember(slotKey, sid, config.rememberDays > 0);
			return show(contentKey);
		} catch {
			return ui.ask('gate.linkInvalid', unlockWithPassword);
		}
	}

	const stored = await loadKey(storeName);
	if (stored) {
		const slot = keyring.slots.find((candidate) => candidate.sid === stored.sid);
		try {
			if (!slot) throw new Error('slot gone');
			return show(await unwrapContentKey(slot, stored.slotKey, config.client));
		} catch {
			// The entry was revoked or rotated since this device remembered it.
			await forgetKey(storeName);
			return ui.ask('gate.accessChanged', unlockWithPassword);
		}
	}
	return ui.ask(undefined, unlockWithPassword);

	async function unlockWithPassword(password: string, rememberDevice: boolean): Promise<boolean> {
		performance.mark('glasshouse:password-submitted');
		const slots = keyring.slots.filter((slot) => slot.type === 'password');
		try {
			// One slow derivation per password slot, run side by side; the first that opens wins.
			const { slotKey, contentKey, sid } = await Promise.any(
				slots.map(async (slot) => {
					const slotKey = await deriveSlotKey(slot.kdf, password, config.client);
					return { slotKey, sid: slot.sid, contentKey: await unwrapContentKey(slot, slotKey, config.client) };
				}),
			);
			await remember(slotKey, sid, rememberDevice && config.rememberDays > 0);
			await show(contentKey);
			return true;
		} catch {
			return false;
		}
	}
}

/** The page's path below the client folder; the ciphertext is bound to it. */
function pagePath(config: GateConfig): string {
	const prefix = `${config.base}${config.client}/`;
	const pathname = decodeURI(location.pathname);
	if (!pathname.startsWith(prefix)) throw new Error('page is not under its client folder');
	return normalizePagePath(pathname.slice(prefix.length));
}

main().catch(() => {
	// A failure of the unlock code itself: never show a stack trace, never render anything.
	document.querySelector('[data-gh-status]')?.setAttribute('data-state', 'failed');
});
