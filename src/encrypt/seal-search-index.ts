import { randomBytes, randomInt } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileAad, FILE_MAGIC, sealFile } from '@/runtime/crypto/envelope';
import { utf8 } from '@/runtime/crypto/bytes';
import { paddedLength } from '@/runtime/crypto/padding';
import { PUBLIC_INDEX_FILE, indexManifestName, type IndexManifest } from '@/runtime/search/sealed-index';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';

interface SealSearchIndexInput {
	/** The client's `pagefind/` folder. */
	folder: string;
	client: string;
	buildId: string;
	contentKey: CryptoKey;
	/** Paths relative to `folder`, `/`-separated: every file Pagefind wrote there. */
	files: string[];
}

/** 128 random bits, hex: a name that says nothing and never repeats. */
const randomName = () => randomBytes(16).toString('hex');

/**
 * The number of index files an outsider sees: the real count rounded up to a bucket whose width
 * is a quarter of its power of two (at most 25 % more), made up with decoys. The count grows with
 * a client's vocabulary, so only its order of magnitude is left to see.
 */
export function paddedFileCount(count: number): number {
	if (count < 4) return 4;
	const step = 2 ** (Math.floor(Math.log2(count)) - 2);
	return Math.ceil(count / step) * step;
}

/**
 * Seals a private client's search index so that no published name, size or count is a function
 * of its plaintext an outsider can test. Pagefind names every file after a hash of its
 * unencrypted bytes, and filter files hold a handful of low-entropy values (statuses, years,
 * tags): a name alone could be brute-forced offline, and names repeat between builds of unchanged
 * content. So every index file gets a fresh random name, is padded to a size bucket and sealed
 * under that name; the map from Pagefind's names to the random ones is itself sealed, under a
 * name taken from the build id (random per build); decoy files of real files' sizes round the
 * count up to a bucket. Pagefind's generic runtime (`pagefind.js` and its WebAssembly) stays
 * readable under its own name: it is the same for every site.
 */
export async function sealSearchIndex(input: SealSearchIndexInput): Promise<{ files: number; decoys: number }> {
	const sealedFiles = input.files.filter((file) => !PUBLIC_INDEX_FILE.test(file));
	const manifest: IndexManifest = { v: 1, files: {} };
	const sizes = await mapLimit(sealedFiles, FILE_CONCURRENCY, async (file) => {
		const name = randomName();
		manifest.files[file] = name;
		const plain = await readFile(path.join(input.folder, file));
		await writeFile(
			path.join(input.folder, name),
			await sealFile(input.contentKey, plain, fileAad(input.client, input.buildId, `pagefind/${name}`)),
		);
		await rm(path.join(input.folder, file));
		return paddedLength(plain.length);
	});
	// Pagefind's own sub-folders (index/, fragment/, filter/) would tell each file's kind.
	await Promise.all(['index', 'fragment', 'filter'].map((folder) => rm(path.join(input.folder, folder), { recursive: true, force: true })));

	const manifestName = indexManifestName(input.buildId);
	await writeFile(
		path.join(input.folder, manifestName),
		await sealFile(input.contentKey, utf8(JSON.stringify(manifest)), fileAad(input.client, input.buildId, `pagefind/${manifestName}`)),
	);

	// Decoys look like sealed files: the same magic, then random bytes as long as a real file's
	// ciphertext. Nothing refers to them, so the browser never fetches one.
	const decoys = paddedFileCount(sealedFiles.length + 1) - sealedFiles.length - 1;
	const overhead = FILE_MAGIC.length + 12 + 16;
	await mapLimit(Array.from({ length: decoys }), FILE_CONCURRENCY, async () => {
		const size = sizes.length ? sizes[randomInt(sizes.length)]! : paddedLength(0);
		const bytes = randomBytes(overhead + size);
		bytes.write(FILE_MAGIC, 0, 'latin1');
		await writeFile(path.join(input.folder, randomName()), bytes);
	});
	return { files: sealedFiles.length + 1, decoys };
}
