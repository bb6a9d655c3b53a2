import type { BuildContext } from '@/build-context/build-context';
import { buildIdentity, manifestKey } from '@/shard/build-identity';
import { writeShardManifest } from '@/shard/shard-manifest';
import { clientsOfShard, parseShardSpec, ShardSpecError, type ShardSpec } from '@/shard/shard-plan';
import { UsageError, type Output } from '@/cli/output';
import { runBuild, type BuildCommandOptions } from './build';

/** Reads `--shard I/N` with `--out` (and not `--demo`), or throws a `UsageError` saying what is expected. */
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
 * `glasshouse build --shard I/N --out DIR`: the normal build (check, per-client cache, staging,
 * leak scan, swap into place) of only the clients `planShards` gives shard I, with the
 * site-wide files, plus the signed shard manifest, written into the staging folder before it is
 * moved into place. `glasshouse merge` verifies the manifests and scans the whole site again.
 */
export async function runShardBuild(
	options: BuildCommandOptions & { shard: string },
	output: Output,
	context: BuildContext,
): Promise<number> {
	const spec = shardArguments(options);
	// The manifest is MAC'd under a key derived from the secret: no secret, no shard.
	const master = context.secret();
	const identity = buildIdentity({ root: context.root, contentDir: context.contentDir, parameters: context, master });
	const key = manifestKey(master);
	// Planned from the folders alone, so the shard loads, checks and renders only its own clients:
	// every client is checked by the shard that builds it, and the merge scans the whole site.
	const clients = await clientsOfShard(context.contentDir, spec);
	output.info(`Shard ${spec.index}/${spec.count}: ${clients.length} client(s)${clients.length ? `: ${clients.join(', ')}` : ''}`);
	return runBuild(
		{
			...options,
			shard: undefined,
			clients,
			beforeSwap: async (staging) => {
				const manifest = await writeShardManifest(staging, { shard: spec, build: await identity, clients }, await key);
				output.info(
					`✓ Shard ${spec.index}/${spec.count}: ${Object.keys(manifest.files).length} files listed and signed for glasshouse merge (build ${manifest.build.id})`,
				);
			},
		},
		output,
		context,
	);
}
