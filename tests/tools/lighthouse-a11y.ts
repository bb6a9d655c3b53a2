/**
 * Lighthouse's accessibility score of the pages a client reads most, as a client opens them:
 *   npm run audit:a11y [-- --dist tests/.output/e2e] [--pages lock,overview,risks,changes,search]
 *                         [--presets desktop,mobile] [--schemes light,dark] [--port 4601] [--out DIR]
 * Without --dist it builds the demo first (test secret, base /glasshouse/, the e2e tests' day) into
 * tests/.output/lighthouse/site; with --dist it takes such a build as it is. It serves the build
 * from localhost and runs Lighthouse (accessibility category only) in the system's Chromium on an
 * English and a Chinese demo client, for every page × preset × colour scheme:
 *   - lock: the client's address in a fresh profile (the lock screen asking for a password);
 *   - overview, risks, changes: the page's address with a personal link's fragment, in a fresh
 *     profile, as a client follows a link from an email;
 *   - search: the search page with a query in its fragment, in the profile the overview's link
 *     unlocked (the key remembered), since a link's fragment and a query cannot share the address.
 * Dark mode is Chromium's `--force-dark-mode` (prefers-color-scheme: dark). Prints a table of
 * scores and every failing audit with its elements; writes each report and Lighthouse's final
 * screenshot to --out (default tests/.output/lighthouse/). Exits 1 when any score is below 100 or a
 * page was not the page meant (a gated page that stayed on the lock screen).
 *
 * Lighthouse runs through `npx --yes lighthouse@12.8.2`, pinned and outside package.json: it
 * brings puppeteer, Sentry and a trace engine (some 60 MB) that nothing else needs, and 12.8.2 is
 * the last line that runs on Node 20 (13 needs Node 22.19).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { BASE, DEMO_TODAY } from '../playwright.config';
import { cleanEnv, OUTPUT, ROOT, runNode } from '../support/build-site';
import { TEST_SECRET } from '../support/open-page';
import { serve } from '../support/static-server.mjs';
import { linkFragment } from '../e2e/unlock';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const PAGES = ['lock', 'overview', 'risks', 'changes', 'search'] as const;
const PRESETS = ['desktop', 'mobile'] as const;
const SCHEMES = ['light', 'dark'] as const;
type PageName = (typeof PAGES)[number];

/** A demo client per locale, the link entry that opens it and a query with results on its site. */
const CLIENTS = [
	{ locale: 'en', client: 'tidewater-logistics', entry: 'aoife-brennan', query: 'carrier' },
	{ locale: 'zh-CN', client: 'jinghong-precision', entry: 'shen-guohua', query: '接口' },
];

const { values } = parseArgs({
	options: {
		dist: { type: 'string' },
		pages: { type: 'string', default: PAGES.join(',') },
		presets: { type: 'string', default: PRESETS.join(',') },
		schemes: { type: 'string', default: SCHEMES.join(',') },
		port: { type: 'string', default: '0' },
		out: { type: 'string', default: path.join(OUTPUT, 'lighthouse') },
	},
});

/** A comma-separated option, each value checked against the ones allowed. */
function listOption<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
	const chosen = value.split(',').filter(Boolean);
	const unknown = chosen.filter((item) => !allowed.includes(item as T));
	if (unknown.length > 0 || chosen.length === 0) {
		console.error(`--${name}: expected some of ${allowed.join(', ')} (comma-separated), found "${value}"`);
		process.exit(2);
	}
	return chosen as T[];
}
const pages = listOption('pages', values.pages, PAGES);
const presets = listOption('presets', values.presets, PRESETS);
const schemes = listOption('schemes', values.schemes, SCHEMES);
const progress = (message: string) => process.stderr.write(`${message}\n`);

const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const dist = values.dist ? path.resolve(values.dist) : await buildDemo(path.join(out, 'site'));

