import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { loadContent } from '@/loader/load-content';
import { needlesOf } from '@/leak-scan/collect-needles';
import { describeLeaks, LeakScanError, scanForLeaks } from '@/leak-scan/leak-scan';
import { UserError, type Output } from '@/cli/output';
import { stat } from 'node:fs/promises';

export const leakScanHelp = `Usage: glasshouse leak-scan [--out DIR] [--content DIR]

Searches every file of a built site (default dist/), and every file name, for every
distinctive string of every private client (any field of its content, every sentence of its
bodies, the words of its file names), in any case, accents, punctuation or slug form. Also
reads each file decoded: URL and \\u escapes, HTML tags removed, base64, gzip, zlib and
UTF-16. Text of the templates and of public clients is not searched for. Exits 1 and lists
file, text and source for each leak. Every build runs this scan as its last step; this
command checks any other output folder.`;

export async function runLeakScan(options: { out?: string; content?: string }, output: Output, context: BuildContext): Promise<number> {
	const outDir = path.resolve(options.out ?? 'dist');
	if (!(await stat(outDir).catch(() => undefined))?.isDirectory())
		throw new UserError(`No built site at ${outDir}. Run \`npm run build\` first, or pass --out.`);
	const content = await loadContent(options.content ?? context.contentDir);
	const needles = needlesOf(content);
	const leaks = await scanForLeaks(outDir, needles).catch((error: unknown) => {
		throw error instanceof LeakScanError ? new UserError(error.message) : error;
	});
	if (leaks.length) {
		output.error(`✗ ${describeLeaks(leaks)}`);
		return 1;
	}
	output.info(
		`✓ No leaks: ${needles.length} distinctive text(s) of private clients, none found in ${path.relative(process.cwd(), outDir) || outDir}/.`,
	);
	return 0;
}
