/**
 * Where the time of one navigation goes, encrypted beside unencrypted, from Chromium's own
 * performance trace (the one DevTools records):
 *   npm run bench:trace -- --dist DIR --public DIR --content DIR [--client SLUG] [--page PATH] [--profile desktop|phone] [--runs N] [--save PREFIX]
 * DIR are two builds of the same content, encrypted and with every client public (`npm run
 * bench:browser -- --keep` leaves both and the content in its work folder). For the encrypted
 * site the client is first opened with its first personal link (as `bench:browser` does), then
 * --page (default `decisions/`, the "next page once unlocked") is traced; with `--page ''` the
 * traced navigation is the personal link itself. Prints, as medians of N traced navigations
 * (default 5), the gate's own marks, the main thread's busy time by kind of work up to
 * "readable", and when each file arrived. Asserts nothing.
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { serve } from '../support/static-server.mjs';
import { credentials, waitUntilRemembered } from '../e2e/unlock';
import { freshPage, mark, type Profile } from './support/browser-page';
import { formatMilliseconds, markdownTable, median } from './support/format';

const { values } = parseArgs({
	options: {
		dist: { type: 'string' },
		public: { type: 'string' },
		content: { type: 'string' },
		client: { type: 'string', default: 'client-01' },
		page: { type: 'string', default: 'decisions/' },
		profile: { type: 'string', default: 'desktop' },
		runs: { type: 'string', default: '5' },
		/** Also write each trace, for chrome://tracing or Perfetto, as <save>-<time>.json. */
		save: { type: 'string' },
	},
});
if (!values.dist || !values.public || !values.content) {
	process.stderr.write(
		'Usage: npm run bench:trace -- --dist DIR --public DIR --content DIR [--client SLUG] [--page PATH] [--profile desktop|phone] [--runs N]\n',
	);
	process.exit(2);
}
const profile = values.profile as Profile;
const RUNS = Number(values.runs);
const CLIENT = values.client;
const PAGE = values.page;

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	/** Thread (CPU) time of a complete event. */
	tdur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'loading'];

/** Kinds of main-thread work, by trace event name (self time, so nothing is counted twice). */
const KINDS: Array<[string, RegExp]> = [
	['HTML parsing (the document, DOMParser, innerHTML)', /^(ParseHTML|HTMLDocumentParser::.*|ParseHTMLFragment)$/],
	['style recalculation', /^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation)$/],
	['stylesheet parsing', /^(ParseAuthorStyleSheet|CSSParserImpl::.*)$/],
	['layout', /^(Layout|UpdateLayout|LayoutShift|PrePaint|IntersectionObserverController::computeIntersections)$/],
	['paint and compositing', /^(Paint|PaintImage|UpdateLayer|UpdateLayerTree|CompositeLayers|Layerize|Commit)$/],
	['script compile', /^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceModuleCache|v8\.produceCache|CacheScript)$/],
	[
		'script run (gate and page scripts, incl. DOM calls they make)',
		/^(EvaluateScript|v8\.evaluateModule|v8\.run|FunctionCall|RunMicrotasks|V8\.Execute|TimerFire|EventDispatch|v8\.callFunction|FireAnimationFrame|XHRReadyStateChange)$/,
	],
];

const found = requireBrowser();
const browser: Browser = await chromium.launch({
	executablePath: found.source === 'playwright' ? undefined : found.path,
	args: CHROMIUM_ARGS,
});
const servers: Server[] = [await serve(values.dist, 0, '/', { gzip: true }), await serve(values.public, 0, '/', { gzip: true })];
const [encrypted, unencrypted] = servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`) as [string, string];
const link = (await credentials(CLIENT, values.content)).find((credential) => credential.token !== undefined)!;
const fragment = `#${link.entry.id}.${link.token}`;

/**
 * Self time of every complete event on one thread, by name: wall-clock time, or with `cpu` the
 * thread's CPU time (which waiting for other processes or other programs on the machine does not
 * count).
 */
