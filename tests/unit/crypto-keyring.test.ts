import { hkdfSync, pbkdf2Sync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8 } from '@/runtime/crypto/bytes';
import { EnvelopeError, open, pageAad, seal } from '@/runtime/crypto/envelope';
import {
	deriveSlotKey,
	linkSlotId,
	MIN_PBKDF2_ITERATIONS,
	openLinkSlot,
	parseKeyring,
	unwrapContentKey,
	type Kdf,
	type Keyring,
	type Slot,
} from '@/runtime/crypto/keyring';
import { AccessEntrySchema, type AccessEntry, type AccessEntryInput } from '@/kinds/client/access';
import { AccessError, buildKeyring, generateContentKey, resolveCredentials, shareLink, type Credential } from '@/keys/build-keyring';
import { deriveLinkToken, derivePassphrase, derivePasswordSlotId, deriveSlotSalt } from '@/keys/derive-credentials';
import { judgePassword } from '@/keys/password-strength';
import { EFF_LARGE_WORDLIST as wordlist } from '@/keys/eff-large-wordlist';

/** The fixed master secret of every vector: bytes 0x00 … 0x1f. */
const BUILD = { id: 'q8CEz2xk1Jw4r0n6u5Zf3A', time: '2026-12-01T09:30:00Z' };
const MASTER = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
const OTHER_MASTER = new Uint8Array(32).fill(0xaa);

/** HKDF-SHA256 as the derivations are specified, computed by node:crypto instead of WebCrypto. */
const hkdf = (info: string, length: number) => Buffer.from(hkdfSync('sha256', MASTER, 'glasshouse/v1', info, length));

/** The passphrase algorithm written out independently: 16-bit big-endian draws, rejection above 8 × 7776. */
function expectedPassphrase(client: string, entry: string, rotation: number): string {
	const limit = Math.floor(65536 / wordlist.length) * wordlist.length;
	const words: string[] = [];
	for (let counter = 0; words.length < 6; counter++) {
		const block = hkdf(`passphrase|${client}|${entry}|${rotation}|${counter}`, 32);
		for (let i = 0; i < block.length && words.length < 6; i += 2) {
			const value = block.readUInt16BE(i);
			if (value < limit) words.push(wordlist[value % wordlist.length]!);
		}
	}
	return words.join('-');
}

const entry = (input: AccessEntryInput): AccessEntry => AccessEntrySchema.parse(input);
const TEAM = entry({ id: 'team', label: 'Acme project team', type: 'password' });
const CFO = entry({ id: 'cfo', label: 'Aoife Brennan (CFO)', type: 'link' });
const FORMER = entry({ id: 'former-pm', label: 'Former project manager', type: 'password', revoked: true });

