import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '@/lib/list-files';

/** The file in a cache folder naming the code that filled it. */
const CODE_STAMP = 'glasshouse-code';

/** Astro's content cache, one per content folder so fixture, demo and benchmark builds never mix. */
export function astroCacheDir(root: string, content: string): string {
	return path.join(root, 'node_modules', '.astro', createHash('sha256').update(path.resolve(root, content)).digest('hex').slice(0, 12));
}

/**
 * `astroCacheDir`, emptied first when other code filled it. Astro keeps parsed entries until the
 * content, its configuration text or its version change, not when our schemas, Markdown plugins
 * or page code do: a build after such a change would render the old parse.
 */
export async function currentAstroCacheDir(root: string, content: string): Promise<string> {
	const dir = astroCacheDir(root, content);
	const fingerprint = await codeFingerprint(root);
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
