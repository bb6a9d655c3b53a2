import type { LeakScanTargets } from '@/leak-scan/leak-scan';
import { planAttachments } from '@/kinds/document/attachment-plan';
import { loadContent, validClients } from '@/loader/load-content';
import { runInWorker } from '@/lib/worker-task';
import { privateClientsOf } from '@/post-build/plain-benchmark';
import { leakScanTargets } from '@/post-build/scan-output';

/** What a merge needs from the content, as plain data. */
export type MergeTargets =
	| {
			/** The content has errors: it cannot be what the shards were built from. */
			errors: number;
	  }
	| {
			/** Every client of the content with a valid client.yaml (`validClients`). */
			clients: string[];
			/** What the leak scan of the merged site looks for. */
			targets: LeakScanTargets;
	  };

/**
 * Loads the content and works out what the merge checks the shards' clients and the merged site
 * against. The slowest part of a merge before its copy (a 200-client agency has 31,000 files to
 * parse, about 25 s here), so `mergeTargetsInWorker` runs it on a thread of its own while the
 * main thread verifies the shards and copies their files.
 */
export async function mergeTargets(input: { contentDir: string; root: string }): Promise<MergeTargets> {
	const content = await loadContent(input.contentDir, input.root);
	const errors = content.problems.filter((problem) => problem.severity === 'error').length;
	if (errors) return { errors };
	const attachments = await planAttachments(content, input.contentDir, new Set(privateClientsOf(content)));
	return { clients: validClients(content), targets: await leakScanTargets(content, attachments) };
}

/** `mergeTargets` on a worker thread; `signal` stops it (the merge was refused meanwhile). */
export function mergeTargetsInWorker(input: { contentDir: string; root: string }, signal?: AbortSignal): Promise<MergeTargets> {
	return runInWorker({ module: new URL('./merge-targets.ts', import.meta.url), exported: 'mergeTargets' }, input, {
		signal,
		what: 'loading the content',
	});
}
