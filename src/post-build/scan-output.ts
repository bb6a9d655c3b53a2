import type { AstroIntegrationLogger } from 'astro';
import type { LoadedContent } from '@/loader/load-content';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';
import { needlesOf } from '@/leak-scan/collect-needles';
import { describeLeaks, scanForLeaks, type Leak, type LeakScanTargets } from '@/leak-scan/leak-scan';
import { privateAttachmentCopies } from './public-attachments';

// A module of its own, apart from the other post-build steps: a build that takes every client from
// the cache runs this scan and no other step, and need not load Pagefind, the PDF reader and the
// encryption runtime's bundler to do so.

export async function leakScanTargets(content: LoadedContent, attachments: AttachmentPlan): Promise<LeakScanTargets> {
	return { needles: needlesOf(content), copies: await privateAttachmentCopies(attachments) };
}

/**
 * The part of the output searched already in this build, with these targets, as its files were
 * restored from the per-client cache (see `restoreCached`): whole client folders nothing else
 * writes into.
 */
export interface SearchedAlready {
	/** Client folders (slugs) searched. */
	folders: readonly string[];
	/** What was found in them. */
	leaks: readonly Leak[];
	/** How many files they hold. */
	files: number;
}

/**
 * The leak scan over everything in `outDir`: every distinctive text of every private client of
 * `content`, and every private attachment of `attachments` in clear. Throws when anything is
 * found. Run last, over the whole output; `glasshouse build` runs it itself once cached clients
 * are in place, so their files are scanned as well as the ones just rendered (those it searched
 * while restoring them, `searched`, with the same targets, are not read again).
 */
export async function scanOutputForLeaks(
	outDir: string,
	content: LoadedContent,
	attachments: AttachmentPlan,
	logger: Pick<AstroIntegrationLogger, 'info'>,
	options: { targets?: LeakScanTargets; searched?: SearchedAlready } = {},
): Promise<void> {
	const started = performance.now();
	const { needles, copies } = options.targets ?? (await leakScanTargets(content, attachments));
	const searched = options.searched ?? { folders: [], leaks: [], files: 0 };
	const skipped = new Set(searched.folders);
	const leaks = [
		...searched.leaks,
		...(await scanForLeaks(outDir, needles, copies, (name) => name.includes('/') && skipped.has(name.slice(0, name.indexOf('/'))))),
	];
	const already = searched.files ? `; ${searched.files} file(s) of cached clients searched as they were restored` : '';
	reportLeakScan(leaks, needles.length, started, logger, already);
}

/**
 * Ends a leak scan: throws when it found anything (nothing is published), and otherwise says how
 * many texts it looked for. `glasshouse merge` searches the files as it copies them, and ends here too.
 */
export function reportLeakScan(
	leaks: readonly Leak[],
	needles: number,
	started: number,
	logger: Pick<AstroIntegrationLogger, 'info'>,
	detail = '',
): void {
	if (leaks.length)
		throw new Error(
			`${describeLeaks(leaks)}\nNothing was published. Remove the client text from shared places (site.yaml, public/, components) and build again.`,
		);
	logger.info(
		`leak scan: ${needles} distinctive text(s) of private clients, none found in the output (${Math.round(performance.now() - started)} ms${detail})`,
	);
}
