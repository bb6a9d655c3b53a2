import { describe, expect, it } from 'vitest';
import { findBrowser, INSTALL_HINT, requireBrowser } from '@/bootstrap/find-browser.mjs';

describe('findBrowser', () => {
	it('prefers CHROMIUM_PATH when it exists', () => {
		expect(findBrowser({ CHROMIUM_PATH: process.execPath })).toEqual({ path: process.execPath, source: 'CHROMIUM_PATH' });
	});

	it('says so when CHROMIUM_PATH points nowhere', () => {
		expect(() => findBrowser({ CHROMIUM_PATH: '/nonexistent/chrome' })).toThrow('CHROMIUM_PATH is set to /nonexistent/chrome');
	});

	it('falls back to an installed browser, or explains how to install one', () => {
		const found = findBrowser({});
		if (found) expect(['playwright', 'system']).toContain(found.source);
		else expect(() => requireBrowser({})).toThrow(INSTALL_HINT);
		expect(INSTALL_HINT).toContain('apt-get install -y chromium');
	});
});
