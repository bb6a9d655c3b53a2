import path from 'node:path';
import { contentDir } from '../../model/content-dir';
import { loadContent } from '../../model/load-content';
import { needlesOf } from '../../integrations/gate/collect-needles';
import { describeLeaks, scanForLeaks } from '../../integrations/gate/leak-scan';
import { UserError, type Output } from '../output';
import { stat } from 'node:fs/promises';

export const leakScanHelp = `Usage: glasshouse leak-scan [--out DIR] [--content DIR]

Searches every file of a built site (default dist/) for distinctive text of every private
client: titles, summaries, sentences of bodies, names and emails. Also looks inside
gzip-compressed files and base64 data: URIs. Exits 1 and lists file and text for each leak.
Every build runs this scan as its last step; this command checks any other output folder.`;

export async function runLeakScan(options: { out?: string; content?: string }, output: Output): Promise<number> {
	const outDir = path.resolve(options.out ?? 'dist');
	if (!(await stat(outDir).catch(() => undefined))?.isDirectory()) throw new UserError(`No built site at ${outDir}. Run \`npm run build\` first, or pass --out.`);
	const content = await loadContent(options.content ?? contentDir());
	const needles = needlesOf(content);
	const leaks = await scanForLeaks(outDir, needles);
	if (leaks.length) {
		output.error(`✗ ${describeLeaks(leaks)}`);
		return 1;
	}
	output.info(`✓ No leaks: ${needles.length} distinctive text(s) of private clients, none found in ${path.relative(process.cwd(), outDir) || outDir}/.`);
	return 0;
}
