/**
 * The unlock code of a private page (shipped as /_glasshouse/gate.<hash>.js). It opens the page
 * with, in order: a share link's fragment, a key remembered on this device, or a password typed
 * into the lock screen. Nothing is rendered unless the page's ciphertext authenticates.
 */
import { afterPaint } from './after-paint';
import { holdNavigationUntil } from './hold-navigation';
import { noteBuild, showStaleNotice } from './build-freshness';
import { fromUtf8 } from './crypto/bytes';
import { decryptingFetch } from './decrypting-fetch';
import { open, pageAad, type BuildStamp } from './crypto/envelope';
import { deriveSlotKey, openLinkSlot, parseKeyring, unwrapContentKey, type Keyring } from './crypto/keyring';
import { normalizePagePath } from './crypto/page-path';
import { forgetKey, loadKey, saveKey, sessionId, SESSION_MAX_MS } from './key-store';
import { classifyFragment, takeLinkFragment } from './link-fragment';
import { announceLock, guardUnlockedPage } from './lock-guard';
import { lockScreen, showUnexpectedFailure, type GateMessage } from './lock-screen';
import { renderPage, runPageScripts } from './render-page';
import { focusAfterUnlock } from './focus-after-unlock';
import { offerIndexFiles } from './search/index-files';
import { sealedIndex } from './search/sealed-index';
import { enableAttachmentDownloads } from './attachments/download';

/** The download worker's script and the runtime folder, set when the build bundles this file (bundle-runtime.ts). */
declare const __GLASSHOUSE_DOWNLOAD_WORKER__: { script: string; folder: string; decryptor: string };

interface GateConfig {
	v: 1;
	client: string;
	base: string;
	build: BuildStamp;
	rememberDays: number;
	keyring: unknown;
}

/** The messages of every interface language, put in by the bundler (src/encrypt/gate-messages.ts). */
declare const GATE_MESSAGES: Record<string, Record<GateMessage, string>>;

const DAY_MS = 86_400_000;

const readJson = (id: string): unknown => JSON.parse(document.getElementById(id)?.textContent ?? 'null');

