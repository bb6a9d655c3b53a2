import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CLIENT_KINDS, collectionOf, globOf, type ClientKind, type CollectionOf } from '@/kinds/registry';
import { pageContext } from 'virtual:glasshouse/page-context';

// Every entry id starts with the client folder ("acme/updates/2026-01-09"), which is how pages
// find a client's entries; cross-file rules run in `npm run check` before every build. A
// client-subset build (`PageContext.clients`) globs only those clients' folders: Astro never
// loads the other clients' files.
const from = (pattern: string) => glob({ base: pageContext.contentDir, pattern });

/**
 * One collection per kind of file in a client's folder (see `src/kinds/registry.ts`). A build
 * defines only the kinds it found files of (see `PageContext`): Astro's loader warns "No files found
 * matching …" for each other one, noise about a kind the agency does not use. The dev server, which
 * sees files come and go, defines them all.
 */
const withFiles = pageContext.collectionsWithFiles;
export const collections = Object.fromEntries(
	CLIENT_KINDS.filter((kind) => !withFiles || withFiles.includes(collectionOf(kind))).map((kind) => [
		collectionOf(kind),
		defineCollection({ loader: from(globOf(kind, pageContext.clients)), schema: kind.schema }),
	]),
) as { [K in ClientKind as CollectionOf<K>]: ReturnType<typeof defineCollection<K['schema']>> };