function selfTimes(events: TraceEvent[], from: number, to: number, cpu = false): Map<string, number> {
	const spans = events
		.filter((event) => event.ph === 'X' && event.dur !== undefined && event.ts < to && event.ts + event.dur! > from)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const totals = new Map<string, number>();
	const stack: Array<{ event: TraceEvent; end: number; children: number }> = [];
	const close = (until: number) => {
		while (stack.length && stack.at(-1)!.end <= until) {
			const done = stack.pop()!;
			const wall = Math.min(done.end, to) - Math.max(done.event.ts, from);
			// CPU time of the part inside the window, in proportion.
			const own = cpu ? ((done.event.tdur ?? 0) * wall) / Math.max(1, done.event.dur!) : wall;
			totals.set(done.event.name, (totals.get(done.event.name) ?? 0) + Math.max(0, own - done.children) / 1000);
			if (stack.length) stack.at(-1)!.children += own;
		}
	};
	for (const event of spans) {
		close(event.ts);
		stack.push({ event, end: event.ts + event.dur!, children: 0 });
	}
	close(Number.POSITIVE_INFINITY);
	return totals;
}

interface Breakdown {
	marks: Record<string, number>;
	kinds: Record<string, number>;
	busy: number;
	/** The same in CPU time. */
	cpuKinds: Record<string, number>;
	cpuBusy: number;
	files: Record<string, { start: number; end: number }>;
}

/** Traces one navigation of `page` to `url` and breaks it down up to the readable mark. */
async function traced(page: Page, url: string): Promise<Breakdown> {
	await browser.startTracing(page, { categories: CATEGORIES });
	await page.goto(url);
	const readableAt = await mark(page, 'bench:readable');
	// Let the page's own scripts finish what they started, so the trace holds their events.
	await page.waitForTimeout(300);
	const pageMarks = (await page.evaluate(
		`Object.fromEntries(performance.getEntriesByType('mark').map((entry) => [entry.name, entry.startTime]))`,
	)) as Record<string, number>;
	const navigation = (await page.evaluate(
		`(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseStart: n.responseStart, responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd }; })()`,
	)) as Record<string, number>;
	const raw = await browser.stopTracing();
	if (values.save) writeFileSync(`${values.save}-${Date.now()}.json`, raw);
	const trace = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] };
	const events = trace.traceEvents;
	const readableEvent = events.find((event) => event.name === 'bench:readable' && event.cat.includes('blink.user_timing'));
	if (!readableEvent) throw new Error('the trace holds no bench:readable mark');
	// Trace time (µs) of the navigation's time origin.
	const origin = readableEvent.ts - readableAt * 1000;
	const main = events.filter((event) => event.pid === readableEvent.pid && event.tid === readableEvent.tid);
	const byKind = (totals: Map<string, number>) => {
		const kinds: Record<string, number> = {};
		let busy = 0;
		for (const [name, ms] of totals) {
			if (/^(RunTask|ThreadControllerImpl::RunTask|MessageLoop::RunTask)$/.test(name)) continue;
			const kind = KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
			kinds[kind] = (kinds[kind] ?? 0) + ms;
			busy += ms;
		}
		return { kinds, busy };
	};
	const { kinds, busy } = byKind(selfTimes(main, origin, readableEvent.ts));
	const cpu = byKind(selfTimes(main, origin, readableEvent.ts, true));
	const files: Breakdown['files'] = {};
	const started = new Map<string, { url: string; ts: number }>();
	for (const event of events) {
		const data = event.args?.data as { requestId?: string; url?: string } | undefined;
		if (!data?.requestId) continue;
		if (event.name === 'ResourceSendRequest' && data.url?.startsWith(new URL(url).origin))
			started.set(data.requestId, { url: data.url, ts: event.ts });
		if (event.name === 'ResourceFinish' && started.has(data.requestId)) {
			const request = started.get(data.requestId)!;
			const name = new URL(request.url).pathname.replace(/\.[0-9a-zA-Z_-]{8,10}\.(js|css)$/, '.*.$1');
			files[name] = { start: (request.ts - origin) / 1000, end: (event.ts - origin) / 1000 };
		}
	}
	return { marks: { ...navigation, ...pageMarks }, kinds, busy, cpuKinds: cpu.kinds, cpuBusy: cpu.busy, files };
}

