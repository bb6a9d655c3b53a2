import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { deriveSlotKeysAhead } from '@/keys/build-keyring';
import { slotKeyCache } from '@/keys/slot-keys';
import { contentOfClients } from '@/loader/client-subset';
import { buildTimings, writeBuildTimings } from '@/post-build/build-timings';
import { buildIdentity, manifestKey } from '@/shard/build-identity';
import { writeShardManifest } from '@/shard/shard-manifest';
import { clientsOfShard, parseShardSpec, ShardSpecError, type ShardSpec } from '@/shard/shard-plan';
import { withBuildLock } from '@/cli/build-lock';
import { renderClients } from '@/cli/render-clients';
import { stagingRoot } from '@/cli/stale-staging';
import { UsageError, type Output } from '@/cli/output';
import { checkAndReport } from './check';
import { nothingWritten, swapIntoPlace } from './build';

interface ShardBuildOptions {
	shard: string;
	demo?: boolean;
	content?: string;
	out?: string;
	verbose?: boolean;
}

/** Reads `--shard I/N` and `--out`, or throws a `UsageError` saying what is expected. */
export function shardArguments(options: { shard: string; out?: string; demo?: boolean }): ShardSpec {
	if (options.demo)
		throw new UsageError('--shard cannot be combined with --demo: every shard and the merge need the same GLASSHOUSE_SECRET.');
	let spec: ShardSpec;
	try {
		spec = parseShardSpec(options.shard);
	} catch (error) {
		if (error instanceof ShardSpecError) throw new UsageError(error.message);
		throw error;
	}
	if (options.out === undefined)
		throw new UsageError(
			`--shard ${options.shard} needs --out DIR: a shard is not a site to deploy, it is merged with the others by glasshouse merge.`,
		);
	return spec;
}

/**
 * `glasshouse build --shard I/N --out DIR`: checks the whole content, builds only the clients
 * `planShards` gives shard I (with the site-wide files) and writes the signed shard manifest
 * beside them. The leak scan is left to `glasshouse merge`, which scans the whole site before
 * anything is deployed; a shard folder is never published as it is.
 */
export async function runShardBuild(options: ShardBuildOptions, output: Output, context: BuildContext): Promise<number> {
	const started = performance.now();
	const spec = shardArguments(options);
	const root = context.root;
	const outDir = path.resolve(root, options.out!);
	const timings = buildTimings();
	// The manifest is MAC'd under a key derived from the secret: no secret, no shard.
	const master = context.secret();
	const loaded = await timings.timed('check', () => checkAndReport({}, output, context));
	if (loaded.errors.length) {
		output.error(`✗ Build stopped before rendering: the content has errors. ${nothingWritten(root, outDir)}`);
		return 1;
	}
	const clients = clientsOfShard(loaded, spec);
	output.info(`Shard ${spec.index}/${spec.count}: ${clients.length} client(s)${clients.length ? `: ${clients.join(', ')}` : ''}`);
	const slotKeys = slotKeyCache();
	void deriveSlotKeysAhead(contentOfClients(loaded, clients).clients, master, context.variables, slotKeys);
	const identity = buildIdentity({ root, contentDir: context.contentDir, parameters: context, master });
	const staging = path.join(stagingRoot(root), `shard-${createHash('sha256').update(outDir).digest('hex').slice(0, 12)}`);
	await mkdir(path.dirname(outDir), { recursive: true });
	const built = await withBuildLock(root, output, async () => {
		try {
			const pages = await renderClients({
				context,
				checked: loaded,
				clients,
				outDir: staging,
				slotKeys,
				timings,
				output,
				logLevel: context.logLevel === 'debug' ? 'debug' : options.verbose ? 'info' : 'warn',
				deferLeakScan: true,
			});
			const manifest = await writeShardManifest(staging, { shard: spec, build: await identity, clients }, await manifestKey(master));
			await swapIntoPlace(staging, outDir);
			output.info(
				`✓ Shard ${spec.index}/${spec.count}: ${pages} pages of ${clients.length} client(s), ${Object.keys(manifest.files).length} files listed and signed in ${path.relative(root, outDir) || outDir}/`,
			);
			return true;
		} catch (error) {
			await rm(staging, { recursive: true, force: true });
			output.error(`✗ Shard build failed: ${(error as Error).message}\n${nothingWritten(root, outDir)}`);
			return false;
		}
	});
	if (!built) return 1;
	if (context.timingsFile) await writeBuildTimings(context.timingsFile, timings, performance.now() - started);
	return 0;
}
