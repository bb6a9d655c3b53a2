import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBody } from '@/check/compile-body';
import { describeFileFix, fixContent, writeFileFixes } from '@/fix/fix-content';
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

	it('on the pitfalls fixture: rewrites only the MDX files that fail, in file lines, and writes only when asked', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-fix-content-'));
		cpSync(path.join(ROOT, 'tests/fixtures/pitfalls/content'), path.join(work, 'content'), { recursive: true });
		const updates = path.join(work, 'content/acme/updates');
		const original = readFileSync(path.join(updates, '2026-01-09.mdx'), 'utf8');
		const fixes = await fixContent(path.join(work, 'content'), path.join(work, 'cache'), work);
		expect(fixes.map((fix) => [fix.file, fix.fixes.map((one) => one.line)])).toEqual([
			['content/acme/updates/2026-01-09.mdx', [9, 11, 13, 15]],
			['content/acme/updates/2026-01-16.mdx', [9, 11]],
		]);
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
