import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@/lib/list-files';
import { glossaryKind } from '@/kinds/glossary/kind';
import { fileNames } from '@/kinds/registry';

/** The file in a cache folder naming the code that filled it. */
const CODE_STAMP = 'glasshouse-code';

/** Astro's content cache, one per content folder so fixture, demo and benchmark builds never mix. */
export function astroCacheDir(root: string, content: string): string {
	return path.join(root, 'node_modules', '.astro', createHash('sha256').update(path.resolve(root, content)).digest('hex').slice(0, 12));
}

/**
 * `astroCacheDir`, emptied first when other code filled it. Astro keeps parsed entries until the
 * content, its configuration text or its version change, not when our schemas, Markdown plugins
 * or page code do: a build after such a change would render the old parse. Nor when a client's
 * glossary changes, which the Markdown plugin marks terms of in every body (see `glossaryFingerprint`).
 */
export async function currentAstroCacheDir(root: string, content: string): Promise<string> {
	const dir = astroCacheDir(root, content);
	const fingerprint = `${await codeFingerprint(root)} ${await glossaryFingerprint(path.resolve(root, content))}`;
	const stamp = path.join(dir, CODE_STAMP);
	if ((await readFile(stamp, 'utf8').catch(() => undefined)) !== fingerprint) {
		await rm(dir, { recursive: true, force: true });
		await mkdir(dir, { recursive: true });
		await writeFile(stamp, fingerprint);
	}
	return dir;
}

/** SHA-256 over the names and bytes of everything that shapes a build besides the content: `src/` and the lock file. */
export async function codeFingerprint(root: string): Promise<string> {
	const hash = createHash('sha256');
	const files = [...(await listFiles(path.join(root, 'src'))).map((file) => path.join('src', file)), 'package-lock.json'];
	for (const file of files) {
		const bytes = await readFile(path.join(root, file)).catch(() => Buffer.alloc(0));
		hash.update(`${file.split(path.sep).join('/')}\0${bytes.length}\0`).update(bytes);
	}
	return hash.digest('hex');
}

/** SHA-256 over every client's glossary.yaml: a body rendered with other terms marked is stale. */
export async function glossaryFingerprint(contentDir: string): Promise<string> {
	const hash = createHash('sha256');
	const clients = (await readdir(contentDir, { withFileTypes: true }).catch(() => [])).filter((entry) => entry.isDirectory());
	for (const client of clients.map((entry) => entry.name).sort()) {
		for (const name of fileNames(glossaryKind)) {
			const bytes = await readFile(path.join(contentDir, client, name)).catch(() => undefined);
			if (bytes) hash.update(`${client}/${name}\0${bytes.length}\0`).update(bytes);
		}
	}
	return hash.digest('hex');
}
