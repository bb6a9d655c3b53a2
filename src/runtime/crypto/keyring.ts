import { fromBase64, toBase64, toBase64Url, utf8, type Bytes } from './bytes';
import { EnvelopeError } from './envelope';

/**
 * The public keyring of one client: the content key wrapped once per access entry ("key slots",
 * as in LUKS). It names no person or entry: a slot is found by an opaque id (link slots) or by
 * trying the password slots.
 */
export interface Keyring {
	v: 1;
	client: string;
	slots: Slot[];
}

export type Kdf = { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string } | { name: 'HKDF'; hash: 'SHA-256'; salt: string };

export interface Slot {
	/** Opaque, stable id: for link slots derived from the token, so the browser can find it. */
	sid: string;
	type: 'password' | 'link';
	kdf: Kdf;
	/** AES-GCM IV and wrapped content key (key ‖ tag), base64. */
	iv: string;
	wrapped: string;
}

/** Hard floor for password slots (OWASP 2023 for PBKDF2-HMAC-SHA256); the browser refuses less. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;

const slotAad = (client: string, sid: string) => utf8(`glasshouse/v1/slot|${client}|${sid}`);
const linkInfo = (client: string) => utf8(`glasshouse/v1/link-slot|${client}`);
const KEK = { name: 'AES-GCM', length: 256 } as const;

/**
 * Derives a slot's key-encryption key from a password (PBKDF2) or a link token (HKDF).
 * The key is non-extractable: it can wrap and unwrap, never be read back.
 */
export async function deriveSlotKey(kdf: Kdf, credential: string, client: string): Promise<CryptoKey> {
	const salt = fromBase64(kdf.salt);
	if (salt.length !== SALT_BYTES) throw new EnvelopeError('format', 'slot salt must be 16 bytes');
	if (kdf.name === 'PBKDF2') {
		if (!(kdf.iterations >= MIN_PBKDF2_ITERATIONS))
			throw new EnvelopeError('version', `PBKDF2 iterations below the floor of ${MIN_PBKDF2_ITERATIONS}`);
		const material = await crypto.subtle.importKey('raw', utf8(credential.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
		return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations }, material, KEK, false, [
			'wrapKey',
			'unwrapKey',
		]);
	}
	if (kdf.name === 'HKDF') return linkSlotKey(await importToken(credential), salt, client);
	throw new EnvelopeError('version', `unknown key derivation ${(kdf as { name: string }).name}`);
}

/*
 * A link slot's key comes from HKDF, not from a slow password hash, and that is safe only because
 * of what a token is: 32 bytes (256 bits) that HKDF drew from the site's secret, never chosen or
 * typed by a person, which the gate takes only whole (exactly 43 base64url characters, see
 * link-fragment.ts). Stretching buys a factor of about a million against guessing, which matters
 * for a six-word passphrase (77.5 bits) and is nothing beside 2^256; so a link opens at once, even
 * on a slow phone. parseKeyring ties HKDF to link slots, so a tampered keyring cannot put a typed
 * password through it.
 */
const importToken = (token: string): Promise<CryptoKey> =>
	crypto.subtle.importKey('raw', fromBase64(token), 'HKDF', false, ['deriveBits', 'deriveKey']);

const linkSlotKey = (material: CryptoKey, salt: Bytes, client: string): Promise<CryptoKey> =>
	crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: linkInfo(client) }, material, KEK, false, ['wrapKey', 'unwrapKey']);

async function slotIdOf(material: CryptoKey): Promise<string> {
	const bits = await crypto.subtle.deriveBits(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8('glasshouse/v1/slot-id') },
		material,
		96,
	);
	return toBase64Url(new Uint8Array(bits));
}

/** The opaque slot id of a link token: the browser computes it to find its slot. */
export async function linkSlotId(token: string): Promise<string> {
	return slotIdOf(await importToken(token));
}

