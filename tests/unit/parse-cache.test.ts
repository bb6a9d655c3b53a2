import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { openParseCache, SITE_PART } from '@/loader/parse-cache';
import { parseSource, readSourceFile, type FieldPath } from '@/loader/source-file';
import { ROOT } from '../support/build-site';

/** Every path into a value, and one missing key below each, as the checker asks `lineOf`. */
function pathsOf(value: unknown, path: Array<string | number> = []): FieldPath[] {
	const own: FieldPath[] = [path, [...path, 'missing']];
	if (Array.isArray(value)) return [...own, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
	if (value && typeof value === 'object') return [...own, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
	return own;
}

describe('the parse cache of glasshouse check', () => {
	it('gives back every file of the demo as the parser does: data, body and the line of every field', async () => {
		const cacheDir = mkdtempSync(path.join(tmpdir(), 'glasshouse-parse-cache-'));
		const content = path.join(ROOT, 'content');
		const files = (await listFiles(content)).filter((file) => /\.(ya?ml|mdx?)$/.test(file));
		/** The part a content file belongs to, as the loader chooses it: its client's folder, or the site's. */
		const partOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : SITE_PART);
		const first = await openParseCache(cacheDir);
		for (const file of files) await readSourceFile(path.join(content, file), file, undefined, await first.part(partOf(file)));
		await first.save();
		const second = await openParseCache(cacheDir);
		for (const file of files) {
			const text = readFileSync(path.join(content, file), 'utf8');
			const parsed = parseSource(text, file);
			const cached = (await second.part(partOf(file))).get(text, file);
			expect(cached, file).toBeDefined();
			expect({ ...cached!, lineOf: undefined }).toEqual({ ...parsed, lineOf: undefined });
			for (const field of pathsOf(parsed.data)) expect(cached!.lineOf(field), `${file} ${field.join('.')}`).toBe(parsed.lineOf(field));
		}
		// Another text is another entry, even under the same name.
		expect((await second.part(partOf(files[0]!))).get('name: Other\n', files[0]!)).toBeUndefined();
		// Each client's files are kept apart: a command about one client reads only its part.
		const harbour = files.find((file) => file.startsWith('harbour-museum/updates/'))!;
		const harbourText = readFileSync(path.join(content, harbour), 'utf8');
		expect((await second.part('harbour-museum')).get(harbourText, harbour)).toBeDefined();
		expect((await second.part('lanshan-tea')).get(harbourText, harbour)).toBeUndefined();
		// A run over other content adds its files and keeps these (the demo and an agency checked in turns).
		const other = await openParseCache(cacheDir);
		await readSourceFile('other.yaml', 'other.yaml', Promise.resolve('name: Other\n'), await other.part('harbour-museum'));
		await other.save();
		const third = await openParseCache(cacheDir);
		expect((await third.part('harbour-museum')).get('name: Other\n', 'other.yaml')?.data).toEqual({ name: 'Other' });
		expect((await third.part('harbour-museum')).get(harbourText, harbour)).toBeDefined();
		// One file per part, and none for a part nothing was parsed into.
		expect(readdirSync(path.join(cacheDir, 'parsed-files-3')).length).toBe(new Set(files.map(partOf)).size);
	});

	it('removes the single file of the first format, which held the whole agency', async () => {
		const cacheDir = mkdtempSync(path.join(tmpdir(), 'glasshouse-parse-cache-'));
		writeFileSync(path.join(cacheDir, 'parsed-files-1.json'), '{}');
		const cache = await openParseCache(cacheDir);
		await readSourceFile('site.yaml', 'site.yaml', Promise.resolve('agency: {}\n'), await cache.part(SITE_PART));
		await cache.save();
		expect(readdirSync(cacheDir)).toEqual(['parsed-files-3']);
	});
});
