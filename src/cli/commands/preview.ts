import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { UserError, type Output } from '@/cli/output';
import { serve } from '@/cli/static-server';

export const previewHelp = `Usage: glasshouse preview [--out DIR] [--port N]

Serves the last build (dist/, or --out) at http://127.0.0.1:4321 (or --port) under the
site's base path (GLASSHOUSE_BASE, as when it was built), with the headers of its _headers
file applied as Netlify and Cloudflare Pages would (Content-Security-Policy included), so
the gate and search work as they will once deployed. Stop it with Ctrl-C. Run
"glasshouse build" first, and again after changing the content.`;

const DEFAULT_PORT = 4321;

/** Resolves when the server stops (it runs until the process is interrupted). */
export async function runPreview(options: { out?: string; port?: string }, output: Output, context: BuildContext): Promise<number> {
	const outDir = path.resolve(context.root, options.out ?? 'dist');
	const shown = `${path.relative(context.root, outDir) || outDir}/`;
	const port = options.port === undefined ? DEFAULT_PORT : Number(options.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new UserError(`--port: expected a port number from 0 to 65535, found "${options.port}".`);
	const built = (await stat(path.join(outDir, '_headers')).catch(() => undefined))?.isFile();
	if (!built) throw new UserError(`No build to preview in ${shown}: run \`npm run build\` (or glasshouse build) first.`);
	const server = await serve(outDir, port, context.base, { headers: true }).catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'EADDRINUSE') throw new UserError(`Port ${port} is in use: pass another one with --port.`);
		throw error;
	});
	const address = server.address();
	const listening = typeof address === 'object' && address ? address.port : port;
	const base = context.base.endsWith('/') ? context.base : `${context.base}/`;
	output.info(`Serving the last build in ${shown} at http://127.0.0.1:${listening}${base} (Ctrl-C to stop)`);
	return new Promise((resolve) => server.on('close', () => resolve(0)));
}
