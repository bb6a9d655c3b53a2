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
		expect(await compileBody(BODY, 'mdx', cache)).toEqual({ ok: true, fences: [{ line: 5, source: 'flowchart LR\n  A --> B' }] });
		const [entry] = await readdir(cache);
		expect(JSON.parse(await readFile(path.join(cache, entry!), 'utf8'))).toEqual({
			ok: true,
			fences: [{ line: 5, source: 'flowchart LR\n  A --> B' }],
		});
		// The second time the cache answers: an entry changed by hand shows that it is read.
		await writeFile(path.join(cache, entry!), JSON.stringify({ ok: true, fences: [] }));
		expect(await compileBody(BODY, 'mdx', cache)).toEqual({ ok: true, fences: [] });
		// The same text as Markdown is another entry.
		expect(await compileBody(BODY, 'md', cache)).toMatchObject({ ok: true, fences: [{ line: 5 }] });
	});

	it('reports a syntax error with its line and never remembers it', async () => {
		const broken = 'Fine line\n\nAn unclosed <Component tag\n';
		expect(await compileBody(broken, 'mdx', cache)).toMatchObject({ ok: false, line: 3 });
		expect(await readdir(cache)).toEqual([]);
	});

	it('compiles anyway when the cache cannot be read or written', async () => {
		const file = path.join(cache, 'not-a-folder');
		await writeFile(file, '');
		expect(await compileBody(BODY, 'mdx', file)).toMatchObject({ ok: true, fences: [{ line: 5 }] });
	});
});
