// `node --import tests/support/record-modules.mjs …` appends the URL of every module the process
// imports, one a line, to the file named by GLASSHOUSE_TEST_MODULE_LOG: what the CLI loads for a
// command, checked by tests/unit/cli-startup.test.ts. The hooks run on Node's loader thread, so the
// file name is handed to them as data.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) {
	file = data.file;
}
export async function resolve(specifier, context, next) {
	const resolved = await next(specifier, context);
	appendFileSync(file, resolved.url + '\\n');
	return resolved;
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { file: process.env.GLASSHOUSE_TEST_MODULE_LOG } });
