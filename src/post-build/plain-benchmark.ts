import type { LoadedContent } from '@/loader/load-content';

/**
 * The private clients a plain benchmark build must refuse; empty when it may go on.
 * `GLASSHOUSE_BENCHMARK_PLAIN=1` (the build context's `plainBenchmark`) builds the same pages as
 * Astro alone would: no diagrams drawn, no search index, none of the post-build steps. `npm run
 * bench` uses it to measure what Glasshouse adds to a plain Astro build of the same content. It
 * never switches off encryption: a build with it refuses any private client (the benchmark marks
 * its copy of the content public), so it cannot publish a private client's text, whatever folder
 * it writes to.
 */
export function privateClientsOf(content: LoadedContent): string[] {
	return content.clients.filter((client) => !client.client?.value.public).map((client) => client.slug);
}
