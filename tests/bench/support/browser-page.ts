import type { Browser, Page } from 'playwright';

/**
 * What the browser benchmarks share: the "readable" observer, Lighthouse's phone profile and a
 * fresh page (no cache, no remembered key) under either profile.
 */

/** The binding through which the observer reports its marks (see `mark`). */
const REPORT = '__benchReport';

// Runs in every document before its own scripts. A string, not a function: tsx would wrap a
// function in helpers the page does not have.
const READABLE_OBSERVER = `(() => {
	let lock = false;
	const report = (name) => {
		performance.mark(name);
		globalThis.${REPORT}?.(name);
	};
	const check = () => {
		if (!lock && document.querySelector('[data-gh-form]:not([hidden])')) {
			lock = true;
			report('bench:lock-ready');
		}
		const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')];
		if (document.getElementById('main') && sheets.every((link) => link.sheet)) {
			report('bench:readable');
			observer.disconnect();
			document.removeEventListener('load', check, true);
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, { childList: true, subtree: true, attributes: true });
	document.addEventListener('load', check, true);
})();`;

/**
 * A phone on a mobile network, as Lighthouse simulates one: 150 ms round trips, 1.6 Mbit/s down,
 * 750 kbit/s up, and a CPU four times slower than this machine's.
 */
const PHONE = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpuSlowdown: 4 };
export type Profile = 'desktop' | 'phone';

interface Report {
	promise: Promise<void>;
	resolve: () => void;
}

/** The observer's marks as they are reported, per page and name; see `mark`. */
const reported = new WeakMap<Page, Map<string, Report>>();
function reportOf(page: Page, name: string): Report {
	const names = reported.get(page) ?? new Map<string, Report>();
	reported.set(page, names);
	if (!names.has(name)) {
		let resolve = () => {};
		const promise = new Promise<void>((done) => (resolve = done));
		names.set(name, { promise, resolve });
	}
	return names.get(name)!;
}

/** A page in a fresh context (no cache, no remembered key), with the readable observer. */
export async function freshPage(browser: Browser, profile: Profile = 'desktop'): Promise<Page> {
	const context = await browser.newContext(profile === 'phone' ? { viewport: { width: 390, height: 844 } } : {});
	await context.exposeBinding(REPORT, ({ page }, name: string) => reportOf(page, name).resolve());
	await context.addInitScript(READABLE_OBSERVER);
	const page = await context.newPage();
	if (profile === 'phone') {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: PHONE.latency,
			downloadThroughput: PHONE.downloadThroughput,
			uploadThroughput: PHONE.uploadThroughput,
		});
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
	}
	return page;
}

/**
 * The time of a performance mark, in milliseconds after navigation, once the page has set it.
 * Playwright's polling (waitForFunction) runs code in the page: polled while the gate decrypts, it
 * cost the encrypted page 15 ms or more of its main thread, which a plain page, whose load event
 * comes after it is readable, never paid. So the observer's own marks (`bench:…`) are first
 * awaited through a binding; Playwright drops a call made before it knows the new document, so
 * after a while without one it polls after all (the mark is set by then; reading it costs nothing).
 */
export async function mark(page: Page, name: string): Promise<number> {
	if (name.startsWith('bench:')) {
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([reportOf(page, name).promise, new Promise((done) => (timer = setTimeout(done, 10_000)))]);
		clearTimeout(timer);
		// The next navigation reports afresh.
		reported.get(page)!.delete(name);
	}
	await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(name)}).length > 0`, undefined, { timeout: 60_000 });
	return (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0].startTime`)) as number;
}
