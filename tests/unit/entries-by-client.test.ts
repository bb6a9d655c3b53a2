import { describe, expect, it } from 'vitest';
import { clientOf, entriesByClient, groupByClient } from '@/page-data/entries-by-client';

const entry = (id: string) => ({ id, data: { id } });

describe('groupByClient', () => {
	it('groups entries by the client folder their id starts with, keeping their order', () => {
		const groups = groupByClient([entry('acme/updates/b'), entry('beta/updates/a'), entry('acme/updates/a')]);
		expect([...groups.keys()]).toEqual(['acme', 'beta']);
		expect(groups.get('acme')!.map((e) => e.id)).toEqual(['acme/updates/b', 'acme/updates/a']);
		expect(groups.get('beta')!.map((e) => e.id)).toEqual(['beta/updates/a']);
		expect(clientOf(entry('acme/closeout'))).toBe('acme');
	});

	it('does not take a client whose name starts like another for it', () => {
		const groups = groupByClient([entry('acme/updates/a'), entry('acme-two/updates/a')]);
		expect(groups.get('acme')!.map((e) => e.id)).toEqual(['acme/updates/a']);
		expect(groups.get('acme-two')!.map((e) => e.id)).toEqual(['acme-two/updates/a']);
	});
});

describe('entriesByClient', () => {
	const collections: Record<string, ReturnType<typeof entry>[]> = {
		updates: [entry('acme/updates/2026-01-09'), entry('beta/updates/2026-01-02'), entry('acme/updates/2026-01-16')],
		risks: [entry('beta/risks/outage')],
	};

	it('asks each collection once however many clients read it, and gives each client only its own entries', async () => {
		const asked: string[] = [];
		const entriesOf = entriesByClient(async (collection: string) => {
			asked.push(collection);
			return collections[collection]!;
		});
		const [acme, beta, acmeRisks, betaRisks] = await Promise.all([
			entriesOf('updates', 'acme'),
			entriesOf('updates', 'beta'),
			entriesOf('risks', 'acme'),
			entriesOf('risks', 'beta'),
		]);
		expect(acme.map((e) => e.id)).toEqual(['acme/updates/2026-01-09', 'acme/updates/2026-01-16']);
		expect(beta.map((e) => e.id)).toEqual(['beta/updates/2026-01-02']);
		expect(acmeRisks).toEqual([]);
		expect(betaRisks.map((e) => e.id)).toEqual(['beta/risks/outage']);
		expect(await entriesOf('updates', 'gamma')).toEqual([]);
		expect(asked.sort()).toEqual(['risks', 'updates']);
	});

	it('gives every caller its own array: sorting one client’s entries changes no other answer', async () => {
		const entriesOf = entriesByClient(async (collection: string) => collections[collection]!);
		const first = await entriesOf('updates', 'acme');
		first.reverse();
		expect((await entriesOf('updates', 'acme')).map((e) => e.id)).toEqual(['acme/updates/2026-01-09', 'acme/updates/2026-01-16']);
	});

	it('asks again after a failed load instead of remembering the failure', async () => {
		let calls = 0;
		const entriesOf = entriesByClient(async (collection: string) => {
			if (++calls === 1) throw new Error('not ready');
			return collections[collection]!;
		});
		await expect(entriesOf('updates', 'acme')).rejects.toThrow('not ready');
		expect((await entriesOf('updates', 'acme')).length).toBe(2);
	});
});
