import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { openParseCache } from '@/loader/parse-cache';
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
		const first = await openParseCache(cacheDir);
		for (const file of files) await readSourceFile(path.join(content, file), file, undefined, first);
		await first.save();
		const second = await openParseCache(cacheDir);
		for (const file of files) {
			const text = readFileSync(path.join(content, file), 'utf8');
			const parsed = parseSource(text, file);
			const cached = second.get(text, file);
			expect(cached, file).toBeDefined();
			expect({ ...cached!, lineOf: undefined }).toEqual({ ...parsed, lineOf: undefined });
			for (const field of pathsOf(parsed.data)) expect(cached!.lineOf(field), `${file} ${field.join('.')}`).toBe(parsed.lineOf(field));
		}
		// Another text is another entry, even under the same name.
		expect(second.get('name: Other\n', files[0]!)).toBeUndefined();
		// A run over other content adds its files and keeps these (the demo and an agency checked in turns).
		const other = await openParseCache(cacheDir);
		await readSourceFile('other.yaml', 'other.yaml', Promise.resolve('name: Other\n'), other);
		await other.save();
		const third = await openParseCache(cacheDir);
		expect(third.get('name: Other\n', 'other.yaml')?.data).toEqual({ name: 'Other' });
		expect(third.get(readFileSync(path.join(content, files[0]!), 'utf8'), files[0]!)).toBeDefined();
	});
});
