import type { BuildContext } from '@/build-context/build-context';
import { deriveBuildCacheMacKey, deriveKeyMaterialKey } from '@/keys/derive-credentials';
import { validClients, type LoadedContent } from '@/loader/load-content';
import { contentTimes } from '@/page-data/content-times';
import {
	clientFingerprint,
	keyMaterialFingerprint,
	readClientFiles,
	readSiteWideFingerprint,
	siteWideEntryFingerprint,
} from './build-fingerprint';
import { clientCache, clientCacheDir, SITE_WIDE_ENTRY, type CacheEntry, type ClientCache } from './client-cache';

/** Which clients a build renders and which it takes from the cache, and why. */
export interface ClientPlan {
	/** The cache of this content folder; absent when the build keeps none (no secret to authenticate entries). */
	cache?: ClientCache;
	/** Each client's fingerprint (see `clientFingerprint`), for storing the clients rendered. */
	fingerprints: Map<string, string>;
	/**
	 * Clients whose entry is there for their fingerprint and whose `entry.json` verifies, in order:
	 * their files are verified as they are copied (`restoreCached`), and a client whose copy is
	 * refused is rendered after all.
	 */
	reused: CacheEntry[];
	/** Clients to render, index and encrypt, in order, each with why. */
	rendered: Array<{ client: string; why: string }>;
	/** Entries found and refused (tampered, truncated, foreign): said as warnings. */
	refused: Array<{ client: string; why: string }>;
	/**
	 * The site-wide files (see `SITE_WIDE_ENTRY`): their fingerprint, for storing them after a build
	 * that ran Astro (absent when some client has none), and their entry when every client is
	 * reused and the entry matches (checked as the clients' are), in which case the build starts no
	 * Astro at all once every file verifies.
	 */
	siteWide?: { fingerprint: string; reused?: CacheEntry };
}

/**
 * How a build uses the cache: `reuse` verified entries and store what it renders; `full`
 * (`--full`) renders every client and refreshes every entry; `off` neither reads nor writes it
 * (the plain benchmark, whose output is not a site).
 */
export type CacheMode = 'reuse' | 'full' | 'off';

/**
 * Decides, per client of `content`, whether its cached folder can be reused: its entry is there,
 * made for the same fingerprint, and its MAC verifies (see `ClientCache.check`; its files are
 * verified when they are copied, beside Astro). A refused entry is discarded and its client is
 * rendered. Without a usable secret nothing is cached: an entry could not be authenticated.
 */
export async function planClients(
	context: Pick<BuildContext, 'root' | 'contentDir' | 'today' | 'base' | 'site' | 'clientCache' | 'variables' | 'hasSecret' | 'secret'>,
	content: LoadedContent,
	mode: CacheMode,
): Promise<ClientPlan> {
	const slugs = validClients(content);
	const all = (why: string): ClientPlan => ({
		fingerprints: new Map(),
		reused: [],
		rendered: slugs.map((client) => ({ client, why })),
		refused: [],
	});
	if (mode === 'off') return all('no cache');
	if (!context.hasSecret) return all('no GLASSHOUSE_SECRET to authenticate cache entries');
	let master: Uint8Array;
	try {
		master = context.secret();
	} catch {
		// The build itself reports an unusable secret; nothing is cached under it.
		return all('no usable secret to authenticate cache entries');
	}
	const cache = clientCache(clientCacheDir(context.clientCache, context.contentDir), await deriveBuildCacheMacKey(master));
	const keyMaterialKey = await deriveKeyMaterialKey(master);
	const siteWide = await readSiteWideFingerprint(context);
	const times = await contentTimes(context.contentDir);
	const plan: ClientPlan = { cache, fingerprints: new Map(), reused: [], rendered: [], refused: [] };
	for (const client of content.clients.filter((candidate) => candidate.client)) {
		let keyMaterial: string;
		try {
			keyMaterial = await keyMaterialFingerprint(client, keyMaterialKey, master, context.variables);
		} catch {
			// A credential that cannot be resolved (an unset passwordEnv) fails the encryption step, which says why.
			plan.rendered.push({ client: client.slug, why: 'its access entries could not be resolved' });
			continue;
		}
		const fingerprint = clientFingerprint({
			client: client.slug,
			siteWide,
			files: await readClientFiles(context.contentDir, client.slug, times, content.fileHashes),
			keyMaterial,
		});
		plan.fingerprints.set(client.slug, fingerprint);
		if (mode === 'full') {
			plan.rendered.push({ client: client.slug, why: '--full' });
			continue;
		}
		const found = await cache.check(client.slug, fingerprint);
		if ('entry' in found) plan.reused.push(found.entry);
		else if (found.reason === 'missing') plan.rendered.push({ client: client.slug, why: 'not in the cache' });
		else if (found.reason === 'changed') plan.rendered.push({ client: client.slug, why: 'changed' });
		else {
			plan.refused.push({ client: client.slug, why: found.detail });
			await cache.discard(client.slug);
			plan.rendered.push({ client: client.slug, why: 'cache entry refused' });
		}
	}
	if (plan.fingerprints.size < slugs.length) return plan;
	const fingerprint = siteWideEntryFingerprint(siteWide, plan.fingerprints);
	plan.siteWide = { fingerprint };
	// Astro runs anyway when a client is rendered, and writes the site-wide files again with it.
	if (plan.rendered.length > 0 || mode === 'full') return plan;
	const found = await cache.check(SITE_WIDE_ENTRY, fingerprint);
	if ('entry' in found) plan.siteWide.reused = found.entry;
	else if (found.reason === 'refused') {
		plan.refused.push({ client: SITE_WIDE_ENTRY, why: found.detail });
		await cache.discard(SITE_WIDE_ENTRY);
	}
	return plan;
}
