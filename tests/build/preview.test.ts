import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cleanEnv, OUTPUT, ROOT, runNode, type BuildRun } from '../support/build-site';

const BASE = '/glasshouse/';
const STRONG = 'quartz-lantern-orbit-mosaic-fable';
let site: BuildRun;
let preview: ChildProcess | undefined;

beforeAll(async () => {
	site = await buildSite('preview', 'tests/fixtures/minimal/content', { base: BASE, env: { ALPHA_OFFICE_PASSWORD: STRONG } });
}, 300_000);

afterEach(() => {
	preview?.kill();
	preview = undefined;
});

/** Starts `glasshouse preview` on a free port and resolves to the URL it prints. */
function startPreview(outDir: string): Promise<string> {
	const child = spawn(process.execPath, ['src/cli/bin.mjs', 'preview', '--out', outDir, '--port', '0'], {
		cwd: ROOT,
		env: cleanEnv({ GLASSHOUSE_BASE: BASE }),
	});
	preview = child;
	return new Promise((resolve, reject) => {
		let printed = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			printed += chunk;
			const url = /http:\/\/127\.0\.0\.1:\d+\S*/.exec(printed)?.[0];
			if (url) resolve(url);
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
		child.on('close', () => reject(new Error(`preview stopped: ${printed}`)));
	});
}

describe('glasshouse preview', () => {
	it('serves the last build under its base path, with the headers of its _headers file', async () => {
		expect(site.status, site.stderr).toBe(0);
		const url = await startPreview(site.outDir);
		expect(url).toMatch(/\/glasshouse\/$/);
		const home = await fetch(url);
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('<html');
		expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
		const page = await fetch(new URL('alpha/', url));
		expect(page.status).toBe(200);
		expect((await fetch(new URL('no-such-page/', url))).status).toBe(404);
	});

	it('says clearly when there is no build yet', async () => {
		const run = await runNode(['src/cli/bin.mjs', 'preview', '--out', path.join(OUTPUT, 'never-built')], cleanEnv({}));
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('No build to preview in tests/.output/never-built/: run `npm run build` (or glasshouse build) first.');
	});
});
