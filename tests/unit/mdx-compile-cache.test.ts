import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { listFiles } from '@/lib/list-files';
import { COMPILED_BODIES, MDX_PLUGIN, mdxCompileCache } from '@/integrations/mdx-compile-cache';

type Transform = (code: string, id: string) => Promise<{ code: string; meta?: Record<string, unknown> } | undefined>;

/** A stand-in for @astrojs/mdx's compiler plugin: counts its compiles, fails on a body that says FAIL. */
function fakeCompiler() {
	const compiled: string[] = [];
	const plugin = {
		name: MDX_PLUGIN,
		async transform(code: string, id: string) {
			if (!id.endsWith('.mdx')) return { code: `/* not mdx */ ${code}` };
			compiled.push(id);
			if (code.includes('FAIL')) throw new Error(`Could not parse ${id}`);
			return { code: `export default () => ${JSON.stringify(code)}; // compile ${compiled.length}`, meta: { astro: { scripts: [] } } };
		},
	};
	return { plugin, compiled };
}

describe('the cache of compiled MDX bodies', () => {
	let cacheDir: string;
	let language: string;
	let lines: string[];
	beforeEach(() => {
		cacheDir = mkdtempSync(path.join(tmpdir(), 'glasshouse-mdx-cache-'));
		language = 'en';
		lines = [];
	});
	afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

	/** The fake compiler wrapped as Vite would leave it after `configResolved`. */
	function wrapped(shared = '/base/') {
		const { plugin, compiled } = fakeCompiler();
		const cache = mdxCompileCache(cacheDir, { forFile: async () => language, shared }, (line) => lines.push(line));
		(cache.configResolved as unknown as (config: { plugins: Plugin[] }) => void)({ plugins: [plugin as unknown as Plugin] });
		return { transform: plugin.transform as Transform, compiled, end: () => (cache.buildEnd as () => void)() };
	}

	it('compiles a body once, then answers with what it compiled, for the same text, path and inputs', async () => {
		const first = wrapped();
		const made = await first.transform('# Hello', '/c/acme/updates/2026-01-09.mdx');
		first.end();
		expect(first.compiled).toHaveLength(1);
		expect(lines).toEqual(['MDX bodies: 1 compiled, 0 from cache']);

		const second = wrapped();
		expect(await second.transform('# Hello', '/c/acme/updates/2026-01-09.mdx')).toEqual({ code: made!.code, map: null, meta: made!.meta });
		second.end();
		expect(second.compiled).toEqual([]);
		expect(lines.at(-1)).toBe('MDX bodies: 0 compiled, 1 from cache');
	});

	it('compiles again when the text, the path, the client-specific inputs or the shared inputs differ', async () => {
		await wrapped().transform('# Hello', '/c/acme/updates/2026-01-09.mdx');
		const again = wrapped();
		await again.transform('# Hello!', '/c/acme/updates/2026-01-09.mdx');
		await again.transform('# Hello', '/c/acme/updates/2026-01-16.mdx');
		language = 'zh-CN';
		await again.transform('# Hello', '/c/acme/updates/2026-01-09.mdx');
		expect(again.compiled).toHaveLength(3);
		language = 'en';
		const otherBase = wrapped('/other-base/');
		await otherBase.transform('# Hello', '/c/acme/updates/2026-01-09.mdx');
		expect(otherBase.compiled).toHaveLength(1);
	});

	it('never stores a body that failed to compile, and leaves other modules to the compiler', async () => {
		const { transform, compiled } = wrapped();
		await expect(transform('FAIL {x', '/c/acme/updates/bad.mdx')).rejects.toThrow('Could not parse');
		await expect(transform('FAIL {x', '/c/acme/updates/bad.mdx')).rejects.toThrow('Could not parse');
		expect(compiled).toHaveLength(2);
		expect(await transform('const a = 1;', '/src/page.ts')).toEqual({ code: '/* not mdx */ const a = 1;' });
		expect(await listFiles(path.join(cacheDir, COMPILED_BODIES)).catch(() => [])).toEqual([]);
	});

	it('leaves no half-written module behind: only whole entries are in the folder', async () => {
		const { transform } = wrapped();
		await Promise.all(['a', 'b', 'c'].map((name) => transform(`# ${name}`, `/c/acme/faq/${name}.mdx`)));
		const files = await listFiles(path.join(cacheDir, COMPILED_BODIES));
		expect(files).toHaveLength(3);
		expect(files.every((file) => file.endsWith('.json'))).toBe(true);
		expect(readdirSync(cacheDir)).toEqual([COMPILED_BODIES]);
	});

	it('does nothing when the MDX plugin is not there (another version of @astrojs/mdx)', () => {
		const cache = mdxCompileCache(cacheDir, { forFile: async () => '', shared: '' });
		const other = { name: 'another-plugin', transform: () => undefined };
		const original = other.transform;
		(cache.configResolved as unknown as (config: { plugins: Plugin[] }) => void)({ plugins: [other as unknown as Plugin] });
		expect(other.transform).toBe(original);
	});
});
