#!/usr/bin/env node
// The browser tests' static server, the one `glasshouse preview` uses (src/cli/static-server.ts):
//   node tests/support/static-server.mjs <dir> <port> [base] [--headers]
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
/** @type {typeof import('../../src/cli/static-server.ts')} */
const server = await tsImport('../../src/cli/static-server.ts', { parentURL: import.meta.url, tsconfig });
export const serve = server.serve;

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const headers = args.includes('--headers');
	const [dir = 'dist', port = '4321', base = '/'] = args.filter((arg) => arg !== '--headers');
	try {
		await serve(dir, Number(port), base, { headers });
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
		process.exit(1);
	}
	process.stdout.write(`Serving ${dir} at http://127.0.0.1:${port}${base}${headers ? ', with the headers of its _headers file' : ''}\n`);
}
