/**
 * A plain Astro build of a content folder for `npm run bench`: Astro's own `build()` with the
 * project's configuration, as the CLI calls it, but without `glasshouse check` and with the build
 * context's plainBenchmark set, so no diagram is drawn and no post-build step runs. Every
 * client of the folder must be public (the integration refuses otherwise).
 *   node --import tsx tests/bench/support/plain-build.ts <content> <out>
 * Writes `{ total, phases, maxRssKb }` to GLASSHOUSE_TIMINGS like the CLI does.
 */
import path from 'node:path';
import { build } from 'astro';
import { astroConfig } from '@/astro-config';
import { serverBuildWithoutTreeShaking } from '@/integrations/server-build-tree-shaking';
import { readBuildContext } from '@/build-context/build-context';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { buildTimings, writeBuildTimings } from '@/post-build/build-timings';

const started = performance.now();
const [content, out] = process.argv.slice(2);
if (!content || !out) throw new Error('usage: plain-build.ts <content> <out>');
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const context = readBuildContext({ ...process.env, GLASSHOUSE_CONTENT: path.resolve(content), GLASSHOUSE_BENCHMARK_PLAIN: '1' }, root);
const timings = buildTimings();
await timings.timed('astro', () =>
	build({
		...(() => { const c = astroConfig({ context, timings }); c.vite = { ...c.vite, plugins: [...(c.vite?.plugins ?? []), serverBuildWithoutTreeShaking()] }; return c; })(),
		configFile: false,
		root,
		outDir: path.resolve(out),
		cacheDir: astroCacheDir(root, content),
		logLevel: 'info',
	}),
);
if (context.timingsFile) await writeBuildTimings(context.timingsFile, timings, performance.now() - started);
