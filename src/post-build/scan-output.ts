import type { AstroIntegrationLogger } from 'astro';
import type { LoadedContent } from '@/loader/load-content';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';
import { needlesOf } from '@/leak-scan/collect-needles';
import { describeLeaks, scanForLeaks } from '@/leak-scan/leak-scan';
import { privateAttachmentCopies } from './public-attachments';

// A module of its own, apart from the other post-build steps: a build that takes every client from
// the cache runs this scan and no other step, and need not load Pagefind, the PDF reader and the
// encryption runtime's bundler to do so.

/**
 * The leak scan over everything in `outDir`: every distinctive text of every private client of
 * `content`, and every private attachment of `attachments` in clear. Throws when anything is
 * found. Run last, over the whole output; `glasshouse build` runs it itself once cached clients
 * are in place, so their files are scanned as well as the ones just rendered.
 */
export async function scanOutputForLeaks(
	outDir: string,
	content: LoadedContent,
	attachments: AttachmentPlan,
	logger: Pick<AstroIntegrationLogger, 'info'>,
): Promise<void> {
	const started = performance.now();
	const needles = needlesOf(content);
	const leaks = await scanForLeaks(outDir, needles, await privateAttachmentCopies(attachments));
	if (leaks.length)
		throw new Error(
			`${describeLeaks(leaks)}\nNothing was published. Remove the client text from shared places (site.yaml, public/, components) and build again.`,
		);
	logger.info(
		`leak scan: ${needles.length} distinctive text(s) of private clients, none found in the output (${Math.round(performance.now() - started)} ms)`,
	);
}
