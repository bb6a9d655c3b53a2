// Plain JavaScript on purpose: the set-up script runs this before any dependency is installed.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Flags that let Chromium run headless as root in a container with a closed network. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const INSTALL_HINT = [
	'No Chromium browser was found. Install one of:',
	'  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk',
	'  any system:     npx playwright install chromium',
	'or point CHROMIUM_PATH at an existing Chrome/Chromium executable.',
].join('\n');

/**
 * Finds a browser the same way everywhere (tests, diagram rendering, set-up):
 * 1. `CHROMIUM_PATH`, 2. Playwright's own downloaded Chromium, 3. the system's Chromium.
 * @returns {{ path: string, source: 'CHROMIUM_PATH' | 'playwright' | 'system' } | undefined}
 */
export function findBrowser(env = process.env) {
	if (env.CHROMIUM_PATH) {
		if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but no file exists there.`);
		return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
	}
	const bundled = playwrightChromium();
	if (bundled) return { path: bundled, source: 'playwright' };
	const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
	return system ? { path: system, source: 'system' } : undefined;
}

/** Like `findBrowser`, but throws the install hint when nothing is found. */
export function requireBrowser(env = process.env) {
	const found = findBrowser(env);
	if (!found) throw new Error(INSTALL_HINT);
	return found;
}

function playwrightChromium() {
	try {
		const require = createRequire(import.meta.url);
		const { chromium } = require('playwright-core');
		const path = chromium.executablePath();
		return path && existsSync(path) ? path : undefined;
	} catch {
		return undefined;
	}
}
