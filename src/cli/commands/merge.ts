import { createHash } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { scanInWorkers } from '@/leak-scan/scan-in-workers';
import { reportLeakScan } from '@/post-build/scan-output';
import { checkOutputFolders } from '@/post-build/output-folders';
import { buildIdentity, manifestKey } from '@/shard/build-identity';
import { checkShardClients, copyShards, verifyShards, type VerifiedShard } from '@/shard/merge-shards';
import { mergeTargetsInWorker } from '@/shard/merge-targets';
import { withBuildLock } from '@/cli/build-lock';
import { stagingRoot } from '@/cli/stale-staging';
import { UsageError, type Output } from '@/cli/output';
import { nothingWritten, swapIntoPlace } from './build';

export const mergeHelp = `Usage: glasshouse merge DIR… [--out DIR] [--content DIR]

Assembles the shard folders written by "glasshouse build --shard I/N --out DIR" into one
site in dist/ (or --out). Every shard's signed manifest is verified first: same build
(content, code, build day, site, base and GLASSHOUSE_SECRET as this checkout), shards 1…N
each present once, every client of the content in exactly one shard, and each folder
holding exactly the files its manifest lists, byte for byte. Then the whole site is scanned
for leaks. The site is assembled in a staging folder and moved into place only when all of
this passed, so a refused merge leaves the previous site untouched.

Environment: GLASSHOUSE_SECRET, GLASSHOUSE_SITE, GLASSHOUSE_BASE and GLASSHOUSE_TODAY as
given to the shards' builds.`;

interface MergeOptions {
	shards: string[];
	out?: string;
	content?: string;
}

export async function runMerge(options: MergeOptions, output: Output, context: BuildContext): Promise<number> {
	const started = performance.now();
	const root = context.root;
	if (options.shards.length === 0) throw new UsageError('Give the shard folders to merge, e.g. glasshouse merge shards/* --out dist.');
	const outDir = path.resolve(root, options.out ?? 'dist');
	const dirs = options.shards.map((dir) => path.resolve(root, dir));
	const shown = (dir: string) => path.relative(root, dir) || dir;
	for (const dir of dirs) {
		if (dir === outDir) throw new UsageError(`${shown(dir)} is both a shard and the output folder: merge into another folder.`);
		if (!(await stat(dir).catch(() => undefined))?.isDirectory())
			throw new UsageError(
				`Shard folder ${shown(dir)} does not exist. Pass the folders written by glasshouse build --shard I/N --out DIR.`,
			);
	}
	const contentDir = options.content === undefined ? context.contentDir : path.resolve(root, options.content);
	const master = context.secret();
	// The shards checked the content before building; the merge needs which clients exist and
	// their texts for the leak scan. Loading them takes longest, so it runs on a thread of its own
	// while this one verifies the shards and copies their files.
	const stopLoading = new AbortController();
	const loading = mergeTargetsInWorker({ contentDir, root }, stopLoading.signal);
	// Its failure is taken up where it is awaited; until then it must not count as unhandled.
	loading.catch(() => undefined);
	const refuse = async (error: unknown) => {
		stopLoading.abort();
		await loading.catch(() => undefined);
		// Folders and files are named as the user sees them: relative to the project.
		output.error(`✗ Merge refused:\n${(error as Error).message.replaceAll(`${root}${path.sep}`, '')}\n${nothingWritten(root, outDir)}`);
		return 1;
	};
	const [identity, key] = await Promise.all([
		buildIdentity({ root, contentDir, parameters: { today: context.today, site: context.site, base: context.base }, master }),
		manifestKey(master),
	]);
	const staging = path.join(stagingRoot(root), `merge-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}`);

	// Checked before waiting for the build lock: a refused merge says so at once and touches nothing.
	let shards: VerifiedShard[];
	try {
		shards = await verifyShards(dirs, { identity, key });
	} catch (error) {
		return refuse(error);
	}
	output.info(`✓ ${shards.length} shard manifest(s) verified: build ${identity.id}`);

	// The staging folder lives with the build's, so a killed merge is tidied up the same way.
	return withBuildLock(root, output, async () => {
		await rm(staging, { recursive: true, force: true });
		await mkdir(staging, { recursive: true });
		try {
			const files = copyShards(shards, staging);
			output.info(`✓ ${files} files assembled`);
			const loaded = await loading;
			if ('errors' in loaded)
				throw new Error(`The content has ${loaded.errors} error(s) (run glasshouse check): it cannot be what the shards were built from.`);
			checkShardClients(shards, loaded.clients);
			output.info(`✓ ${loaded.clients.length} client(s) of the content, each in one shard`);
			await checkOutputFolders(staging, loaded.clients);
			// The same scan as a whole build's last step, over everything that will be published.
			const scanStarted = performance.now();
			const { leaks, files: searched } = await scanInWorkers(staging, loaded.targets);
			reportLeakScan(
				leaks,
				loaded.targets.needles.length,
				scanStarted,
				{ info: (message) => output.info(`✓ ${message}`) },
				`; ${searched} files`,
			);
			await swapIntoPlace(staging, outDir);
		} catch (error) {
			await rm(staging, { recursive: true, force: true });
			return refuse(error);
		}
		output.info(`✓ Site merged into ${shown(outDir)}/ (${Math.round((performance.now() - started) / 1000)} s)`);
		return 0;
	});
}
