import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileBody } from '@/check/compile-body';

let cache: string;
beforeEach(async () => {
	cache = await mkdtemp(path.join(tmpdir(), 'glasshouse-check-cache-'));
});

const BODY = '## Done\n\n- One thing\n\n```mermaid\nflowchart LR\n  A --> B\n```\n';

describe('compileBody', () => {
	it('finds the mermaid fences with their line in the body, and remembers a body that compiled', async () => {
		expect(await compileBody(BODY, 'mdx', cache)).toMatchObject({ ok: true, fences: [{ line: 5, source: 'flowchart LR\n  A --> B' }] });
		const [entry] = await readdir(cache);
		expect(JSON.parse(await readFile(path.join(cache, entry!), 'utf8'))).toMatchObject({
			ok: true,
			fences: [{ line: 5, source: 'flowchart LR\n  A --> B' }],
		});
		// The second time the cache answers: an entry changed by hand shows that it is read.
		const changed = { ok: true, syntaxErrors: [], uncheckedLines: 0, undefinedNames: [], fences: [], images: [] };
		await writeFile(path.join(cache, entry!), JSON.stringify(changed));
		expect(await compileBody(BODY, 'mdx', cache)).toEqual(changed);
		// The same text as Markdown is another entry.
		expect(await compileBody(BODY, 'md', cache)).toMatchObject({ ok: true, fences: [{ line: 5 }] });
	});

	it('reports a syntax error with its line and never remembers it', async () => {
		const broken = 'Fine line\n\nAn unclosed <Component tag\n';
		expect(await compileBody(broken, 'mdx', cache)).toMatchObject({ ok: false, syntaxErrors: [{ line: 3 }] });
		expect(await readdir(cache)).toEqual([]);
	});

	it('reports every syntax error of a body in one run, in line order', async () => {
		const body = 'See <https://example.com/a>\n\n<!-- note -->\n\nRun <command> now\n\nA {set of} words\n\nFine.\n';
		const result = await compileBody(body, 'mdx', cache);
		expect(result.syntaxErrors.map((error) => [error.line, error.rule])).toEqual([
			[1, 'unexpected-character'],
			[3, 'unexpected-character'],
			[5, 'end-tag-mismatch'],
			[7, 'acorn'],
		]);
		expect(result.uncheckedLines).toBe(0);
	});

	it('reports an unclosed tag where it opens, and goes on checking after it', async () => {
		const result = await compileBody('Fine.\n\n<Open\n\nmore\n\nA {set of} words\n', 'mdx', cache);
		expect(result.syntaxErrors.map((error) => error.line)).toEqual([3, 7]);
		expect(result.uncheckedLines).toBe(0);
	});

	it('stops after 50 errors in a body and says how many lines were left unchecked', async () => {
		const body = Array.from({ length: 60 }, (_, index) => `Line ${index} <!-- note -->\n`).join('\n');
		const result = await compileBody(body, 'mdx', cache);
		expect(result.syntaxErrors).toHaveLength(50);
		expect(result.stoppedAt).toBe(99);
		expect(result.uncheckedLines).toBe(20);
	});

	it('finds undefined expressions and components, and images, with their lines', async () => {
		const body =
			'import Chart from "./chart.astro"\n\nStatus: {TBD}\n\n<Chart />\n\n<Missing />\n\n{Math.max(1, 2)} {[1].map((x) => x)}\n\n![plan](./plan.png)\n';
		const result = await compileBody(body, 'mdx', cache);
		expect(result.ok).toBe(false);
		expect(result.undefinedNames).toEqual([
			{ line: 3, name: 'TBD', kind: 'expression' },
			{ line: 7, name: 'Missing', kind: 'component' },
		]);
		expect(result.images).toEqual([{ line: 11, url: './plan.png' }]);
	});

	it('compiles anyway when the cache cannot be read or written', async () => {
		const file = path.join(cache, 'not-a-folder');
		await writeFile(file, '');
		expect(await compileBody(BODY, 'mdx', file)).toMatchObject({ ok: true, fences: [{ line: 5 }] });
	});
});
