import { resolveConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { serverBuildWithoutTreeShaking } from '@/integrations/server-build-tree-shaking';
import { astroConfig } from '@/astro-config';
import { readBuildContext } from '@/build-context/build-context';

/** Rollup's options as Vite resolves them for a build, the way Astro starts its server and client builds. */
async function rollupOptionsOf(ssr: boolean) {
	const resolved = await resolveConfig(
		{ configFile: false, logLevel: 'silent', plugins: [serverBuildWithoutTreeShaking()], build: ssr ? { ssr: true } : {} },
		'build',
	);
	return resolved.build.rollupOptions;
}

const pluginNames = (plain: boolean) =>
	(astroConfig({ context: readBuildContext({ GLASSHOUSE_BENCHMARK_PLAIN: plain ? '1' : undefined }) }).vite?.plugins ?? [])
		.flat()
		.map((plugin) => (plugin as { name?: string }).name);

describe("Astro's server build without tree-shaking", () => {
	it('turns tree-shaking off for the server build only: the client build, whose scripts are published, keeps it', async () => {
		expect((await rollupOptionsOf(true)).treeshake).toBe(false);
		expect((await rollupOptionsOf(false)).treeshake).toBeUndefined();
	});

	it("is part of Glasshouse's builds, not of the plain benchmark, which stands for Astro's defaults", () => {
		expect(pluginNames(false)).toContain('glasshouse:server-build-without-tree-shaking');
		expect(pluginNames(true)).not.toContain('glasshouse:server-build-without-tree-shaking');
	});
});