/** Awaits a promise (or a throwing function) and returns the error it failed with. */
async function failure(action: Promise<unknown> | (() => unknown)): Promise<Error> {
	try {
		await (typeof action === 'function' ? action() : action);
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure, but the call succeeded');
}

const slotOf = (keyring: Keyring, type: Slot['type']) => {
	const slots = keyring.slots.filter((slot) => slot.type === type);
	expect(slots, `${type} slots`).toHaveLength(1);
	return slots[0]!;
};
const credentialOf = (credentials: Credential[], id: string) => credentials.find((credential) => credential.entry.id === id)!;

describe('derive-credentials: known answers against node:crypto HKDF', () => {
	it('has the 7,776-word EFF list', () => {
		expect(wordlist).toHaveLength(7776);
		expect(new Set(wordlist).size).toBe(7776);
	});

	it.each([
		['acme', 'team', 0, 'living-tackling-cope-bruising-qualifier-sharper'],
		['acme', 'team', 1, 'arrive-sister-till-activator-trash-bring'],
		['acme', 'cfo', 0, 'blizzard-perfume-olive-wilt-unclamped-overflow'],
		['beta', 'team', 0, 'dotted-agony-crayfish-ahoy-tactical-walnut'],
		// One of the first six draws of this block is at or above 8 × 7776 and must be skipped.
		['globex', 'ops', 0, 'finalist-frolic-coastal-dodgy-renegade-deviant'],
	])('derivePassphrase(%s, %s, %i)', async (client, id, rotation, pinned) => {
		const passphrase = await derivePassphrase(MASTER, client, id, rotation);
		expect(passphrase).toBe(expectedPassphrase(client, id, rotation));
		expect(passphrase).toBe(pinned);
		const words = passphrase.split('-');
		expect(words).toHaveLength(6);
		for (const word of words) expect(wordlist).toContain(word);
	});

	it.each([
		['acme', 'team', 0, 'hFpLOPGV1CbPAtf0Fgqdyaghrb5jqEdcbbeu3Oa_Y3I'],
		['acme', 'team', 1, '7YgwdYrupfTYc2yiy1ZH9UQmwppQxGgdn_V4YHXWVK8'],
		['acme', 'cfo', 0, 'MGvuOD5qITH5hq5cLblcU4HFJvuhKg3gr9Jk8dYjQiA'],
		['beta', 'team', 0, 'TDGm7ez6BR1lsU6C142_EphL3UQjOe8ooN-0DnU99OE'],
	])('deriveLinkToken(%s, %s, %i)', async (client, id, rotation, pinned) => {
		const token = await deriveLinkToken(MASTER, client, id, rotation);
		expect(token).toBe(hkdf(`link-token|${client}|${id}|${rotation}`, 32).toString('base64url'));
		expect(token).toBe(pinned);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it.each([
		['acme', 'team', 0, 'f072474546cb23360306e1a4e9b41682'],
		['acme', 'team', 1, '54524ad1b86158d55a2967927a02adfa'],
		['acme', 'cfo', 0, '229b8f2ac8bf4229da96fe9a6905ab8a'],
		['beta', 'team', 0, 'a43e81be0bd31358c8b22064b1ad6be2'],
	])('deriveSlotSalt(%s, %s, %i)', async (client, id, rotation, pinned) => {
		const salt = Buffer.from(await deriveSlotSalt(MASTER, client, id, rotation)).toString('hex');
		expect(salt).toBe(hkdf(`slot-salt|${client}|${id}|${rotation}`, 16).toString('hex'));
		expect(salt).toBe(pinned);
	});

	it.each([
		['acme', 'team', 0, 'sKeCUwGRbGvpHE1l'],
		['acme', 'team', 1, 'VRoCp5bUMaHHvscp'],
		['acme', 'cfo', 0, 'b5IOimFIogFtwSbY'],
		['beta', 'team', 0, 'mm9XRQXipMKMV9Ic'],
	])('derivePasswordSlotId(%s, %s, %i)', async (client, id, rotation, pinned) => {
		const sid = await derivePasswordSlotId(MASTER, client, id, rotation);
		expect(sid).toBe(hkdf(`slot-id|${client}|${id}|${rotation}`, 12).toString('base64url'));
		expect(sid).toBe(pinned);
	});

	it('gives the same value for the same inputs, and a different one when client, entry, rotation or secret differ', async () => {
		for (const derive of [derivePassphrase, deriveLinkToken, derivePasswordSlotId]) {
			const base = await derive(MASTER, 'acme', 'team', 0);
			expect(await derive(MASTER, 'acme', 'team', 0), derive.name).toBe(base);
			const variants = [
				await derive(MASTER, 'globex', 'team', 0),
				await derive(MASTER, 'acme', 'board', 0),
				await derive(MASTER, 'acme', 'team', 1),
				await derive(OTHER_MASTER, 'acme', 'team', 0),
			];
			expect(new Set([base, ...variants]).size, derive.name).toBe(5);
		}
		const salt = async (...args: [string, string, number]) => toBase64(await deriveSlotSalt(MASTER, ...args));
		expect(await salt('acme', 'team', 0)).toBe(await salt('acme', 'team', 0));
		expect(
			new Set([
				await salt('acme', 'team', 0),
				await salt('globex', 'team', 0),
				await salt('acme', 'board', 0),
				await salt('acme', 'team', 1),
			]).size,
		).toBe(4);
	});

	it('keeps purposes apart: the link token and the salt of one entry are unrelated', async () => {
		const token = fromBase64(await deriveLinkToken(MASTER, 'acme', 'team', 0));
		const salt = await deriveSlotSalt(MASTER, 'acme', 'team', 0);
		expect(Buffer.from(token.subarray(0, 16)).equals(Buffer.from(salt))).toBe(false);
	});
});

describe('linkSlotId', () => {
	it('is HKDF-SHA256 of the token (empty salt, "glasshouse/v1/slot-id"), 12 bytes, base64url', async () => {
		const token = await deriveLinkToken(MASTER, 'acme', 'cfo', 0);
		const expected = Buffer.from(hkdfSync('sha256', fromBase64(token), new Uint8Array(0), 'glasshouse/v1/slot-id', 12)).toString(
			'base64url',
		);
		expect(await linkSlotId(token)).toBe(expected);
		expect(await linkSlotId(token)).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect(await linkSlotId(await deriveLinkToken(MASTER, 'acme', 'cfo', 1))).not.toBe(expected);
	});
});

describe('buildKeyring', () => {
	let contentKey: CryptoKey;
	let credentials: Credential[];
	let keyring: Keyring;
	let password: string;
	let token: string;
	beforeAll(async () => {
		contentKey = await generateContentKey();
		credentials = await resolveCredentials('acme', [TEAM, CFO, FORMER], MASTER, {});
		keyring = await buildKeyring('acme', credentials, MASTER, contentKey);
		password = credentialOf(credentials, 'team').password!;
		token = credentialOf(credentials, 'cfo').token!;
	});

	it('resolves a derived passphrase for password entries and a token for link entries, and skips revoked ones', () => {
		expect(credentials.map((credential) => credential.entry.id)).toEqual(['team', 'cfo']);
		expect(password).toBe('living-tackling-cope-bruising-qualifier-sharper');
		expect(token).toBe('MGvuOD5qITH5hq5cLblcU4HFJvuhKg3gr9Jk8dYjQiA');
		expect(credentialOf(credentials, 'team').token).toBeUndefined();
		expect(credentialOf(credentials, 'cfo').password).toBeUndefined();
	});

	it('holds one slot per entry that is not revoked, for its client', () => {
		expect(keyring.v).toBe(1);
		expect(keyring.client).toBe('acme');
		expect(keyring.slots.map((slot) => slot.type)).toEqual(['password', 'link']);
	});

	it('uses deterministic salts and ids: the derived salt and slot id, and linkSlotId of the token', async () => {
		const passwordSlot = slotOf(keyring, 'password');
		const linkSlot = slotOf(keyring, 'link');
		expect(passwordSlot.sid).toBe('sKeCUwGRbGvpHE1l');
		expect(passwordSlot.kdf.salt).toBe(toBase64(await deriveSlotSalt(MASTER, 'acme', 'team', 0)));
		expect(linkSlot.sid).toBe(await linkSlotId(token));
		expect(linkSlot.kdf.salt).toBe(toBase64(await deriveSlotSalt(MASTER, 'acme', 'cfo', 0)));
	});

	it('gives password slots PBKDF2-SHA256 with at least 600,000 iterations and 16-byte salts, link slots HKDF', () => {
		const passwordKdf = slotOf(keyring, 'password').kdf;
		expect(passwordKdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
		expect(passwordKdf.name === 'PBKDF2' && passwordKdf.iterations).toBeGreaterThanOrEqual(600_000);
		expect(MIN_PBKDF2_ITERATIONS).toBe(600_000);
		expect(slotOf(keyring, 'link').kdf).toEqual({ name: 'HKDF', hash: 'SHA-256', salt: expect.any(String) });
		for (const slot of keyring.slots) {
			expect(fromBase64(slot.kdf.salt)).toHaveLength(16);
			expect(fromBase64(slot.iv)).toHaveLength(12);
			expect(fromBase64(slot.wrapped)).toHaveLength(32 + 16);
		}
	});

	it('names no person, entry or credential', () => {
		const json = JSON.stringify(keyring);
		for (const text of ['team', 'cfo', 'former', 'Aoife', 'Acme project team', password, token, ...password.split('-')]) {
			expect(json, text).not.toContain(text);
		}
	});

	it('wraps the content key under PBKDF2(password, salt, 600000) as node:crypto computes it', async () => {
		const slot = slotOf(keyring, 'password');
		expect(slot.kdf.name === 'PBKDF2' && slot.kdf.iterations).toBe(600_000);
		const kek = pbkdf2Sync(password, fromBase64(slot.kdf.salt), 600_000, 32, 'sha256');
		await expectWrappedUnder(slot, kek);
	});

	it("wraps the content key under HKDF(token, salt, 'glasshouse/v1/link-slot|acme') as node:crypto computes it", async () => {
		const slot = slotOf(keyring, 'link');
		const kek = Buffer.from(hkdfSync('sha256', fromBase64(token), fromBase64(slot.kdf.salt), 'glasshouse/v1/link-slot|acme', 32));
		await expectWrappedUnder(slot, kek);
	});

	/** Decrypts a slot with an independently derived KEK, first as raw AES-GCM, then with unwrapKey. */
	async function expectWrappedUnder(slot: Slot, kek: Buffer) {
		const raw = new Uint8Array(await crypto.subtle.exportKey('raw', contentKey));
		const aad = utf8(`glasshouse/v1/slot|acme|${slot.sid}`);
		const decryptKey = await crypto.subtle.importKey('raw', new Uint8Array(kek), 'AES-GCM', false, ['decrypt', 'unwrapKey']);
		const params = { name: 'AES-GCM', iv: fromBase64(slot.iv), additionalData: aad };
		expect(new Uint8Array(await crypto.subtle.decrypt(params, decryptKey, fromBase64(slot.wrapped)))).toEqual(raw);
		const unwrapped = await crypto.subtle.unwrapKey('raw', fromBase64(slot.wrapped), decryptKey, params, 'AES-GCM', true, ['decrypt']);
		expect(new Uint8Array(await crypto.subtle.exportKey('raw', unwrapped))).toEqual(raw);
		// The slot is bound to its client and id through the AAD.
		const otherAad = { ...params, additionalData: utf8(`glasshouse/v1/slot|globex|${slot.sid}`) };
		await expect(crypto.subtle.decrypt(otherAad, decryptKey, fromBase64(slot.wrapped))).rejects.toThrow();
	}

	it('unwraps to a non-extractable, decrypt-only key that opens pages sealed with the content key', async () => {
		const slot = slotOf(keyring, 'password');
		const unwrapped = await unwrapContentKey(slot, await deriveSlotKey(slot.kdf, password, 'acme'), 'acme');
		expect(unwrapped.extractable).toBe(false);
		expect(unwrapped.usages).toEqual(['decrypt']);
		expect(unwrapped.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		await expect(crypto.subtle.exportKey('raw', unwrapped)).rejects.toThrow();

		const envelope = await seal(contentKey, utf8('<h1>Week 47</h1>'), pageAad('acme', BUILD, 'updates/2026-11-20/'));
		expect(fromUtf8(await open(unwrapped, envelope, pageAad('acme', BUILD, 'updates/2026-11-20/')))).toBe('<h1>Week 47</h1>');

		const link = slotOf(keyring, 'link');
		const fromLink = await unwrapContentKey(link, await deriveSlotKey(link.kdf, token, 'acme'), 'acme');
		expect(fromLink.extractable).toBe(false);
		expect(fromUtf8(await open(fromLink, envelope, pageAad('acme', BUILD, 'updates/2026-11-20/')))).toBe('<h1>Week 47</h1>');
	});

	it("finds a link's slot and key from one import of the token (the browser's link path), as linkSlotId and deriveSlotKey do", async () => {
		const link = slotOf(keyring, 'link');
		const opened = (await openLinkSlot(keyring, token))!;
		expect(opened.slot).toBe(link);
		expect(opened.slotKey.extractable).toBe(false);
		expect(opened.slotKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		const envelope = await seal(contentKey, utf8('<h1>Week 48</h1>'), pageAad('acme', BUILD, ''));
		const fromLink = await unwrapContentKey(opened.slot, opened.slotKey, 'acme');
		expect(fromUtf8(await open(fromLink, envelope, pageAad('acme', BUILD, '')))).toBe('<h1>Week 48</h1>');
		// A token of another secret, or a link slot whose id was changed, finds nothing.
		expect(await openLinkSlot(keyring, await deriveLinkToken(OTHER_MASTER, 'acme', 'cfo', 0))).toBeUndefined();
		expect(await openLinkSlot({ ...keyring, slots: [{ ...link, sid: 'AAAAAAAAAAAAAAAA' }] }, token)).toBeUndefined();
		// A password slot is never opened by a token, even under the token's id.
		expect(await openLinkSlot({ ...keyring, slots: [{ ...slotOf(keyring, 'password'), sid: link.sid }] }, token)).toBeUndefined();
	});

	it('derives non-extractable slot keys', async () => {
		const link = slotOf(keyring, 'link');
		const slotKey = await deriveSlotKey(link.kdf, token, 'acme');
		expect(slotKey.extractable).toBe(false);
		expect([...slotKey.usages].sort()).toEqual(['unwrapKey', 'wrapKey']);
	});

	it('refuses a wrong password, a foreign token, the other slot and the wrong client', async () => {
		const passwordSlot = slotOf(keyring, 'password');
		const linkSlot = slotOf(keyring, 'link');
		const wrongPassword = await deriveSlotKey(passwordSlot.kdf, 'living-tackling-cope-bruising-qualifier-sharpen', 'acme');
		const foreignToken = await deriveSlotKey(linkSlot.kdf, await deriveLinkToken(OTHER_MASTER, 'acme', 'cfo', 0), 'acme');
		const linkKey = await deriveSlotKey(linkSlot.kdf, token, 'acme');
		const attempts: Array<[string, Promise<CryptoKey>]> = [
			['wrong password', unwrapContentKey(passwordSlot, wrongPassword, 'acme')],
			['foreign token', unwrapContentKey(linkSlot, foreignToken, 'acme')],
			['link key on the password slot', unwrapContentKey(passwordSlot, linkKey, 'acme')],
			['wrong client', unwrapContentKey(linkSlot, linkKey, 'globex')],
			['slot id changed', unwrapContentKey({ ...linkSlot, sid: passwordSlot.sid }, linkKey, 'acme')],
			[
				'token derived for another client',
				deriveSlotKey(linkSlot.kdf, token, 'globex').then((key) => unwrapContentKey(linkSlot, key, 'acme')),
			],
		];
		// Settle every attempt at once: a rejection nobody awaits yet counts as unhandled.
		const outcomes = await Promise.all(attempts.map(async ([what, attempt]) => [what, await failure(attempt)] as const));
		for (const [what, error] of outcomes) {
			expect(error, what).toBeInstanceOf(EnvelopeError);
			expect((error as EnvelopeError).reason, what).toBe('authentication');
		}
	});

	it('keeps a remembered slot key working after a rebuild with a new content key', async () => {
		const linkSlot = slotOf(keyring, 'link');
		const remembered = await deriveSlotKey(linkSlot.kdf, token, 'acme');
		const newContentKey = await generateContentKey();
		const rebuilt = await buildKeyring('acme', [credentialOf(credentials, 'cfo')], MASTER, newContentKey);
		const slot = slotOf(rebuilt, 'link');
		expect(slot.sid).toBe(linkSlot.sid);
		expect(slot.kdf).toEqual(linkSlot.kdf);
		expect(slot.wrapped).not.toBe(linkSlot.wrapped);
		const unwrapped = await unwrapContentKey(slot, remembered, 'acme');
		const envelope = await seal(newContentKey, utf8('rebuilt'), pageAad('acme', BUILD, ''));
		expect(fromUtf8(await open(unwrapped, envelope, pageAad('acme', BUILD, '')))).toBe('rebuilt');
	});

	it("changes only the rotated entry's credential, id and salt", async () => {
		const rotated = await resolveCredentials('acme', [{ ...TEAM, rotation: 1 }, CFO, FORMER], MASTER, {});
		expect(credentialOf(rotated, 'team').password).not.toBe(password);
		expect(credentialOf(rotated, 'team').password).toBe('arrive-sister-till-activator-trash-bring');
		expect(credentialOf(rotated, 'cfo').token).toBe(token);
		const after = await buildKeyring('acme', rotated, MASTER, contentKey);
		expect(slotOf(after, 'password').sid).not.toBe(slotOf(keyring, 'password').sid);
		expect(slotOf(after, 'password').kdf.salt).not.toBe(slotOf(keyring, 'password').kdf.salt);
		expect(slotOf(after, 'link').sid).toBe(slotOf(keyring, 'link').sid);
		expect(slotOf(after, 'link').kdf.salt).toBe(slotOf(keyring, 'link').kdf.salt);
	});

	it("changes only the rotated link's token, id and salt", async () => {
		const rotated = await resolveCredentials('acme', [TEAM, { ...CFO, rotation: 1 }], MASTER, {});
		expect(credentialOf(rotated, 'cfo').token).not.toBe(token);
		expect(credentialOf(rotated, 'team').password).toBe(password);
		const after = await buildKeyring('acme', rotated, MASTER, contentKey);
		expect(slotOf(after, 'link').sid).not.toBe(slotOf(keyring, 'link').sid);
		expect(slotOf(after, 'link').sid).toBe(await linkSlotId(credentialOf(rotated, 'cfo').token!));
		expect(slotOf(after, 'link').kdf.salt).not.toBe(slotOf(keyring, 'link').kdf.salt);
		expect(slotOf(after, 'password').sid).toBe(slotOf(keyring, 'password').sid);
		expect(slotOf(after, 'password').kdf.salt).toBe(slotOf(keyring, 'password').kdf.salt);
		// The old link no longer opens any slot of the new keyring.
		const oldKey = await deriveSlotKey(slotOf(keyring, 'link').kdf, token, 'acme');
		expect(await failure(unwrapContentKey(slotOf(after, 'link'), oldKey, 'acme'))).toBeInstanceOf(EnvelopeError);
	});

	it('drops the slot of a revoked entry and leaves the others as they were', async () => {
		const revoked = await resolveCredentials('acme', [TEAM, { ...CFO, revoked: true }], MASTER, {});
		expect(revoked.map((credential) => credential.entry.id)).toEqual(['team']);
		const after = await buildKeyring('acme', revoked, MASTER, contentKey);
		expect(after.slots.map((slot) => slot.type)).toEqual(['password']);
		expect(after.slots.map((slot) => slot.sid)).not.toContain(await linkSlotId(token));
		expect(slotOf(after, 'password').sid).toBe(slotOf(keyring, 'password').sid);
	});

	it('refuses to build a keyring nobody can open', async () => {
		const credentialsLeft = await resolveCredentials(
			'acme',
			[
				{ ...TEAM, revoked: true },
				{ ...CFO, revoked: true },
			],
			MASTER,
			{},
		);
		expect(credentialsLeft).toEqual([]);
		const error = await failure(buildKeyring('acme', credentialsLeft, MASTER, contentKey));
		expect(error).toBeInstanceOf(AccessError);
		expect(error.message).toMatch(/^acme: every access entry is revoked/);
	});
});

describe('iteration floor and keyring validation', () => {
	const salt = toBase64(new Uint8Array(16).fill(9));
	const pbkdf2 = (iterations: number): Kdf => ({ name: 'PBKDF2', hash: 'SHA-256', iterations, salt });

	it.each([100_000, 599_999, 0, Number.NaN])('refuses to derive a password slot key with %d PBKDF2 iterations', async (iterations) => {
		const error = await failure(deriveSlotKey(pbkdf2(iterations), 'correct horse battery staple', 'acme'));
		expect(error).toBeInstanceOf(EnvelopeError);
		expect((error as EnvelopeError).reason).toBe('version');
		expect(error.message).toMatch(/600000/);
	});

	it('refuses salts that are not 16 bytes, and unknown derivations', async () => {
		for (const kdf of [
			{ ...pbkdf2(600_000), salt: toBase64(new Uint8Array(8)) },
			{ name: 'HKDF', hash: 'SHA-256', salt: toBase64(new Uint8Array(32)) } as Kdf,
		]) {
			const error = await failure(deriveSlotKey(kdf, toBase64(new Uint8Array(32)), 'acme'));
			expect((error as EnvelopeError).reason, kdf.name).toBe('format');
		}
		const unknown = { name: 'scrypt', hash: 'SHA-256', salt } as unknown as Kdf;
		expect(((await failure(deriveSlotKey(unknown, 'x', 'acme'))) as EnvelopeError).reason).toBe('version');
	});

	const keyring = (): Keyring => ({
		v: 1,
		client: 'acme',
		slots: [
			{ sid: 'a', type: 'password', kdf: pbkdf2(600_000), iv: toBase64(new Uint8Array(12)), wrapped: toBase64(new Uint8Array(48)) },
			{
				sid: 'b',
				type: 'link',
				kdf: { name: 'HKDF', hash: 'SHA-256', salt },
				iv: toBase64(new Uint8Array(12)),
				wrapped: toBase64(new Uint8Array(48)),
			},
		],
	});

	it('accepts a keyring of its client at the floor', () => {
		const value = keyring();
		expect(parseKeyring(JSON.parse(JSON.stringify(value)), 'acme')).toEqual(value);
	});

	it.each([
		['a weakened password slot', { ...keyring(), slots: [{ ...keyring().slots[0]!, kdf: pbkdf2(100_000) }, keyring().slots[1]!] }],
		[
			'a password slot without iterations',
			{ ...keyring(), slots: [{ ...keyring().slots[0]!, kdf: { name: 'PBKDF2', hash: 'SHA-256', salt } }] },
		],
		['another client', { ...keyring(), client: 'globex' }],
		['version 2', { ...keyring(), v: 2 }],
		// A password slot declaring HKDF would run a fast derivation on typed passwords.
		['a password slot declaring HKDF', { ...keyring(), slots: [{ ...keyring().slots[0]!, kdf: { name: 'HKDF', hash: 'SHA-256', salt } }] }],
		['a link slot declaring PBKDF2', { ...keyring(), slots: [{ ...keyring().slots[1]!, kdf: pbkdf2(600_000) }] }],
		['a slot of an unknown type', { ...keyring(), slots: [{ ...keyring().slots[1]!, type: 'token' }] }],
		['a slot typed like an object property', { ...keyring(), slots: [{ ...keyring().slots[1]!, type: 'constructor' }] }],
		['a slot with another hash', { ...keyring(), slots: [{ ...keyring().slots[0]!, kdf: { ...pbkdf2(600_000), hash: 'SHA-1' } }] }],
		['no slots', { v: 1, client: 'acme' }],
		['null', null],
	])('refuses %s', async (_, value) => {
		const error = await failure(() => parseKeyring(value, 'acme'));
		expect(error).toBeInstanceOf(EnvelopeError);
		expect((error as EnvelopeError).reason).toBe('version');
	});

	it('refuses a slot that is not an object with an id', async () => {
		for (const slot of [null, 'slot', { type: 'link', kdf: { name: 'HKDF', hash: 'SHA-256', salt } }]) {
			const error = await failure(() => parseKeyring({ ...keyring(), slots: [slot] }, 'acme'));
			expect((error as EnvelopeError).reason).toBe('format');
		}
	});
});

describe('resolveCredentials with passwordEnv', () => {
	const BOARD = entry({ id: 'board', label: 'Acme board', type: 'password', passwordEnv: 'ACME_BOARD_PASSWORD' });

	it('stops when the variable is not set, naming it', async () => {
		for (const env of [{}, { ACME_BOARD_PASSWORD: '' }]) {
			const error = await failure(resolveCredentials('acme', [BOARD], MASTER, env));
			expect(error).toBeInstanceOf(AccessError);
			expect(error.message).toContain('$ACME_BOARD_PASSWORD');
			expect(error.message).toContain('"board"');
		}
	});

	it('stops on a weak password, without printing it', async () => {
		const error = await failure(resolveCredentials('acme', [BOARD], MASTER, { ACME_BOARD_PASSWORD: 'Tidewater2026!' }));
		expect(error).toBeInstanceOf(AccessError);
		expect(error.message).toContain('too weak');
		expect(error.message).toContain('$ACME_BOARD_PASSWORD');
		expect(error.message).not.toContain('Tidewater');
	});

	it('uses a strong password as it is', async () => {
		const [credential] = await resolveCredentials('acme', [BOARD], MASTER, { ACME_BOARD_PASSWORD: 'q7#Vt2!mZp9@Lw4x' });
		expect(credential).toEqual({ entry: BOARD, password: 'q7#Vt2!mZp9@Lw4x' });
	});

	it('does not check a revoked entry', async () => {
		expect(await resolveCredentials('acme', [{ ...BOARD, revoked: true }], MASTER, {})).toEqual([]);
	});
});

describe('judgePassword', () => {
	it.each(['short1!A', 'Tr0ub4!'])('refuses %j: shorter than 12 characters', (password) => {
		const verdict = judgePassword(password);
		expect(verdict.ok).toBe(false);
		expect(verdict.reason).toMatch(/at least 12 are required/);
	});

	it.each(['Tidewater2026!', 'Password123456', 'qwertyuiop1234', 'abcdefghijklmnop', 'correcthorsebatterystaple'])(
		'refuses %j: a dictionary word, walk or sequence',
		(password) => {
			const verdict = judgePassword(password);
			expect(verdict.ok).toBe(false);
			expect(verdict.bits).toBeLessThan(60);
			expect(verdict.reason).toMatch(/at least 60 are required/);
		},
	);

	it('counts the client and entry names as known words', () => {
		expect(judgePassword('acme-board-acme-board', ['acme', 'board']).ok).toBe(false);
	});

	it.each(['q7#Vt2!mZp9@Lw4x', 'hX3$kq9!Zr2@mW7v', 'living-tackling-cope-bruising-qualifier-sharper', '晴れた日に長い散歩をする'])(
		'accepts %j',
		(password) => {
			const verdict = judgePassword(password);
			expect(verdict).toEqual({ ok: true, bits: expect.any(Number) });
			expect(verdict.bits).toBeGreaterThanOrEqual(60);
		},
	);
});

describe('shareLink', () => {
	it('carries the entry and token in the fragment, under the base path', () => {
		expect(shareLink('https://status.example.com', '/repo/', 'acme', 'cfo', 'TOKEN')).toBe(
			'https://status.example.com/repo/acme/#cfo.TOKEN',
		);
		expect(shareLink('https://status.example.com', '/repo', 'acme', 'cfo', 'TOKEN')).toBe(
			'https://status.example.com/repo/acme/#cfo.TOKEN',
		);
		expect(shareLink('http://localhost:4321', '/', 'acme', 'cfo', 'TOKEN')).toBe('http://localhost:4321/acme/#cfo.TOKEN');
	});
});
