/**
 * Compares two builds of the same content page by page, after decryption: a refactoring must not
 * change what a client reads. Both builds must use the test secret (see TEST_SECRET).
 *
 *   GLASSHOUSE_SECRET=<TEST_SECRET> glasshouse build --out /tmp/before   (on the old commit)
 *   GLASSHOUSE_SECRET=<TEST_SECRET> glasshouse build --out /tmp/after    (on the new commit)
 *   npx tsx tests/tools/compare-builds.ts /tmp/before /tmp/after [content folder]
 *
 * What differs by design between any two builds is set aside: the build stamp and keyring of each
 * shell, the random names of sealed files, and the content hashes in `_astro/` asset names (the
 * assets themselves are compared by their name without the hash).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decryptedSnapshot, snapshotDifferences } from '../support/decrypted-build';

const [before, after, content = 'content'] = process.argv.slice(2);
if (!before || !after) {
	console.error('Usage: tsx tests/tools/compare-builds.ts <before dist> <after dist> [content folder]');
	process.exit(2);
}
const [a, b] = await Promise.all([decryptedSnapshot(before, content), decryptedSnapshot(after, content)]);
// COMPARE_DUMP=<folder> writes both decrypted builds there, to read the differences with a diff tool.
const dump = process.env.COMPARE_DUMP;
if (dump)
	for (const [side, files] of [
		['before', a],
		['after', b],
	] as const)
		for (const [name, text] of files) {
			const file = path.join(dump, side, name);
			await mkdir(path.dirname(file), { recursive: true });
			await writeFile(file, text.replace(/></g, '>\n<'));
		}
const differences = snapshotDifferences(a, b);
const pageCount = [...a.keys()].filter((name) => name.endsWith('.html')).length;
if (differences.length) {
	console.error(differences.join('\n'));
	console.error(`\n${differences.length} of ${a.size} files differ.`);
	process.exit(1);
}
console.log(`Same: ${a.size} files (${pageCount} pages, decrypted) in ${before} and ${after}.`);