async function run(kind: 'encrypted' | 'unencrypted'): Promise<Breakdown[]> {
	const results: Breakdown[] = [];
	for (let i = 0; i < RUNS; i++) {
		const page = await freshPage(browser, profile);
		if (kind === 'encrypted' && PAGE !== '') {
			await page.goto(`${encrypted}/${CLIENT}/${fragment}`);
			await mark(page, 'bench:readable');
			// The key is stored after the first paint; the traced page needs it remembered.
			await waitUntilRemembered(page, CLIENT);
		}
		const url = kind === 'encrypted' ? `${encrypted}/${CLIENT}/${PAGE}${PAGE === '' ? fragment : ''}` : `${unencrypted}/${CLIENT}/${PAGE}`;
		results.push(await traced(page, url));
		await page.context().close();
	}
	return results;
}

const encryptedRuns = await run('encrypted');
const plainRuns = await run('unencrypted');
await browser.close();
servers.forEach((server) => server.close());

const medianOf = (runs: Breakdown[], pick: (run: Breakdown) => number | undefined) => {
	const values = runs.map(pick).filter((value): value is number => value !== undefined);
	return values.length ? formatMilliseconds(median(values)) : '–';
};
const keys = (pick: (run: Breakdown) => Record<string, unknown>) => [
	...new Set([...encryptedRuns, ...plainRuns].flatMap((run) => Object.keys(pick(run)))),
];
const byTime = (names: string[]) =>
	names.sort(
		(a, b) =>
			(median(encryptedRuns.map((run) => run.marks[a] ?? Infinity)) || 0) -
			(median(encryptedRuns.map((run) => run.marks[b] ?? Infinity)) || 0),
	);

process.stdout.write(
	`\nOne navigation traced in Chromium: ${CLIENT}/${PAGE === '' ? ' by personal link' : PAGE}, ${profile}, median of ${RUNS} traced run(s), fresh context each${PAGE === '' ? '' : ' (opened by personal link first)'}\n\n`,
);
process.stdout.write(
	`${markdownTable(
		['mark (ms after navigation)', 'encrypted', 'unencrypted'],
		byTime(keys((run) => run.marks).filter((name) => !name.startsWith('bench:lock'))).map((name) => [
			name,
			medianOf(encryptedRuns, (run) => run.marks[name]),
			medianOf(plainRuns, (run) => run.marks[name]),
		]),
	)}\n\n`,
);
process.stdout.write(
	`${markdownTable(
		['main thread until readable (self time)', 'encrypted, wall', 'encrypted, CPU', 'unencrypted, wall', 'unencrypted, CPU'],
		[
			...[...KINDS.map(([kind]) => kind), 'other']
				.filter((kind) => [...encryptedRuns, ...plainRuns].some((run) => run.kinds[kind]))
				.map((kind) => [
					kind,
					medianOf(encryptedRuns, (run) => run.kinds[kind] ?? 0),
					medianOf(encryptedRuns, (run) => run.cpuKinds[kind] ?? 0),
					medianOf(plainRuns, (run) => run.kinds[kind] ?? 0),
					medianOf(plainRuns, (run) => run.cpuKinds[kind] ?? 0),
				]),
			[
				'**busy in all**',
				medianOf(encryptedRuns, (run) => run.busy),
				medianOf(encryptedRuns, (run) => run.cpuBusy),
				medianOf(plainRuns, (run) => run.busy),
				medianOf(plainRuns, (run) => run.cpuBusy),
			],
			[
				'**readable**',
				medianOf(encryptedRuns, (run) => run.marks['bench:readable']),
				'',
				medianOf(plainRuns, (run) => run.marks['bench:readable']),
				'',
			],
		],
	)}\n\n`,
);
process.stdout.write(
	`${markdownTable(
		['file: requested → loaded (ms)', 'encrypted', 'unencrypted'],
		keys((run) => run.files).map((name) => {
			const cell = (runs: Breakdown[]) =>
				runs.some((run) => run.files[name])
					? `${medianOf(runs, (run) => run.files[name]?.start)} → ${medianOf(runs, (run) => run.files[name]?.end)}`
					: '–';
			return [name, cell(encryptedRuns), cell(plainRuns)];
		}),
	)}\n`,
);
