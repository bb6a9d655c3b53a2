import { createHash } from 'node:crypto';
import path from 'node:path';

/** Astro's content cache, one per content folder so fixture, demo and benchmark builds never mix. */
export function astroCacheDir(root: string, content: string): string {
	return path.join(root, 'node_modules', '.astro', createHash('sha256').update(path.resolve(root, content)).digest('hex').slice(0, 12));
}
