/**
 * A plain Astro build of a content folder for `npm run bench`: Astro's own `build()` with the
 * project's configuration, as the CLI calls it, but without `glasshouse check` and with
 * GLASSHOUSE_BENCHMARK_PLAIN set, so no diagram is drawn and no post-build step runs. Every
 * client of the folder must be public (the integration refuses otherwise).
 *   node --import tsx tests/bench/support/plain-build.ts <content> <out>
 * Writes `{ total, phases, maxRssKb }` to GLASSHOUSE_TIMINGS like the CLI does.
 */
import path from 'node:path';
import { build } from 'astro';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { timed, writeBuildTimings } from '@/post-build/build-timings';

const started = performance.now();
const [content, out] = process.argv.slice(2);
if (!content || !out) throw new Error('usage: plain-build.ts <content> <out>');
const root = path.resolve(import.meta.dirname, '..', '..', '..');
process.env.GLASSHOUSE_CONTENT = path.resolve(content);
process.env.GLASSHOUSE_BENCHMARK_PLAIN = '1';
await timed('astro', () => build({ root, outDir: path.resolve(out), cacheDir: astroCacheDir(root, content), logLevel: 'info' }));
if (process.env.GLASSHOUSE_TIMINGS) await writeBuildTimings(process.env.GLASSHOUSE_TIMINGS, performance.now() - started);
