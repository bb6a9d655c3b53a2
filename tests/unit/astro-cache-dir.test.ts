import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroCacheDir, codeFingerprint, currentAstroCacheDir } from '@/cli/astro-cache-dir';
import { folder } from '../support/temp-folder';

const project = () =>
	folder('gh-astro-cache-', {
		'src/kinds/update/schema.ts': 'export const UpdateSchema = 1;\n',
		'src/pages/index.astro': '<p>hi</p>\n',
		'package-lock.json': '{"lockfileVersion":3}\n',
	});

describe("Astro's content cache", () => {
	it('is kept while the code that filled it is the same', async () => {
		const root = await project();
		const dir = await currentAstroCacheDir(root, 'content');
		expect(dir).toBe(astroCacheDir(root, 'content'));
		await writeFile(path.join(dir, 'data-store.json'), 'parsed entries');
		expect(await currentAstroCacheDir(root, 'content')).toBe(dir);
		expect(await readFile(path.join(dir, 'data-store.json'), 'utf8')).toBe('parsed entries');
	});

	it('is emptied when a schema, a page or the lock file changed, so no build renders an old parse', async () => {
		const root = await project();
		for (const [file, text] of [
			['src/kinds/update/schema.ts', 'export const UpdateSchema = 2;\n'],
			['src/pages/index.astro', '<p>hello</p>\n'],
			['package-lock.json', '{"lockfileVersion":3,"packages":{}}\n'],
			['src/lib/new-helper.ts', 'export {};\n'],
		]) {
			const dir = await currentAstroCacheDir(root, 'content');
			await writeFile(path.join(dir, 'data-store.json'), 'parsed entries');
			await mkdir(path.dirname(path.join(root, file!)), { recursive: true });
			await writeFile(path.join(root, file!), text!);
			await currentAstroCacheDir(root, 'content');
			await expect(readFile(path.join(dir, 'data-store.json'), 'utf8'), file).rejects.toThrow(/ENOENT/);
		}
	});

	it("is emptied when a client's glossary changes, since every Markdown body marks its terms", async () => {
		const root = await project();
		await mkdir(path.join(root, 'content', 'acme'), { recursive: true });
		await writeFile(path.join(root, 'content', 'acme', 'glossary.yaml'), 'terms: []\n');
		const dir = await currentAstroCacheDir(root, 'content');
		await writeFile(path.join(dir, 'data-store.json'), 'parsed entries');
		await writeFile(path.join(root, 'content', 'acme', 'glossary.yaml'), 'terms: [{ term: UAT, definition: Testing }]\n');
		await currentAstroCacheDir(root, 'content');
		await expect(readFile(path.join(dir, 'data-store.json'), 'utf8')).rejects.toThrow(/ENOENT/);
	});

	it('fingerprints names as well as bytes', async () => {
		const one = await folder('gh-astro-cache-', { 'src/a.ts': 'x', 'package-lock.json': '' });
		const other = await folder('gh-astro-cache-', { 'src/b.ts': 'x', 'package-lock.json': '' });
		expect(await codeFingerprint(one)).not.toBe(await codeFingerprint(other));
		expect(await codeFingerprint(one)).toBe(await codeFingerprint(one));
	});
});