/**
 * The slot a link token opens and its slot key, or `undefined` when the keyring has no slot for
 * it. The browser's link path: the token is imported once for both derivations, each WebCrypto
 * call being a round trip to the browser's crypto thread.
 */
export async function openLinkSlot(keyring: Keyring, token: string): Promise<{ slot: Slot; slotKey: CryptoKey } | undefined> {
	const material = await importToken(token);
	const sid = await slotIdOf(material);
	const slot = keyring.slots.find((candidate) => candidate.type === 'link' && candidate.sid === sid);
	if (!slot || slot.kdf.name !== 'HKDF') return undefined;
	const salt = fromBase64(slot.kdf.salt);
	if (salt.length !== SALT_BYTES) throw new EnvelopeError('format', 'slot salt must be 16 bytes');
	return { slot, slotKey: await linkSlotKey(material, salt, keyring.client) };
}

/** Wraps the content key under a slot key (AES-GCM, fresh IV, bound to client and slot). */
export async function wrapContentKey(
	contentKey: CryptoKey,
	slotKey: CryptoKey,
	client: string,
	sid: string,
): Promise<{ iv: string; wrapped: string }> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const wrapped = new Uint8Array(
		await crypto.subtle.wrapKey('raw', contentKey, slotKey, { name: 'AES-GCM', iv, additionalData: slotAad(client, sid) }),
	);
	return { iv: toBase64(iv), wrapped: toBase64(wrapped) };
}

/**
 * Unwraps the content key of a slot. The result is non-extractable and can only decrypt;
 * a wrong slot key fails authentication.
 */
export async function unwrapContentKey(slot: Slot, slotKey: CryptoKey, client: string): Promise<CryptoKey> {
	let iv: Bytes;
	let wrapped: Bytes;
	try {
		iv = fromBase64(slot.iv);
		wrapped = fromBase64(slot.wrapped);
	} catch {
		throw new EnvelopeError('format', 'slot is not valid base64');
	}
	try {
		return await crypto.subtle.unwrapKey(
			'raw',
			wrapped,
			slotKey,
			{ name: 'AES-GCM', iv, additionalData: slotAad(client, slot.sid) },
			'AES-GCM',
			false,
			['decrypt'],
		);
	} catch {
		throw new EnvelopeError('authentication', 'this key does not open the slot');
	}
}

/** The only key derivation each slot type may declare. */
const SLOT_KDF: Record<string, Kdf['name'] | undefined> = { password: 'PBKDF2', link: 'HKDF' };

/** Validates a keyring read from a page; refuses unknown versions and weakened parameters. */
export function parseKeyring(value: unknown, client: string): Keyring {
	const keyring = value as Keyring;
	if (!keyring || keyring.v !== 1 || keyring.client !== client || !Array.isArray(keyring.slots)) {
		throw new EnvelopeError('version', 'unsupported or foreign keyring');
	}
	for (const slot of keyring.slots) {
		if (!slot || typeof slot !== 'object' || typeof slot.sid !== 'string') throw new EnvelopeError('format', 'malformed keyring slot');
		// A slot's type decides what is typed into its KDF: a password slot declaring HKDF would
		// run a fast derivation on guessable passwords, so type and KDF must agree exactly.
		const expected = Object.hasOwn(SLOT_KDF, slot.type) ? SLOT_KDF[slot.type] : undefined;
		if (!expected) throw new EnvelopeError('version', `unknown slot type ${String(slot.type)}`);
		if (slot.kdf?.name !== expected || slot.kdf.hash !== 'SHA-256')
			throw new EnvelopeError('version', `a ${slot.type} slot must use ${expected} with SHA-256`);
		if (slot.kdf.name === 'PBKDF2' && !(slot.kdf.iterations >= MIN_PBKDF2_ITERATIONS))
			throw new EnvelopeError('version', 'keyring below the PBKDF2 floor');
	}
	return keyring;
}