async function main(): Promise<void> {
	// Timing marks of each step, read by the benchmarks (`npm run bench:browser`, `bench:trace`).
	performance.mark('glasshouse:gate-started');
	// First of all, before anything that can fail: a personal link's token must not stay in the
	// address bar, history or a copied URL, whole or in part (see link-fragment.ts).
	const fragment = takeLinkFragment();
	// A personal link pasted into a tab already showing this site is a same-document navigation:
	// reload, so that it, too, is taken out first and then used.
	addEventListener('hashchange', () => {
		if (classifyFragment(location.hash).kind !== 'none') location.reload();
	});
	const lockedTitle = document.title;
	const strings = messages();
	const config = readJson('gh-config') as GateConfig;
	const ui = lockScreen(strings);
	// Pages are gzip-compressed inside their envelope: DecompressionStream opens them.
	if (!globalThis.crypto?.subtle || !('indexedDB' in globalThis) || typeof DecompressionStream === 'undefined')
		return ui.fail('gate.unsupported');

	let keyring: Keyring;
	let address: string | undefined;
	try {
		keyring = parseKeyring(config.keyring, config.client);
		if (typeof config.build?.id !== 'string' || Number.isNaN(Date.parse(config.build?.time))) throw new Error('no build stamp');
		address = pagePath(config);
	} catch {
		return ui.fail('gate.tampered');
	}
	if (address === undefined) return ui.fail('gate.badAddress');
	const path = address;
	const storeName = `${config.base}${config.client}`;

	/**
	 * Shows the page, opened with the key of slot `sid`. `save` remembers the key, if it is to be:
	 * run once the page is painted (see after-paint.ts), and awaited before anything reads or forgets
	 * the key, so a Lock can never be undone by a late write. `typed` when opened by a password just
	 * entered (focus and announcement follow, see focus-after-unlock).
	 */
	const show = async (contentKey: CryptoKey, sid: string, save?: () => Promise<void>, typed = false): Promise<void> => {
		performance.mark('glasshouse:key-ready');
		let html: string;
		try {
			html = fromUtf8(await open(contentKey, readJson('gh-payload'), pageAad(config.client, config.build, path)));
		} catch {
			return ui.fail('gate.tampered');
		}
		performance.mark('glasshouse:page-opened');
		// The seam for features that load encrypted files of this client (the search index): they
		// ask for files by path and get plaintext in memory; the key itself stays private. Offered
		// before the page is rendered, so it is there before any of the page's scripts runs.
		const clientRoot = new URL(`${config.base}${config.client}/`, location.origin).href;
		const fetchDecrypted = decryptingFetch(contentKey, config.client, config.build.id, clientRoot);
		offerIndexFiles(document, sealedIndex(fetchDecrypted, config.build.id));
		// Document attachments: a click on a download button streams the file, opened with this key.
		enableAttachmentDownloads(document, {
			contentKey,
			client: config.client,
			buildId: config.build.id,
			clientRoot,
			worker: __GLASSHOUSE_DOWNLOAD_WORKER__,
		});
		let saved: Promise<void> = Promise.resolve();
		try {
			renderPage(html);
			performance.mark('glasshouse:page-rendered');
			focusAfterUnlock(document, { typed, announcement: strings['gate.unlocked'].replace('{title}', document.title) });
			void afterPaint(runPageScripts);
		} finally {
			if (save) {
				saved = afterPaint(save);
				holdNavigationUntil(saved);
			}
			// Even if rendering failed part way, whatever was shown can be locked, and stays locked
			// on Back and Forward once this device forgets the key.
			for (const button of document.querySelectorAll<HTMLElement>('[data-gh-lock]')) {
				button.hidden = false;
				button.addEventListener('click', async () => {
					await saved;
					await forgetKey(storeName);
					announceLock();
					location.reload();
				});
			}
			guardUnlockedPage(async () => {
				await saved;
				return (await loadKey(storeName))?.sid === sid;
			}, lockedTitle);
		}
		document.dispatchEvent(new CustomEvent('glasshouse:unlocked'));
		performance.mark('glasshouse:page-shown');
		// The stamp is trusted now: it was authenticated with the page just opened. The check's first
		// use of localStorage waits for the browser to hand over the storage area, so it comes after
		// the page is painted; a stale copy is flagged a frame later.
		void afterPaint(() => {
			const newest = noteBuild(browserStorage(), storeName, config.build);
			if (newest) showStaleNotice(document, config.build, newest);
		});
	};

	const remember = (slotKey: CryptoKey, sid: string, persistent: boolean) => () =>
		saveKey(
			storeName,
			persistent
				? { slotKey, sid, expires: Date.now() + config.rememberDays * DAY_MS }
				: { slotKey, sid, expires: Date.now() + SESSION_MAX_MS, session: sessionId() },
		);

	if (fragment.kind === 'link') {
		const { token } = fragment;
		try {
			const opened = await openLinkSlot(keyring, token);
			if (!opened) throw new Error('no slot');
			const { slot, slotKey } = opened;
			const contentKey = await unwrapContentKey(slot, slotKey, config.client);
			return show(contentKey, slot.sid, remember(slotKey, slot.sid, config.rememberDays > 0));
		} catch {
			return ui.ask('gate.linkInvalid', unlockWithPassword);
		}
	}

	const stored = await loadKey(storeName);
	if (stored) {
		const slot = keyring.slots.find((candidate) => candidate.sid === stored.sid);
		try {
			if (!slot) throw new Error('slot gone');
			return show(await unwrapContentKey(slot, stored.slotKey, config.client), stored.sid);
		} catch {
			// The entry was revoked or rotated since this device remembered it.
			await forgetKey(storeName);
			return ui.ask('gate.accessChanged', unlockWithPassword);
		}
	}
	// A truncated or damaged link opened nothing, but a key this device remembers still may.
	return ui.ask(fragment.kind === 'incomplete' ? 'gate.linkIncomplete' : undefined, unlockWithPassword);

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
			await show(contentKey, sid, remember(slotKey, sid, rememberDevice && config.rememberDays > 0), true);
			return true;
		} catch {
			return false;
		}
	}
}

/** The messages in the shell's language. */
const messages = (): Record<GateMessage, string> => GATE_MESSAGES[document.documentElement.lang] ?? GATE_MESSAGES.en!;

/** localStorage, unless the browser blocks it (some privacy settings throw on access). */
function browserStorage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined;
	}
}

/**
 * The page's path below the client folder; the ciphertext is bound to it. Undefined when the
 * address holds a malformed `%` sequence, which no published page has.
 */
function pagePath(config: GateConfig): string | undefined {
	const prefix = `${config.base}${config.client}/`;
	let pathname: string;
	try {
		pathname = decodeURI(location.pathname);
	} catch {
		return undefined;
	}
	if (!pathname.startsWith(prefix)) throw new Error('page is not under its client folder');
	return normalizePagePath(pathname.slice(prefix.length));
}

// A failure of the unlock code itself: never a stack trace or a page stuck on "Opening…", and
// never anything rendered.
main().catch(() => showUnexpectedFailure(messages()['gate.failed']));
