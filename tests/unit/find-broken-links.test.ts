import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '@/post-build/find-broken-links';

async function site(files: Record<string, string>) {
	const dir = await mkdtemp(path.join(tmpdir(), 'links-'));
	for (const [file, html] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
		await writeFile(path.join(dir, file), html);
	}
	return dir;
}

describe('findBrokenLinks', () => {
	it('accepts links under the base to pages and files, and ignores external ones', async () => {
		const dir = await site({
			'index.html': '<a href="/repo/acme/">a</a><a href="https://example.com/x">x</a><a href="mailto:a@b.c">m</a><a href="#top">t</a>',
			'acme/index.html': '<a href="updates/">rel</a><link href="/repo/_astro/site.css"><a href="/repo/acme/?status=accepted">q</a>',
			'acme/updates/index.html': '<a href="../">up</a>',
			'_astro/site.css': 'body{}',
		});
		expect(await findBrokenLinks(dir, '/repo/')).toEqual([]);
	});

	it('reports missing targets and links that ignore the base path', async () => {
		const dir = await site({
			'index.html': '<a href="/repo/missing/">m</a><a href="/acme/">no base</a>',
			'acme/index.html': '',
		});
		expect(await findBrokenLinks(dir, '/repo/')).toEqual([
			{ file: 'index.html', href: '/repo/missing/' },
			{ file: 'index.html', href: '/acme/' },
		]);
	});
});
