import { readFile, rm } from 'node:fs/promises';
import { listFiles } from '@/lib/list-files';
import { randomBytes, toBase64Url } from '@/runtime/crypto/bytes';
import type { BuildStamp } from '@/runtime/crypto/envelope';
import { IMAGE_FILE } from '@/lib/image-file';
import path from 'node:path';
import type { LoadedClient } from '@/loader/load-content';
import { buildKeyring, generateContentKey, resolveCredentials } from '@/keys/build-keyring';
import type { SlotKeys } from '@/keys/slot-keys';
import type { BuildContext } from '@/build-context/build-context';
import { bundleRuntime } from './bundle-runtime';
import { encryptClient } from './encrypt-client';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';

interface EncryptSiteInput {
	outDir: string;
	base: string;
	agency: string;
	clients: LoadedClient[];
	/** The secret and the variables `passwordEnv` names, from the build context. */
	context: Pick<BuildContext, 'secret' | 'variables'>;
	/** Slot keys derived ahead while Astro rendered (see `deriveSlotKeysAhead`). */
	slotKeys?: SlotKeys;
	/** Where each document attachment goes (see `planAttachments`); private clients' are sealed. */
	attachments?: AttachmentPlan;
}

interface EncryptSiteReport {
	clients: number;
	pages: number;
	/** Other files sealed (the search index). */
	files: number;
	milliseconds: number;
}

/**
 * Encrypts every private client's folder with a fresh content key and a keyring of one slot per
 * access entry. Any problem (no secret, a weak password, a failed encryption) throws, and the
 * caller removes the output: nothing is ever published in plaintext by falling back.
 */
export async function encryptSite(input: EncryptSiteInput): Promise<EncryptSiteReport> {
	const started = performance.now();
	const gated = input.clients.filter((client) => client.client && !client.client.value.public);
	if (gated.length === 0) return { clients: 0, pages: 0, files: 0, milliseconds: 0 };
	const master = input.context.secret();
	const assets = await bundleRuntime(input.outDir, input.base);
	// Every password slot costs one PBKDF2 derivation (600,000 rounds) per build, not one per page.
	// They run on Node's worker threads, so all clients' keyrings are derived side by side.
	const keys = await Promise.all(
		gated.map(async ({ slug, client }) => {
			const credentials = await resolveCredentials(slug, client!.value.access, master, input.context.variables);
			const contentKey = await generateContentKey();
			return { contentKey, keyring: await buildKeyring(slug, credentials, master, contentKey, input.slotKeys) };
		}),
	);
	const build = newBuildStamp();
	const inlined = new Set<string>();
	let pages = 0;
	let files = 0;
	for (const [index, { slug, client }] of gated.entries()) {
		const settings = client!.value;
		const result = await encryptClient({
			outDir: input.outDir,
			base: input.base,
			client: slug,
			locale: settings.locale,
			agency: input.agency,
			rememberDays: settings.rememberDays,
			...keys[index]!,
			build,
			assets,
			attachments: Object.values(input.attachments?.[slug] ?? {}),
		});
		pages += result.pages;
		files += result.files;
		result.inlined.forEach((asset) => inlined.add(asset));
	}
	// Inlined images now live only inside the encrypted pages. Astro also emits the source file of
	// each processed image; an image that no public file refers to can only be client content.
	await Promise.all([...inlined].map((asset) => rm(path.join(input.outDir, asset), { force: true })));
	await removeUnreferencedImages(input.outDir, new Set(gated.map((client) => client.slug)));
	return { clients: gated.length, pages, files, milliseconds: Math.round(performance.now() - started) };
}

/** A random id and the time, to the second: see `BuildStamp`. */
function newBuildStamp(now = new Date()): BuildStamp {
	return { id: toBase64Url(randomBytes(16)), time: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

async function removeUnreferencedImages(outDir: string, privateClients: Set<string>): Promise<void> {
	const files = (await listFiles(outDir)).map((file) => file.split(path.sep).join('/'));
	const images = files.filter((file) => file.startsWith('_astro/') && IMAGE_FILE.test(file));
	if (images.length === 0) return;
	const publicText = await Promise.all(
		files
			.filter((file) => /\.(html|css|js|json|xml|webmanifest)$/.test(file) && !privateClients.has(file.split('/')[0]!))
			.map((file) => readFile(path.join(outDir, file), 'utf8')),
	);
	const referenced = publicText.join('\n');
	await Promise.all(
		images
			.filter((image) => !referenced.includes(path.posix.basename(image)))
			.map((image) => rm(path.join(outDir, image), { force: true })),
	);
}
