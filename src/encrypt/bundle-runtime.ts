import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { gateMessages } from './gate-messages';

const RUNTIME = fileURLToPath(new URL('../runtime/', import.meta.url));
export const GATE_FOLDER = '_glasshouse';

const hashed = (name: string, ext: string, content: string) =>
	`${name}.${createHash('sha256').update(content).digest('hex').slice(0, 10)}.${ext}`;

/**
 * Bundles the unlock code (the same WebCrypto modules the build encrypts with) into
 * `<outDir>/_glasshouse/`, with content-hashed names so browsers cache them across pages.
 * Returns the URLs for the shell pages.
 */
export async function bundleRuntime(outDir: string, base: string): Promise<{ script: string; style: string }> {
	const options = { bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, legalComments: 'none' } as const;
	const folder = path.join(outDir, GATE_FOLDER);
	await mkdir(folder, { recursive: true });
	// The download and decrypt workers first: the gate starts them by their content-hashed names.
	const workerScript = async (name: string): Promise<string> => {
		const text = (await build({ ...options, entryPoints: [path.join(RUNTIME, 'attachments', `${name}.ts`)] })).outputFiles[0]!.text;
		const file = hashed(name, 'js', text);
		await writeFile(path.join(folder, file), text);
		return `${base}${GATE_FOLDER}/${file}`;
	};
	const downloadWorker = await workerScript('download-worker');
	const decryptWorker = await workerScript('decrypt-worker');
	const result = await build({
		...options,
		entryPoints: [path.join(RUNTIME, 'gate.ts')],
		// Module scripts are always read as UTF-8: Chinese messages stay 3 bytes a character, not a 6-byte \u escape.
		charset: 'utf8',
		define: {
			GATE_MESSAGES: JSON.stringify(gateMessages()),
			__GLASSHOUSE_DOWNLOAD_WORKER__: JSON.stringify({
				script: downloadWorker,
				folder: `${base}${GATE_FOLDER}/`,
				decryptor: decryptWorker,
			}),
		},
	});
	const script = result.outputFiles[0]!.text;
	const style = await readFile(path.join(RUNTIME, 'gate.css'), 'utf8');
	const scriptName = hashed('gate', 'js', script);
	const styleName = hashed('gate', 'css', style);
	await writeFile(path.join(folder, scriptName), script);
	await writeFile(path.join(folder, styleName), style);
	return { script: `${base}${GATE_FOLDER}/${scriptName}`, style: `${base}${GATE_FOLDER}/${styleName}` };
}
