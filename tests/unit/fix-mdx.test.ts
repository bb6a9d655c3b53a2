import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBody } from '@/check/compile-body';
import { describeFileFix, fixContent, writeFileFixes } from '@/fix/fix-content';
import { fixBodyLinks } from '@/fix/fix-links';
import type { ClientPages } from '@/check/check-links';
import { fixMdxBody } from '@/fix/fix-mdx';
import { unifiedDiff } from '@/fix/unified-diff';
import { ROOT } from '../support/build-site';

describe('check --fix: MDX pitfalls rewritten into their safe forms', () => {
	it('rewrites autolinks, HTML comments, bare tags, braces and undefined components, keeping every line where it was', async () => {
		const body = [
			'Read <https://example.com/spec> and mail <pat@example.com>.',
			'<!-- a note',
			'over two lines, with */ inside -->',
			'Run <command> if x<3, then `<code>` stays.',
			'The options are {fast, cheap}; JSON {"a": 1} and {{name}}.',
			'<Chart>kids</Chart> and [a link](https://example.com).',
			'',
		].join('\n');
		const fixed = await fixMdxBody(body);
		expect(fixed.body).toBe(
			[
				'Read [https://example.com/spec](https://example.com/spec) and mail [pat@example.com](mailto:pat@example.com).',
				'{/* a note',
				'over two lines, with * / inside */}',
				'Run \\<command> if x\\<3, then `<code>` stays.',
				'The options are \\{fast, cheap\\}; JSON \\{"a": 1\\} and \\{\\{name\\}\\}.',
				'\\<Chart>kids\\</Chart> and [a link](https://example.com).',
				'',
			].join('\n'),
		);
		expect(fixed.unfixedLine).toBeUndefined();
		expect(fixed.needsNoComponents).toBe(true);
		expect(fixed.fixes.map((fix) => fix.line).sort()).toEqual([1, 1, 2, 4, 4, 5, 5, 5, 6]);
		// What it wrote compiles, names nothing undefined, and so passes the check.
		expect(await compileBody(fixed.body, 'mdx', mkdtempSync(path.join(tmpdir(), 'glasshouse-fix-')))).toMatchObject({ ok: true });
	});

	it('leaves a body that uses components alone, and says which error it cannot rewrite', async () => {
		const components = "import Note from './note.astro';\n\n<Note>kept</Note> {1 + 1}\n";
		expect(await fixMdxBody(components)).toEqual({ body: components, fixes: [], needsNoComponents: false });
		const unclosed = 'Fine line.\n\n<!-- never closed\n';
		expect(await fixMdxBody(unclosed)).toMatchObject({ body: unclosed, fixes: [], unfixedLine: 3 });
	});

	it('shows a unified diff with context, one hunk for nearby changes', () => {
		const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'].join('\n');
		const after = before.replace('b', 'B').replace('c', 'C').replace('n', 'N');
		expect(unifiedDiff('x.mdx', before, after)).toBe(
			[
				'--- a/x.mdx',
				'+++ b/x.mdx',
				'@@ -1,6 +1,6 @@',
				' a',
				'-b',
				'-c',
				'+B',
				'+C',
				' d',
				' e',
				' f',
				'@@ -11,4 +11,4 @@',
				' k',
				' l',
				' m',
				'-n',
				'+N',
			].join('\n'),
		);
		expect(unifiedDiff('x.mdx', before, before)).toBe('');
	});

	it('rewrites links written as file names to the page they name, only the target, on its own line', () => {
		const pages: ClientPages = {
			slug: 'acme',
			entries: new Map([
				['decisions', new Set(['12', '13'])],
				['updates', new Set(['2026-01-09'])],
			]),
			indexes: new Set(['decisions', 'updates']),
			numbered: new Map([
				[
					'decisions',
					new Map([
						[12, '12'],
						[13, '13'],
					]),
				],
			]),
		};
		const body = [
			'See [0013-use-postgres.md](0013-use-postgres.md) and [the update](../../updates/2026-01-09.mdx).',
			'[ref]: ../0012-cache.mdx',
			'<a href="0013-use-postgres.md">record 13</a> and [decision 99](../0099-nothing.md)',
		].join('\n');
		const links = [
			{ line: 1, url: '0013-use-postgres.md' },
			{ line: 1, url: '../../updates/2026-01-09.mdx' },
			{ line: 2, url: '../0012-cache.mdx' },
			{ line: 3, url: '0013-use-postgres.md' },
			{ line: 3, url: '../0099-nothing.md' },
		];
		const fixed = fixBodyLinks(body, links, '/acme/decisions/page/', pages);
		expect(fixed.body.split('\n')).toEqual([
			'See [0013-use-postgres.md](../13/) and [the update](../../updates/2026-01-09/).',
			'[ref]: ../12/',
			'<a href="../13/">record 13</a> and [decision 99](../0099-nothing.md)',
		]);
		expect(fixed.fixes).toEqual([
			{ line: 1, what: 'link 0013-use-postgres.md (no such page) → ../13/' },
			{ line: 1, what: 'link ../../updates/2026-01-09.mdx (no such page) → ../../updates/2026-01-09/' },
			{ line: 2, what: 'link ../0012-cache.mdx (no such page) → ../12/' },
			{ line: 3, what: 'link 0013-use-postgres.md (no such page) → ../13/' },
		]);
	});

	it('on the pitfalls fixture: rewrites only the MDX files that fail and links written as file names, in file lines, and writes only when asked', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-fix-content-'));
		cpSync(path.join(ROOT, 'tests/fixtures/pitfalls/content'), path.join(work, 'content'), { recursive: true });
		const updates = path.join(work, 'content/acme/updates');
		const original = readFileSync(path.join(updates, '2026-01-09.mdx'), 'utf8');
		const fixes = await fixContent(path.join(work, 'content'), path.join(work, 'cache'), work);
		expect(fixes.map((fix) => [fix.file, fix.fixes.map((one) => one.line)])).toEqual([
			['content/acme/updates/2026-01-09.mdx', [9, 11, 13, 15]],
			['content/acme/updates/2026-01-16.mdx', [9, 11]],
			// Both of line 13's links name decision 1 by its file; "decision 7" on line 15 names nothing that exists.
			['content/acme/decisions/0002-add-read-replica.mdx', [13, 13]],
		]);
		expect(describeFileFix(fixes[2]!, false).join('\n')).toContain(
			'-This builds on [the database decision](../0001-use-postgres/) and [its file](./0001-use-postgres.mdx).\n+This builds on [the database decision](../1/) and [its file](../1/).',
		);
		const printed = describeFileFix(fixes[0]!, false).join('\n');
		expect(printed).toContain(
			'-- Read the spec at <https://example.com/spec>\n+- Read the spec at [https://example.com/spec](https://example.com/spec)',
		);
		expect(printed).toContain('-The options are {fast, cheap}.\n+The options are \\{fast, cheap\\}.');
		expect(printed).toMatch(/2026-01-09\.mdx: uses no components, so instead of these rewrites you could rename it to 2026-01-09\.md/);
		expect(describeFileFix(fixes[0]!, true).join('\n')).not.toContain('rename');
		// Nothing is written until asked.
		expect(readFileSync(path.join(updates, '2026-01-09.mdx'), 'utf8')).toBe(original);
		await writeFileFixes(fixes);
		expect(readFileSync(path.join(updates, '2026-01-09.mdx'), 'utf8')).toBe(fixes[0]!.after);
		expect(await fixContent(path.join(work, 'content'), path.join(work, 'cache'), work)).toEqual([]);
	});
});
