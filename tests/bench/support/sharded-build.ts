import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { listFiles } from '@/lib/list-files';
import { cleanEnv, ROOT, runNode } from '../../support/build-site';
import { TEST_SECRET } from '../../support/open-page';
import { formatBytes, formatSeconds, markdownTable } from './format';
import { watchPeakMemory } from './peak-memory';

export interface ShardRun {
	/** 1-based, as in `--shard I/N`. */
	index: number;
	clients: number;
	pages: number;
	/** Wall clock of the process, in ms. */
	wall: number;
	peakBytes?: number;
	/** Peak of the processes' proportional set sizes (shared pages counted once). */
	peakProportionalBytes?: number;
}

export interface ShardedBuild {
	shards: ShardRun[];
	merge: { wall: number; peakBytes?: number; peakProportionalBytes?: number; pages: number; outputBytes: number };
	/** What a CI matrix would wait for: the slowest shard, then the merge (runner set-up not included). */
	matrixWall: number;
	/** Every shard and the merge one after another, as on this one machine. */
	sequentialWall: number;
}

/**
 * Builds `content` as `count` shards, one after another, each as a separate runner would: its
 * own empty diagram, check and per-client caches, and Astro's content cache emptied before it
 * (on one machine the shards would otherwise share it), then merges them into `out`. Each
 * process's wall clock and peak memory (with its children) is measured.
 */
