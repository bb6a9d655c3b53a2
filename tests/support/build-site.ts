import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TEST_SECRET } from './open-page';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const OUTPUT = path.join(ROOT, 'tests', '.output');

/**
 * The environment a user's shell would have: Vitest sets NODE_ENV, BASE_URL, MODE and friends,
 * which would leak into the Astro build of the child process.
 */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...extra };
	for (const key of Object.keys(env)) {
		const vitestOwn = /^(VITEST|VITE_)/.test(key) || ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key);
		if (vitestOwn || env[key] === undefined) delete env[key];
	}
	return env;
}

export interface BuildRun {
	status: number | null;
	stdout: string;
	stderr: string;
	outDir: string;
}

/**
 * Builds a content folder with the real CLI in a child process, as CI and users do.
 * `name` picks the output folder under tests/.output/.
 */
export function buildSite(name: string, content: string, options: { base?: string; env?: Record<string, string | undefined>; timeout?: number } = {}): BuildRun {
	const outDir = path.join(OUTPUT, name);
	const result = spawnSync(process.execPath, ['src/cli/bin.mjs', 'build', '--content', content, '--out', outDir], {
		cwd: ROOT,
		encoding: 'utf8',
		env: cleanEnv({ GLASSHOUSE_BASE: options.base ?? '/', GLASSHOUSE_SECRET: TEST_SECRET, ...options.env }),
		timeout: options.timeout ?? 280_000,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/** Runs `glasshouse check` on a folder. */
export function runCheckCli(content: string, args: string[] = []) {
	return spawnSync(process.execPath, ['src/cli/bin.mjs', 'check', '--content', content, ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: cleanEnv({}),
	});
}
