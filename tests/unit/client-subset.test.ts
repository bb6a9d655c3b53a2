import { folder } from '../support/temp-folder';
import { glob } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentOfClients } from '@/loader/client-subset';
import { loadContent, type LoadedContent } from '@/loader/load-content';
import { globOf } from '@/kinds/registry';
import { updateKind } from '@/kinds/update/kind';
import { clientKind } from '@/kinds/client/kind';
import { DEMO_CONTENT } from '../support/temp-content';

describe("a client-subset build's collections", () => {
	// Matched by tinyglobby, as Astro's glob loader does.
	let content: string;
	beforeAll(async () => {
		content = await folder('glasshouse-subset-', {
			'acme/client.yaml': 'a',
			'acme/updates/2026-11-20.mdx': 'a',
			'acme/updates/2026-11-27.md': 'a',
			'acme-2/client.yaml': 'a',
			'acme-2/updates/2026-11-20.mdx': 'a',
			'beta/client.yaml': 'a',
			'beta/updates/2026-11-20.mdx': 'a',
			'gamma/updates/2026-11-20.mdx': 'a',
		});
	});
	const found = async (pattern: string) => (await glob(pattern, { cwd: content })).sort();

	it("glob every client's folder without a list, and only the listed folders with one", async () => {
		expect(await found(globOf(updateKind))).toEqual([
			'acme-2/updates/2026-11-20.mdx',
			'acme/updates/2026-11-20.mdx',
			'acme/updates/2026-11-27.md',
			'beta/updates/2026-11-20.mdx',
			'gamma/updates/2026-11-20.mdx',
		]);
		// One name, and a list of names (a one-name brace list would be read literally).
		expect(await found(globOf(updateKind, ['acme']))).toEqual(['acme/updates/2026-11-20.mdx', 'acme/updates/2026-11-27.md']);
		expect(await found(globOf(updateKind, ['acme', 'beta']))).toEqual([
			'acme/updates/2026-11-20.mdx',
			'acme/updates/2026-11-27.md',
			'beta/updates/2026-11-20.mdx',
		]);
		expect(await found(globOf(clientKind, ['beta']))).toEqual(['beta/client.yaml']);
	});
});

describe('contentOfClients', () => {
	let content: LoadedContent;
	beforeAll(async () => {
		content = await loadContent(DEMO_CONTENT);
	});

	it('keeps the listed clients and the site settings, nothing of the others', () => {
		const subset = contentOfClients(content, ['lanshan-tea', 'harbour-museum']);
		expect(subset.clients.map((client) => client.slug)).toEqual(['harbour-museum', 'lanshan-tea']);
		expect(subset.site).toEqual(content.site);
		expect(contentOfClients(content, []).clients).toEqual([]);
	});

	it('refuses a slug that is no client of the checked content, rather than build less than asked', () => {
		expect(() => contentOfClients(content, ['harbour-museum', 'nobody'])).toThrow(
			'Cannot build nobody: not a client of the checked content (a folder with a valid client.yaml).',
		);
	});
});
