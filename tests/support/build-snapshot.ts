/**
 * A built site as a reader sees it: every page and sealed file decrypted with the test secret
 * (see TEST_SECRET), keyed by path, with what differs by design between any two builds set aside
 * (the build stamp and keyring of each shell, the random names of sealed files, the content
 * hashes in `_astro/` asset names, and the sealed attachments with their decoys, compared by
 * count and sizes since their names and the decoys' bytes are random). Shared by `tests/tools/compare-builds.ts` and the tests that
 * compare two ways of building the same content.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromUtf8 } from '@/runtime/crypto/bytes';
import { FILE_MAGIC, fileAad, openFile } from '@/runtime/crypto/envelope';
import { listFiles } from '@/lib/list-files';
import { SEALED_ATTACHMENTS_FOLDER } from '@/kinds/document/attachment-plan';
import { contentKeyOf, openPage, openSearchIndex } from './open-page';

export type Snapshot = Map<string, string>;

/** `_astro/ClientLayout.Bq3x9a1z.css` → `_astro/ClientLayout.#.css`, wherever it is named. */
const withoutAssetHashes = (text: string) =>
	text
		.replace(/((?:_astro|_glasshouse)\/[\w.-]+?)\.[\w-]{8,10}\.(css|js|mjs|svg|png|jpe?g|webp|avif)/g, '$1.#.$2')
		// A private attachment's random published name, as its page's download button names it.
		.replace(/data-gh-attachment="[0-9a-f]{32}"/g, 'data-gh-attachment="#"');

const isShell = (text: string) => text.includes('id="gh-payload"');

/** Every file of the build at `outDir`, decrypted (see the top of this file). */
export async function snapshot(outDir: string, contentDir: string): Promise<Snapshot> {
	const files = (await listFiles(outDir)).map((file) => file.split(path.sep).join('/'));
	const pages: Snapshot = new Map();
	const indexed = new Set<string>();
	for (const file of files) {
		const bytes = await readFile(path.join(outDir, file));
		const [client] = file.split('/');
		if (file.endsWith('.html') && isShell(bytes.toString('utf8'))) {
			pages.set(file, withoutAssetHashes(await openPage(outDir, contentDir, file)));
		} else if (file.split('/')[1] === SEALED_ATTACHMENTS_FOLDER && file.split('/').length === 3) {
			// Sealed attachments and their decoys: random names, and the decoys random bytes. Each
			// build seals them anew, so they are compared by count and sizes.
			const key = `${client}/${SEALED_ATTACHMENTS_FOLDER}/ (sealed, by size)`;
			pages.set(key, [...(pages.get(key)?.split(',').filter(Boolean) ?? []), String(bytes.length)].sort().join(','));
		} else if (file.includes('/pagefind/') && bytes.subarray(0, 4).toString() === FILE_MAGIC) {
			if (indexed.has(client!)) continue;
			indexed.add(client!);
			const { files: index } = await openSearchIndex(outDir, contentDir, client!);
			for (const [name, { plain }] of index) pages.set(`${client}/pagefind (sealed)/${name}`, Buffer.from(plain).toString('base64'));
		} else if (bytes.subarray(0, 4).toString() === FILE_MAGIC) {
			const shell = await readFile(path.join(outDir, client!, 'index.html'), 'utf8');
			const build = JSON.parse(/<script type="application\/json" id="gh-config">([\s\S]*?)<\/script>/.exec(shell)![1]!).build;
			const key = await contentKeyOf(outDir, contentDir, client!);
			const plain = await openFile(key, bytes, fileAad(client!, build.id, file.slice(client!.length + 1)));
			pages.set(`${file} (sealed)`, Buffer.from(plain).toString('base64'));
		} else if (file.endsWith('.html')) {
			pages.set(file, withoutAssetHashes(bytes.toString('utf8')));
		} else {
			const text = /\.(css|js|mjs|json|txt|svg|xml|webmanifest)$/.test(file) ? fromUtf8(bytes) : bytes.toString('base64');
			pages.set(withoutAssetHashes(file), withoutAssetHashes(text));
		}
	}
	return pages;
}

/** The first line where two texts part, with a little context, for the report. */
export function firstDifference(a: string, b: string): string {
	let at = 0;
	while (at < a.length && a[at] === b[at]) at++;
	return `  before: …${a.slice(Math.max(0, at - 80), at + 120)}…\n  after:  …${b.slice(Math.max(0, at - 80), at + 120)}…`;
}

/** Every file only one build has or that differs between them, as report lines (none: the same site). */
export function differencesBetween(a: Snapshot, b: Snapshot): string[] {
	const differences: string[] = [];
	for (const name of new Set([...a.keys(), ...b.keys()])) {
		const one = a.get(name);
		const other = b.get(name);
		if (one === undefined) differences.push(`only after: ${name}`);
		else if (other === undefined) differences.push(`only before: ${name}`);
		else if (one !== other) differences.push(`differs: ${name}\n${firstDifference(one, other)}`);
	}
	return differences;
}
