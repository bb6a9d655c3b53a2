import { describe, expect, it, vi } from 'vitest';
import type { LoadedClient } from '@/loader/load-content';
import { AccessEntrySchema } from '@/kinds/client/access';

// Counts the slow derivations while keeping them real.
vi.mock('@/runtime/crypto/keyring', async (original) => {
	const actual = await original<typeof import('@/runtime/crypto/keyring')>();
	return { ...actual, deriveSlotKey: vi.fn(actual.deriveSlotKey) };
});

const { deriveSlotKey, parseKeyring, unwrapContentKey } = await import('@/runtime/crypto/keyring');
const { buildKeyring, deriveSlotKeysAhead, generateContentKey, resolveCredentials } = await import('@/keys/build-keyring');
const { slotKeyCache } = await import('@/keys/slot-keys');

const MASTER = new Uint8Array(32).fill(7);
const access = [
	AccessEntrySchema.parse({ id: 'team', label: 'Team', type: 'password' }),
	AccessEntrySchema.parse({ id: 'finance', label: 'Finance', type: 'password' }),
	AccessEntrySchema.parse({ id: 'sponsor', label: 'Sponsor', type: 'link' }),
];
const client = (slug: string, isPublic = false) => ({ slug, client: { value: { public: isPublic, access } } }) as unknown as LoadedClient;
const pbkdf2Calls = () => vi.mocked(deriveSlotKey).mock.calls.filter(([kdf]) => kdf.name === 'PBKDF2').length;

describe('deriveSlotKeysAhead', () => {
	it('derives each password slot of each private client once, and the keyring then reuses those keys', async () => {
		// One build: the CLI derives into its slot keys, and hands the same ones to the encryption step.
		const keys = slotKeyCache();
		await deriveSlotKeysAhead([client('acme'), client('open-house', true)], MASTER, {}, keys);
		expect(pbkdf2Calls()).toBe(2);

		const credentials = await resolveCredentials('acme', access, MASTER, {});
		const contentKey = await generateContentKey();
		const keyring = await buildKeyring('acme', credentials, MASTER, contentKey, keys);
		expect(pbkdf2Calls()).toBe(2);

		// The keyring still opens with the password, through a key the browser derives afresh.
		const team = keyring.slots.find((slot) => slot.type === 'password')!;
		const { deriveSlotKey: derive } = await vi.importActual<typeof import('@/runtime/crypto/keyring')>('../../src/runtime/crypto/keyring');
		const opened = await unwrapContentKey(team, await derive(team.kdf, credentials[0]!.password!, 'acme'), 'acme');
		expect(opened.algorithm.name).toBe('AES-GCM');
		expect(parseKeyring(keyring, 'acme').slots).toHaveLength(3);
	});

	it('leaves a client whose password cannot be resolved to the encryption step', async () => {
		const fromEnv = [AccessEntrySchema.parse({ id: 'board', label: 'Board', type: 'password', passwordEnv: 'UNSET_BOARD_PASSWORD' })];
		const broken = { slug: 'globex', client: { value: { public: false, access: fromEnv } } } as unknown as LoadedClient;
		await expect(deriveSlotKeysAhead([broken], MASTER, {}, slotKeyCache())).resolves.toBeUndefined();
	});
});
