/**
 * Keeps a decrypted page from outliving Lock.
 *
 * Browsers keep recently left pages alive in the back/forward cache and show them again, as they
 * were, on Back or Forward: after Lock, Back would show a decrypted page without asking for
 * anything. So a decrypted page hides itself as it goes into that cache (`pagehide` with
 * `persisted`), and when it comes back (`pageshow` with `persisted`) shows itself again only if
 * this device still remembers the key that opened it; otherwise it reloads, and the reloaded shell
 * (ciphertext only) shows the lock screen. Hiding on the way in, not on the way back, is what
 * keeps the content from flashing up while the key store is read.
 *
 * Other open tabs of the site hear of a Lock through a `storage` event (localStorage reaches every
 * other live document of the origin; documents in the back/forward cache are covered by the
 * `pageshow` check) and make the same check.
 */
const LOCK_SIGNAL = 'glasshouse:locked';

/**
 * Guards the decrypted page now shown. `stillUnlocked` says whether this device still remembers
 * the key that opened it; `lockedTitle` is the lock screen's title, shown while hidden (the
 * page's own title names the client).
 */
export function guardUnlockedPage(stillUnlocked: () => Promise<boolean>, lockedTitle: string): void {
	let veiled: { title: string; x: number; y: number } | undefined;
	const veil = () => {
		if (veiled) return;
		veiled = { title: document.title, x: scrollX, y: scrollY };
		// `display: none` on the root hides every descendant; none can opt back in, as with visibility.
		document.documentElement.style.setProperty('display', 'none', 'important');
		document.title = lockedTitle;
	};
	const unveil = () => {
		if (!veiled) return;
		document.documentElement.style.removeProperty('display');
		document.title = veiled.title;
		scrollTo(veiled.x, veiled.y);
		veiled = undefined;
	};
	const recheck = async () => {
		let open = false;
		try {
			open = await stillUnlocked();
		} catch {
			// Cannot tell: treat the key as gone.
		}
		if (open) return unveil();
		veil();
		location.reload();
	};
	addEventListener('pagehide', (event) => {
		if (event.persisted) veil();
	});
	addEventListener('pageshow', (event) => {
		if (event.persisted) void recheck();
	});
	addEventListener('storage', (event) => {
		if (event.key === LOCK_SIGNAL) void recheck();
	});
}

/** Tells the site's other open tabs that this device's key was just forgotten. */
export function announceLock(): void {
	try {
		localStorage.setItem(LOCK_SIGNAL, String(Date.now()));
	} catch {
		// Storage is blocked: other tabs still check on Back and Forward.
	}
}
