import { describe, expect, it } from 'vitest';
import { derivePathSegment } from '@/keys/derive-credentials';
import { decodeSecret } from '@/keys/secret';
import { riskPathSegments } from '@/kinds/risk/risk-paths';
import { TEST_SECRET } from '../support/open-page';

const master = decodeSecret(TEST_SECRET);

describe('derivePathSegment', () => {
	it('is 12 URL-safe characters, the same on every build, and different per client and per id', async () => {
		const segment = await derivePathSegment(master, 'acme', 'risk', 'supplier-insolvency');
		expect(segment).toMatch(/^[A-Za-z0-9_-]{12}$/);
		expect(await derivePathSegment(master, 'acme', 'risk', 'supplier-insolvency')).toBe(segment);
		expect(await derivePathSegment(master, 'other', 'risk', 'supplier-insolvency')).not.toBe(segment);
		expect(await derivePathSegment(master, 'acme', 'risk', 'supplier-delay')).not.toBe(segment);
		expect(await derivePathSegment(new Uint8Array(32).fill(7), 'acme', 'risk', 'supplier-insolvency')).not.toBe(segment);
	});
});

describe('riskPathSegments', () => {
	it("hides a private client's ids behind segments derived from the secret", async () => {
		const paths = await riskPathSegments('acme', false, ['supplier-insolvency'], master);
		expect(paths.get('supplier-insolvency')).toBe(await derivePathSegment(master, 'acme', 'risk', 'supplier-insolvency'));
	});

	it('keeps the ids of a public client, whose pages are readable anyway', async () => {
		expect(await riskPathSegments('acme', true, ['supplier-insolvency'], master)).toEqual(
			new Map([['supplier-insolvency', 'supplier-insolvency']]),
		);
	});
});
