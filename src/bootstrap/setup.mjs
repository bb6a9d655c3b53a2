#!/usr/bin/env node
// Idempotent set-up run before `npm start` and `npm test` on any machine, fresh or not:
// installs npm dependencies when they are missing or stale and, with --browser, makes sure a
// Chromium exists (installing Debian's package when running as root on Debian). Then compiles
// the CLI ahead of time, so `glasshouse` starts without tsx (see compile-cli.mjs).
// Plain JavaScript because it runs before the dependencies exist.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCli } from './compile-cli.mjs';
import { findBrowser, INSTALL_HINT } from './find-browser.mjs';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const needBrowser = process.argv.includes('--browser');
const log = (message) => process.stderr.write(`[setup] ${message}\n`);

function run(command, args) {
	execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function dependenciesAreCurrent() {
	const marker = path.join(root, 'node_modules', '.package-lock.json');
	if (!existsSync(marker)) return false;
	const lock = path.join(root, 'package-lock.json');
	return !existsSync(lock) || statSync(lock).mtimeMs <= statSync(marker).mtimeMs + 1000;
}

if (!dependenciesAreCurrent()) {
	log('installing npm dependencies…');
	// `npm install` rather than `npm ci`: registries that mirror only some platforms' optional
	// packages leave them out of the lock file, which `npm ci` then rejects as out of sync.
	run('npm', ['install', '--no-audit', '--no-fund']);
}

// After the dependencies: the compiler is esbuild, one of them. Cheap (about a second), so it runs
// every time rather than guessing whether the sources changed.
await compileCli(root);

if (needBrowser) {
	let browser = findBrowser();
	const isDebian = existsSync('/etc/debian_version');
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!browser && isDebian && isRoot) {
		log('no browser found: installing Debian chromium and CJK fonts…');
		run('apt-get', ['update', '-qq']);
		run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']);
		browser = findBrowser();
	}
	if (!browser) {
		log(INSTALL_HINT);
		process.exit(1);
	}
	if (isDebian && isRoot && browser.source === 'system' && !existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) {
		// Chinese pages render as boxes without a CJK font.
		log('installing CJK fonts for Chinese pages…');
		run('apt-get', ['update', '-qq']);
		run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk']);
	}
	log(`browser: ${browser.path} (${browser.source})`);
}