async function buildDemo(outDir: string): Promise<string> {
	progress(`Building the demo into ${path.relative(ROOT, outDir)}…`);
	const env = cleanEnv({ GLASSHOUSE_BASE: BASE, GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_TODAY: DEMO_TODAY });
	const run = await runNode(['src/cli/bin.mjs', 'build', '--out', outDir], env, { timeout: 1_800_000 });
	if (run.status !== 0) {
		console.error(`The demo build failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
		process.exit(1);
	}
	return outDir;
}

interface Report {
	categories: { accessibility: { score: number | null; auditRefs: { id: string; weight: number }[] } };
	audits: Record<string, Audit>;
	runtimeError?: { message: string };
}
interface Audit {
	id: string;
	title: string;
	score: number | null;
	scoreDisplayMode: string;
	details?: { items?: { node?: { snippet?: string; selector?: string; explanation?: string } }[]; data?: string };
}

/** Runs Lighthouse once and returns its report (also written to `reportFile`). */
function lighthouse(url: string, preset: string, scheme: string, reportFile: string, profile?: string): Promise<Report> {
	const chromeFlags = [
		...CHROMIUM_ARGS,
		...(scheme === 'dark' ? ['--force-dark-mode'] : []),
		...(profile ? [`--user-data-dir=${profile}`] : []),
	];
	const args = [
		'--yes',
		LIGHTHOUSE,
		url,
		'--only-categories=accessibility',
		// Two audits of other categories, as evidence of what was audited: the final screenshot and the element count.
		'--only-audits=final-screenshot,dom-size',
		...(preset === 'desktop' ? ['--preset=desktop'] : []),
		// A given profile keeps its storage: the key a link remembered there opens the next page.
		...(profile ? ['--disable-storage-reset'] : []),
		`--chrome-flags=${chromeFlags.join(' ')}`,
		'--output=json',
		`--output-path=${reportFile}`,
		'--quiet',
	];
	return new Promise((resolve, reject) => {
		execFile('npx', args, { env: { ...process.env, CHROME_PATH: requireBrowser().path }, timeout: 300_000 }, (error, _stdout, stderr) => {
			if (error) return reject(new Error(`Lighthouse failed on ${url}: ${stderr || error.message}`));
			resolve(JSON.parse(readFileSync(reportFile, 'utf8')) as Report);
		});
	});
}

/** Whether an audit of the accessibility category applied to the page (not "not applicable" or manual). */
const applied = (report: Report, id: string) =>
	!['notApplicable', 'manual'].includes(report.audits[id]?.scoreDisplayMode ?? 'notApplicable');

/**
 * What the audited page shows that it is the page meant: the lock screen has a labelled password
 * field and no links; every unlocked page has links (skip link, navigation).
 */
function wrongPage(page: PageName, report: Report): string | undefined {
	if (page === 'lock') return applied(report, 'label') ? undefined : 'no password field: the lock screen did not ask';
	return applied(report, 'link-name') ? undefined : 'no links: the page stayed locked';
}

interface Row {
	page: PageName;
	preset: string;
	scheme: string;
	locale: string;
	score: number | null;
	problem?: string;
	failing: Audit[];
}

const server = await serve(dist, Number(values.port), BASE);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
progress(`Serving ${path.relative(ROOT, dist) || dist} at ${origin}${BASE}`);
const profiles = mkdtempSync(path.join(tmpdir(), 'glasshouse-lighthouse-'));
const rows: Row[] = [];
try {
	for (const { locale, client, entry, query } of CLIENTS) {
		const link = await linkFragment(client, entry);
		const site = `${origin}${BASE}${client}/`;
		for (const preset of presets)
			for (const scheme of schemes) {
				// The profile the overview's link unlocks and the search page then opens with.
				const unlocked = path.join(profiles, `${client}-${preset}-${scheme}`);
				mkdirSync(unlocked);
				// Search needs the overview's remembered key: audit the overview first, even when only search was asked for.
				const order = PAGES.filter((page) => pages.includes(page) || (page === 'overview' && pages.includes('search')));
				for (const page of order) {
					const target = {
						lock: { url: site },
						overview: { url: `${site}${link}`, profile: unlocked },
						risks: { url: `${site}risks/${link}` },
						changes: { url: `${site}changes/${link}` },
						search: { url: `${site}search/#q=${encodeURIComponent(query)}`, profile: unlocked },
					}[page];
					const name = `${locale}-${page}-${preset}-${scheme}`;
					progress(`Lighthouse: ${name}…`);
					const report = await lighthouse(target.url, preset, scheme, path.join(out, `${name}.json`), target.profile);
					const screenshot = report.audits['final-screenshot']?.details?.data;
					if (screenshot) writeFileSync(path.join(out, `${name}.jpg`), Buffer.from(screenshot.split(',')[1]!, 'base64'));
					if (!pages.includes(page)) continue;
					const refs = report.categories.accessibility.auditRefs.filter((ref) => ref.weight > 0);
					const failing = refs.map((ref) => report.audits[ref.id]!).filter((audit) => audit.score !== null && audit.score < 1);
					const problem = report.runtimeError?.message ?? wrongPage(page, report);
					rows.push({ page, preset, scheme, locale, score: report.categories.accessibility.score, problem, failing });
				}
			}
	}
} finally {
	server.close();
	rmSync(profiles, { recursive: true, force: true });
}

const cell = (row: Row | undefined) =>
	!row ? '' : `${row.score === null ? 'error' : Math.round(row.score * 100)}${row.problem ? ` (${row.problem})` : ''}`;
const locales = CLIENTS.map((client) => client.locale);
const lines = [
	`| page | preset | scheme | ${CLIENTS.map((client) => `${client.locale} (${client.client})`).join(' | ')} |`,
	`| --- | --- | --- | ${locales.map(() => '---').join(' | ')} |`,
];
for (const page of pages)
	for (const preset of presets)
		for (const scheme of schemes) {
			const of = (locale: string) =>
				rows.find((row) => row.page === page && row.preset === preset && row.scheme === scheme && row.locale === locale);
			lines.push(`| ${page} | ${preset} | ${scheme} | ${locales.map((locale) => cell(of(locale))).join(' | ')} |`);
		}
console.log(`Lighthouse ${LIGHTHOUSE.split('@')[1]} accessibility, ${new Date().toISOString()}\n\n${lines.join('\n')}`);

const failed = rows.filter((row) => row.score !== 1 || row.problem);
for (const row of failed) {
	console.log(`\n${row.locale} ${row.page} ${row.preset} ${row.scheme}: ${cell(row)}`);
	for (const audit of row.failing) {
		console.log(`  ${audit.id}: ${audit.title}`);
		for (const item of audit.details?.items ?? [])
			console.log(
				`    ${item.node?.selector ?? ''}  ${item.node?.snippet ?? ''}\n      ${(item.node?.explanation ?? '').replace(/\n/g, ' ')}`,
			);
	}
}
console.log(
	failed.length === 0 ? `\nEvery page scored 100 (reports in ${path.relative(ROOT, out)}/).` : `\n${failed.length} run(s) below 100.`,
);
process.exit(failed.length === 0 ? 0 : 1);