export async function measureShardedBuild(input: {
	content: string;
	count: number;
	work: string;
	out: string;
	progress: (message: string) => void;
	/** Extra environment of every process (the build day, for one build identity). */
	env?: Record<string, string>;
	/** `--batch-pages` of every shard's build; absent: the build's default. */
	batchPages?: number;
}): Promise<ShardedBuild> {
	const { content, count, work, progress } = input;
	const shards: ShardRun[] = [];
	const folders: string[] = [];
	for (let index = 1; index <= count; index++) {
		const out = path.join(work, 'shards', `shard-${index}`);
		const caches = path.join(work, 'shard-caches', String(index));
		rmSync(caches, { recursive: true, force: true });
		mkdirSync(caches, { recursive: true });
		rmSync(astroCacheDir(ROOT, content), { recursive: true, force: true });
		progress(`Shard ${index}/${count}, cold caches…`);
		const batching = input.batchPages === undefined ? [] : ['--batch-pages', String(input.batchPages)];
		const run = await timed(['src/cli/bin.mjs', 'build', '--shard', `${index}/${count}`, ...batching, '--content', content, '--out', out], {
			GLASSHOUSE_DIAGRAM_CACHE: path.join(caches, 'diagrams'),
			GLASSHOUSE_CHECK_CACHE: path.join(caches, 'check'),
			GLASSHOUSE_CLIENT_CACHE: path.join(caches, 'clients'),
			...input.env,
		});
		writeFileSync(path.join(work, `shard-${index}.log`), `${run.stdout}\n${run.stderr}`);
		if (run.status !== 0) throw new Error(`Shard ${index}/${count} failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
		const files = await listFiles(out);
		const clients = new Set(
			files.filter((file) => file.includes(path.sep) && file.endsWith('index.html')).map((file) => file.split(path.sep)[0]!),
		);
		clients.delete('_astro');
		shards.push({
			index,
			clients: Number(/Shard \d+\/\d+: (\d+) client\(s\)/.exec(run.stdout)?.[1] ?? clients.size),
			pages: files.filter((file) => file.endsWith('.html')).length,
			wall: run.wall,
			peakBytes: run.peakBytes,
			peakProportionalBytes: run.peakProportionalBytes,
		});
		folders.push(out);
	}
	progress(`Merge of ${count} shards…`);
	const merged = await timed(['src/cli/bin.mjs', 'merge', ...folders, '--content', content, '--out', input.out], input.env ?? {});
	writeFileSync(path.join(work, 'merge.log'), `${merged.stdout}\n${merged.stderr}`);
	if (merged.status !== 0) throw new Error(`Merge failed (exit ${merged.status}):\n${merged.stderr || merged.stdout}`);
	const files = await listFiles(input.out);
	const slowest = Math.max(...shards.map((shard) => shard.wall));
	return {
		shards,
		merge: {
			wall: merged.wall,
			peakBytes: merged.peakBytes,
			peakProportionalBytes: merged.peakProportionalBytes,
			pages: files.filter((file) => file.endsWith('.html')).length,
			outputBytes: files.reduce((sum, file) => sum + statSync(path.join(input.out, file)).size, 0),
		},
		matrixWall: slowest + merged.wall,
		sequentialWall: shards.reduce((sum, shard) => sum + shard.wall, 0) + merged.wall,
	};
}

async function timed(args: string[], env: Record<string, string>) {
	let watcher: ReturnType<typeof watchPeakMemory> | undefined;
	const started = performance.now();
	const run = await runNode(args, cleanEnv({ GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_BASE: '/', ...env }), {
		timeout: 3_600_000,
		onSpawn: (pid) => (watcher = watchPeakMemory(pid)),
	});
	const peakBytes = watcher?.stop();
	return { ...run, wall: performance.now() - started, peakBytes, peakProportionalBytes: watcher?.proportional() };
}

/** The bench's sharded row: `shards` shards of `content`, merged into `<work>/dist-merged`. */
export function runShardedRow(input: {
	content: string;
	work: string;
	shards: number;
	progress: (message: string) => void;
	batchPages?: number;
}): Promise<ShardedBuild> {
	return measureShardedBuild({
		...(input.batchPages === undefined ? {} : { batchPages: input.batchPages }),
		content: input.content,
		count: input.shards,
		work: input.work,
		out: path.join(input.work, 'dist-merged'),
		progress: input.progress,
		// One build day for every shard and the merge, as the deploy workflow's plan job fixes it.
		env: { GLASSHOUSE_TODAY: new Date().toISOString().slice(0, 10) },
	});
}

/** Prints the sharded build's table, beside the full cold build of the same run when there was one. */
export function printShardedBuild(
	run: ShardedBuild,
	generated: { updates: number; decisions: number; diagrams: number },
	values: { clients?: string; weeks?: string },
	fullColdWall?: number,
): void {
	const count = run.shards.length;
	const rows = [
		...run.shards.map((shard) => [
			`shard ${shard.index}/${count}`,
			String(shard.clients),
			String(shard.pages),
			formatSeconds(shard.wall),
			shard.peakBytes === undefined ? '–' : formatBytes(shard.peakBytes),
			shard.peakProportionalBytes === undefined ? '–' : formatBytes(shard.peakProportionalBytes),
		]),
		[
			'merge (verify, assemble, leak scan)',
			'–',
			String(run.merge.pages),
			formatSeconds(run.merge.wall),
			run.merge.peakBytes === undefined ? '–' : formatBytes(run.merge.peakBytes),
			run.merge.peakProportionalBytes === undefined ? '–' : formatBytes(run.merge.peakProportionalBytes),
		],
		[
			'**as a CI matrix sees it: slowest shard + merge**',
			'',
			'',
			`**${formatSeconds(run.matrixWall)}**`,
			`max ${formatBytes(Math.max(...run.shards.map((shard) => shard.peakBytes ?? 0)))} per shard`,
			`max ${formatBytes(Math.max(...run.shards.map((shard) => shard.peakProportionalBytes ?? 0)))} per shard`,
		],
		['every shard and the merge one after another (this machine)', '', '', formatSeconds(run.sequentialWall), '', ''],
	];
	if (fullColdWall !== undefined)
		rows.push(['full build, cold caches (same run, table above)', '', '', formatSeconds(fullColdWall), '', '']);
	process.stdout.write(
		`\nSharded build: ${values.clients} clients × ${values.weeks} weeks (${generated.updates} updates, ${generated.decisions} decisions, ${generated.diagrams} diagrams) in ${count} shards, each with cold caches, run one after another\n\n`,
	);
	process.stdout.write(
		`${markdownTable(['', 'clients', 'pages', 'wall clock', 'peak memory (resident, summed)', 'peak memory (PSS: shared pages once)'], rows)}\n\n`,
	);
	if (fullColdWall !== undefined)
		process.stdout.write(
			`Matrix wall clock ÷ full cold build: ${(run.matrixWall / fullColdWall).toFixed(2)}× (runner set-up, artifact upload and download not included)\n`,
		);
}
