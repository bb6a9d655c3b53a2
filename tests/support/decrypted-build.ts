import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromUtf8 } from '@/runtime/crypto/bytes';
import { FILE_MAGIC, fileAad, openFile } from '@/runtime/crypto/envelope';
import { listFiles } from '@/lib/list-files';
import { contentKeyOf, openPage, openSearchIndex } from './open-page';

/** Each file of a build by its name, decrypted where sealed, with what differs by design set aside. */
export type Snapshot = Map<string, string>;

/** `_astro/ClientLayout.Bq3x9a1z.css` → `_astro/ClientLayout.#.css`, wherever it is named. */
const withoutAssetHashes = (text: string) =>
	text.replace(/((?:_astro|_glasshouse)\/[\w.-]+?)\.[\w-]{8,10}\.(css|js|mjs|svg|png|jpe?g|webp|avif)/g, '$1.#.$2');

/** A private client's sealed attachments get 128 random bits for a name in every build (see `planAttachments`). */
const SEALED_ATTACHMENT = /^([^/]+)\/files\/[0-9a-f]{32}$/;
const withoutAttachmentNames = (text: string) =>
	text.replace(/\/files\/[0-9a-f]{32}/g, '/files/#').replace(/data-gh-attachment="[0-9a-f]{32}"/g, 'data-gh-attachment="#"');

const isShell = (text: string) => text.includes('id="gh-payload"');

/**
 * Every file of a build, pages and search index files decrypted with the test secret (see
 * TEST_SECRET). Set aside: each shell's build stamp and keyring (the page is compared decrypted),
 * the random names of sealed files, the hashes in `/_astro/` names. Sealed attachments (and their
 * decoys) are compared by the sizes present per client: their names, keys and decoys are new in every build.
 */
export async function decryptedSnapshot(outDir: string, contentDir: string): Promise<Snapshot> {
	const files = (await listFiles(outDir)).map((file) => file.split(path.sep).join('/'));
	const pages: Snapshot = new Map();
	const indexed = new Set<string>();
	for (const file of files) {
		const bytes = await readFile(path.join(outDir, file));
		const [client] = file.split('/');
		const attachment = SEALED_ATTACHMENT.exec(file);
		if (attachment) {
			// Decoys copy the size of a real one picked at random: the sizes seen, not how often.
			const key = `${attachment[1]}/files/ (sizes of sealed attachments and decoys)`;
			const sizes = new Set([...(pages.get(key)?.split(' ') ?? []).filter(Boolean), String(bytes.length)]);
			pages.set(key, [...sizes].sort().join(' '));
		} else if (file.endsWith('.html') && isShell(bytes.toString('utf8'))) {
			pages.set(file, withoutAttachmentNames(withoutAssetHashes(await openPage(outDir, contentDir, file))));
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

/** What differs between two snapshots: a file on one side only, or different (with where it parts). */
export function snapshotDifferences(a: Snapshot, b: Snapshot): string[] {
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

/** The first line where two texts part, with a little context, for the report. */
function firstDifference(a: string, b: string): string {
	let at = 0;
	while (at < a.length && a[at] === b[at]) at++;
	return `  before: …${a.slice(Math.max(0, at - 80), at + 120)}…\n  after:  …${b.slice(Math.max(0, at - 80), at + 120)}…`;
}
