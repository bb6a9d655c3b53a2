/**
 * Remembers a client's slot key in IndexedDB as a non-extractable CryptoKey: scripts (even
 * malicious ones) can use it to unwrap the keyring but can never read its bytes, and no
 * password or token is ever stored. Entries carry a real expiry. "Shared computer" entries are
 * tied to this tab's session and are ignored (and deleted) once the tab is gone.
 */
export interface StoredKey {
	slotKey: CryptoKey;
	/** Which slot the key opens. */
	sid: string;
	/** Epoch milliseconds after which the key is deleted. */
	expires: number;
	/** Session id for "shared computer" entries; absent when the device is remembered. */
	session?: string;
}

const DB = 'glasshouse';
const STORE = 'slot-keys';
const SESSION_KEY = 'glasshouse-session';
/** Shared-computer unlocks last at most this long, even in a tab that stays open. */
export const SESSION_MAX_MS = 8 * 60 * 60 * 1000;

function database(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await database();
	try {
		return await new Promise<T>((resolve, reject) => {
			const request = run(db.transaction(STORE, mode).objectStore(STORE));
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	} finally {
		db.close();
	}
}

/** This tab's session id (a random value, not a secret). */
export function sessionId(): string {
	let id = sessionStorage.getItem(SESSION_KEY);
	if (!id) {
		id = crypto.randomUUID();
		sessionStorage.setItem(SESSION_KEY, id);
	}
	return id;
}

export async function loadKey(name: string, now = Date.now()): Promise<StoredKey | undefined> {
	let stored: StoredKey | undefined;
	try {
		stored = await transact('readonly', (store) => store.get(name) as IDBRequest<StoredKey | undefined>);
	} catch {
		return undefined; // Private browsing modes without IndexedDB simply ask every time.
	}
	if (!stored) return undefined;
	if (stored.expires <= now || (stored.session !== undefined && stored.session !== sessionId())) {
		await forgetKey(name);
		return undefined;
	}
	return stored;
}

export async function saveKey(name: string, key: StoredKey): Promise<void> {
	try {
		await transact('readwrite', (store) => store.put(key, name));
	} catch {
		// Without IndexedDB the site still works; it asks again on the next page.
	}
}

export async function forgetKey(name: string): Promise<void> {
	try {
		await transact('readwrite', (store) => store.delete(name));
	} catch {
		// Nothing stored, nothing to forget.
	}
}
