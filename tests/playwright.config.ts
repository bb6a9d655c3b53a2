import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { TEST_SECRET } from './support/open-page';
import { RUN_CACHES } from './support/run-output';

const root = path.resolve(import.meta.dirname, '..');
const browser = requireBrowser();
// Overridable so several checkouts on one machine can run their browser tests side by side.
export const PORT = Number(process.env.GLASSHOUSE_E2E_PORT ?? 4510);
// Served under a base path, as on a GitHub Pages project site, to catch links that ignore it.
export const BASE = '/glasshouse/';
// The demo as of the day its content was written: which surveys are open, which feedback is past
// its target and which risk reviews are overdue are decided at build time, and the specs expect
// that day's answers whatever the calendar says when they run.
export const DEMO_TODAY = '2026-12-02';

export default defineConfig({
	testDir: './e2e',
	outputDir: './.output/playwright',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	// Password unlocks run PBKDF2 with 600,000 iterations, on two cores shared with other tests.
	timeout: 45_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}${BASE}`,
		browserName: 'chromium',
		launchOptions: {
			// Playwright's own Chromium needs no path; any other browser does.
			executablePath: browser.source === 'playwright' ? undefined : browser.path,
			args: CHROMIUM_ARGS,
		},
		trace: 'off',
	},
	// The web server starts before anything else of the run (global set-up included), so it is the one
	// to empty tests/.output and Astro's content stores: the demo it serves, and every site a spec
	// builds (tests/support/build-site.ts), is then built by this run from the code as it is now.
	webServer: {
		command: [
			'node --import tsx tests/support/fresh-run.ts',
			'node src/cli/bin.mjs build --out tests/.output/e2e',
			`node tests/support/static-server.mjs tests/.output/e2e ${PORT} ${BASE}`,
		].join(' && '),
		cwd: root,
		url: `http://127.0.0.1:${PORT}${BASE}`,
		env: {
			GLASSHOUSE_BASE: BASE,
			GLASSHOUSE_SECRET: TEST_SECRET,
			GLASSHOUSE_TODAY: DEMO_TODAY,
			ASTRO_TELEMETRY_DISABLED: '1',
			...RUN_CACHES,
		},
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
	},
});
