import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { codeFingerprint } from '@/cli/astro-cache-dir';
import { resolveCredentials } from '@/keys/build-keyring';
import type { LoadedClient } from '@/loader/load-content';
import type { TimesOf } from '@/page-data/content-times';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';

/**
 * Bumped when what an entry holds, or how it is fingerprinted, changes: older entries then
 * never match and are rebuilt.
 */
export const CACHE_FORMAT = 'glasshouse-client-cache/1';

/** The files besides `src/` and the lock file whose change reshapes every client's output. */
const CONFIG_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json'];

/** What shapes every client's output alike (see `siteWideFingerprint`). */
export interface SiteWideInputs {
	/** SHA-256 of `src/`, the lock file, the configuration files and `public/` (see `readCodeFingerprint`). */
	code: string;
	/** The bytes of `site.yaml` (agency name, site title: in every page). */
	siteYaml: Uint8Array;
	/** The build day (`BuildContext.today`): "review overdue", "2 days ago" and such are judged by it. */
	today: string;
	/** Base path and site URL: in every link and lock screen. */
	base: string;
	site: string;
	/** Node's version: its `Intl` data formats dates and numbers in the pages. */
	runtime: string;
}

/** One file of a client's content folder as the fingerprint sees it. */
export interface ContentFileInput {
	/** Path relative to the client's folder, with `/`. */
	path: string;
	/** SHA-256 (hex) of its bytes. */
	sha256: string;
	/** The times "what's new" marks pages by (see `contentTimes`), in milliseconds. */
	createdAt?: number | undefined;
	changedAt?: number | undefined;
}

/** What shapes one client's output (see `clientFingerprint`). */
export interface ClientInputs {
	client: string;
	/** `siteWideFingerprint` of this build. */
	siteWide: string;
	/** Every file in the client's folder (client.yaml, entries, glossary, logo, attachments). */
	files: ContentFileInput[];
	/** `keyMaterialFingerprint` of the client: changes with the secret, a revocation, a rotation, a password. */
	keyMaterial: string;
}

/** One SHA-256 over the inputs every client shares. */
export function siteWideFingerprint(inputs: SiteWideInputs): string {
	const hash = createHash('sha256').update(`${CACHE_FORMAT}\0`);
	for (const value of [inputs.code, inputs.today, inputs.base, inputs.site, inputs.runtime]) hash.update(`${value}\0`);
	hash.update(`${inputs.siteYaml.length}\0`).update(inputs.siteYaml);
	return hash.digest('hex');
}

/**
 * One SHA-256 over everything that shapes a client's finished (indexed, encrypted) folder: equal
 * fingerprints mean its cached folder is what this build would produce, up to the fresh random
 * keys and names every encryption draws. Another client's files take no part in it.
 */
export function clientFingerprint(inputs: ClientInputs): string {
	const hash = createHash('sha256').update(`${CACHE_FORMAT}\0${inputs.client}\0${inputs.siteWide}\0${inputs.keyMaterial}\0`);
	for (const file of [...inputs.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		hash.update(`${file.path}\0${file.sha256}\0${file.createdAt ?? ''}\0${file.changedAt ?? ''}\n`);
	}
	return hash.digest('hex');
}

/**
 * One SHA-256 over everything that shapes the site-wide files (root page, 404 page, `public/`'s
 * files, `_headers`, the shared folders): the site-wide inputs and the clients built with their
 * fingerprints. The clients take part whole, though the root page names none of them today: which
 * clients there are, whether any is private (the unlock runtime) and what their pages share in
 * `/_astro/` all follow from their fingerprints, so no fact about them is derived a second time
 * here. The entry is only looked at when every client is reused, so this costs no rebuild.
 */
export function siteWideEntryFingerprint(siteWide: string, clients: ReadonlyMap<string, string>): string {
	const hash = createHash('sha256').update(`${CACHE_FORMAT}\0site-wide\0${siteWide}\0`);
	for (const client of [...clients.keys()].sort()) hash.update(`${client}\0${clients.get(client)}\n`);
	return hash.digest('hex');
}

/**
 * HMAC-SHA-256, under a key derived from the secret (`deriveKeyMaterialKey`), of the client's
 * resolved credentials: the derived passphrases and link tokens (which change with the secret and
 * with an entry's rotation), passwords taken from the environment, and which entries are revoked.
 * Without the secret it gives nothing to test a guess of the secret or a password against.
 */
export async function keyMaterialFingerprint(
	client: LoadedClient,
	key: Uint8Array,
	master: Uint8Array,
	variables: Readonly<Record<string, string | undefined>>,
): Promise<string> {
	const settings = client.client?.value;
	const mac = createHmac('sha256', key).update(`${CACHE_FORMAT}\0${client.slug}\0`);
	if (!settings || settings.public) return mac.update('public').digest('hex');
	const credentials = await resolveCredentials(client.slug, settings.access, master, variables);
	mac.update(JSON.stringify(settings.access));
	for (const credential of credentials) mac.update(`\0${credential.entry.id}\0${credential.password ?? ''}\0${credential.token ?? ''}`);
	return mac.digest('hex');
}

/** `codeFingerprint` (`src/`, the lock file) with the configuration files and `public/`, whose files land in every build. */
export async function readCodeFingerprint(root: string): Promise<string> {
	const hash = createHash('sha256').update(await codeFingerprint(root));
	const publicFiles = (await listFiles(path.join(root, 'public')).catch(() => [] as string[])).map((file) => path.join('public', file));
	for (const file of [...CONFIG_FILES, ...publicFiles.sort()]) {
		const bytes = await readFile(path.join(root, file)).catch(() => Buffer.alloc(0));
		hash.update(`${file.split(path.sep).join('/')}\0${bytes.length}\0`).update(bytes);
	}
	return hash.digest('hex');
}

/** The site-wide inputs of a build, read from its context. */
export async function readSiteWideFingerprint(
	context: Pick<BuildContext, 'root' | 'contentDir' | 'today' | 'base' | 'site'>,
): Promise<string> {
	return siteWideFingerprint({
		code: await readCodeFingerprint(context.root),
		siteYaml: await readFile(path.join(context.contentDir, 'site.yaml')).catch(() => new Uint8Array()),
		today: context.today,
		base: context.base,
		site: context.site,
		runtime: process.version,
	});
}

/**
 * Every file of a client's folder with its hash and its "what's new" times. `known` holds the
 * hashes of the files loading the content already read (`LoadedContent.fileHashes`): only the
 * others (images, attachments, files of no kind) are read here.
 */
export async function readClientFiles(
	contentDir: string,
	slug: string,
	times: TimesOf,
	known: ReadonlyMap<string, string> = new Map(),
): Promise<ContentFileInput[]> {
	const dir = path.join(contentDir, slug);
	return mapLimit(await listFiles(dir), FILE_CONCURRENCY, async (file) => {
		const absolute = path.join(dir, file);
		const { createdAt, changedAt } = await times({ filePath: absolute });
		return {
			path: file.split(path.sep).join('/'),
			sha256:
				known.get(absolute) ??
				createHash('sha256')
					.update(await readFile(absolute))
					.digest('hex'),
			createdAt,
			changedAt,
		};
	});
}
