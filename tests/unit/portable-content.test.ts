import { describe, expect, it } from 'vitest';
import { loadContent } from '@/loader/load-content';
import { fromPortableContent, toPortableContent } from '@/loader/portable-content';
import { fromPortableContext, readBuildContext, toPortableContext } from '@/build-context/build-context';
import { DEMO_CONTENT } from '../support/temp-content';
import { TEST_SECRET } from '../support/open-page';

describe('content and context handed to a worker thread', () => {
	it('the loaded content survives a structured copy with every value, body and line of the body', async () => {
		const loaded = await loadContent(DEMO_CONTENT);
		expect(() => structuredClone(loaded)).toThrow();
		const copied = fromPortableContent(structuredClone(toPortableContent(loaded)));
		expect(copied.clients.map((client) => client.slug)).toEqual(loaded.clients.map((client) => client.slug));
		for (const [index, client] of loaded.clients.entries()) {
			const other = copied.clients[index]!;
			expect(other.client?.value).toEqual(client.client?.value);
			expect(other.updates.map((update) => [update.stem, update.value, update.source.body, update.source.bodyLine])).toEqual(
				client.updates.map((update) => [update.stem, update.value, update.source.body, update.source.bodyLine]),
			);
			expect(other.decisions.length).toBe(client.decisions.length);
			expect(other.updates[0]!.source.lineOf(['title'])).toBe(1);
		}
		expect(copied.site).toEqual(loaded.site);
		expect(copied.fileHashes).toEqual(loaded.fileHashes);
	});

	it('the build context survives a structured copy with its decoded secret', () => {
		const context = readBuildContext({ GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_BASE: '/repo/' }, '/tmp/project');
		const copied = fromPortableContext(structuredClone(toPortableContext(context)));
		expect(copied.secret()).toEqual(context.secret());
		expect({ ...copied, secret: undefined }).toEqual({ ...context, secret: undefined });
		const without = fromPortableContext(structuredClone(toPortableContext(readBuildContext({}, '/tmp/project'))));
		expect(() => without.secret()).toThrow('GLASSHOUSE_SECRET is not set');
	});
});
