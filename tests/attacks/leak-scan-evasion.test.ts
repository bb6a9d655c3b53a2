import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { needlesOf, type Needle } from '@/leak-scan/collect-needles';
import { scanForLeaks, type Leak } from '@/leak-scan/leak-scan';
import { renderShell } from '@/encrypt/render-shell';
import { buildKeyring, generateContentKey, resolveCredentials } from '@/keys/build-keyring';
import { loadContent } from '@/loader/load-content';
import { utf8 } from '@/runtime/crypto/bytes';
import { FILE_MAGIC, fileAad, pageAad, seal, sealFile } from '@/runtime/crypto/envelope';
import { renderDecision } from '@/scaffold/render-decision';
import { renderUpdate } from '@/scaffold/render-update';
import { AccessEntrySchema } from '@/kinds/client/access';
import { folder } from '../support/temp-folder';

/**
 * The attack: client text reaches a published file in a form the leak scan did not read (issue
 * 12, item 10). Someone with the files decodes it: a URL's %-escapes, a JSON `\u` escape, base64,
 * a compressed blob, UTF-16, a slug in a path, or text split by markup or zero-width characters.
 * Every form must be found and named; and generic text (the templates' headings, a public
 * client's pages) and ciphertext must not be reported.
 */

const RISK_TITLE = 'Supplier insolvency';
const RISK_FILE = 'content/acme/risks/vendor-exposure.yaml';
const ZH_RISK_TITLE = '供应商破产风险';
const ZH_RISK_FILE = 'content/lanting/risks/gongying.yaml';
const TAG = 'insolvency-watch';
const MILESTONE_ID = 'harbour-vault-cutover';
const MILESTONE_FILE = `content/acme/milestones/${MILESTONE_ID}.yaml`;

const client = (name: string, locale: 'en' | 'zh-CN', extra = '') => `name: ${name}
project:
  name: ${name} portal
  summary: ${locale === 'en' ? `The ${name} portal relaunch.` : `${name}门户网站改版。`}
locale: ${locale}
start: 2026-01-05
plannedEnd: 2026-06-30
team:
  - name: ${name} Lead
    role: Project manager
    side: vendor
    email: lead@${name.toLowerCase().replace(/\W/g, '')}.example
    primary: true
access:
  - id: team
    label: ${name} team password
    type: password
${extra}`;

const decision = (locale: 'en' | 'zh-CN', title: string) =>
	renderDecision({ number: 1, title, date: '2026-01-08', locale, currency: 'EUR' });

const CONTENT: Record<string, string> = {
	'site.yaml': 'agency:\n  name: Evasion Test Agency\ntitle: Project status\n',
	// Private, in English and in Chinese, with a decision and an update straight from the templates.
	'acme/client.yaml': client('Quillfeather', 'en'),
	'acme/risks/vendor-exposure.yaml': `id: vendor-exposure
title: ${RISK_TITLE}
likelihood: medium
impact: high
owner: Quillfeather Lead
status: open
mitigation: Keep a second quote ready.
raised: 2026-01-09
tags: [${TAG}]
`,
	[`acme/milestones/${MILESTONE_ID}.yaml`]: `id: ${MILESTONE_ID}
title: Ledgers moved
start: 2026-01-05
due: 2026-03-01
status: planned
owner: Quillfeather Lead
`,
	'acme/decisions/0001-hosted-ledger.mdx': decision('en', 'Move the ledger to the hosted service'),
	'acme/updates/2026-01-09.mdx': renderUpdate('2026-01-09', 'en').text,
	'lanting/client.yaml': client('Lanting', 'zh-CN'),
	'lanting/risks/gongying.yaml': `id: gongying
title: ${ZH_RISK_TITLE}
likelihood: medium
impact: high
owner: Lanting Lead
status: open
mitigation: 准备第二家供应商的报价。
raised: 2026-01-09
`,
	'lanting/decisions/0001-hosting.mdx': decision('zh-CN', '采用托管的账本服务'),
	// Public clients using the same templates: their pages are published in clear.
	'open-en/client.yaml': client('Openfield', 'en', 'public: true\n'),
	'open-en/decisions/0001-static-site.mdx': decision('en', 'Build a static site'),
	'open-en/updates/2026-01-09.mdx': renderUpdate('2026-01-09', 'en').text,
	'open-zh/client.yaml': client('Kaifang', 'zh-CN', 'public: true\n'),
	'open-zh/decisions/0001-static-site.mdx': decision('zh-CN', '采用静态网站'),
};

let needles: Needle[];
beforeAll(async () => {
	const root = await folder(
		'glasshouse-evasion-',
		Object.fromEntries(Object.entries(CONTENT).map(([file, text]) => [`content/${file}`, text])),
	);
	const content = await loadContent(path.join(root, 'content'), root);
	expect(content.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	needles = needlesOf(content);
});

/** The leaks in an output made of `files`, as `file: needle text (source)`. */
async function leaksIn(files: Record<string, string | Uint8Array>): Promise<string[]> {
	const leaks = await scanForLeaks(await folder('glasshouse-evasion-dist-', files), needles);
	return leaks.map(({ file, needle }) => `${file}: ${needle.text} (${needle.source})`).sort();
}

const RISK = `${RISK_TITLE} (${RISK_FILE})`;
const ZH_RISK = `${ZH_RISK_TITLE} (${ZH_RISK_FILE})`;
const base64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');
const escapeAll = (text: string) => [...text].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('the leak scan reads every encoding of a private client’s text', () => {
	it('URL percent-encoding, and + for spaces', async () => {
		expect(await leaksIn({ 'index.html': `<a href="/search?q=${encodeURIComponent(RISK_TITLE)}">Search</a>` })).toEqual([
			`index.html: ${RISK}`,
		]);
		expect(await leaksIn({ 'index.html': '<a href="/search?q=Supplier+insolvency">Search</a>' })).toEqual([`index.html: ${RISK}`]);
		expect(
			await leaksIn({ 'index.html': `<a href="/go?to=${encodeURIComponent(`/search?q=${encodeURIComponent(RISK_TITLE)}`)}">Go</a>` }),
		).toEqual([`index.html: ${RISK}`]);
		expect(await leaksIn({ 'index.html': `<a href="/search?q=${encodeURIComponent(ZH_RISK_TITLE)}">搜索</a>` })).toEqual([
			`index.html: ${ZH_RISK}`,
		]);
	});

	it('changed case and full-width letters', async () => {
		expect(await leaksIn({ 'index.html': '<h1>SUPPLIER INSOLVENCY</h1>' })).toEqual([`index.html: ${RISK}`]);
		expect(await leaksIn({ '404.html': '<p>sUpPlIeR iNsOlVeNcY</p>' })).toEqual([`404.html: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<p>Ｓｕｐｐｌｉｅｒ　ｉｎｓｏｌｖｅｎｃｙ</p>' })).toEqual([`index.html: ${RISK}`]);
	});

	it('a slug of the text in a file name or a path, and slugs in text', async () => {
		expect(await leaksIn({ 'notes/supplier-insolvency/index.html': '<p>Nothing to see</p>' })).toEqual([
			`notes/supplier-insolvency/index.html: ${RISK}`,
		]);
		expect(await leaksIn({ '_astro/supplier_insolvency.3f9a.js': 'export {}' })).toEqual([`_astro/supplier_insolvency.3f9a.js: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<a href="/acme/risks/supplier-insolvency/">Risk</a>' })).toEqual([`index.html: ${RISK}`]);
		// A long path with capitals and digits is not mistaken for ciphertext and skipped.
		expect(
			await leaksIn({ 'index.html': '<a href="/Archive2026/Quarter4/Reports/Supplier-Insolvency-Review-Draft3/Appendix7/Index">x</a>' }),
		).toEqual([`index.html: ${RISK}`]);
	});

	it('JSON \\u escapes, Latin and CJK', async () => {
		expect(await leaksIn({ 'data.json': `{"title":"${escapeAll(RISK_TITLE)}"}` })).toEqual([`data.json: ${RISK}`]);
		expect(await leaksIn({ 'data.json': `{"title":"${escapeAll(ZH_RISK_TITLE)}"}` })).toEqual([`data.json: ${ZH_RISK}`]);
		expect(await leaksIn({ '_astro/app.js': `const t="\\u4f9b\\u5e94\\u5546\\x20\\u7834\\u4ea7\\u98ce\\u9669";` })).toEqual([
			`_astro/app.js: ${ZH_RISK}`,
		]);
	});

	it('zero-width and other invisible characters inside words', async () => {
		expect(await leaksIn({ 'index.html': '<p>Supp\u200blier insol\u200cvency</p>' })).toEqual([`index.html: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<p>Sup\u2060plier in\u00adsol\ufeffvency</p>' })).toEqual([`index.html: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<p>Supp&#x200B;lier insol&shy;vency</p>' })).toEqual([`index.html: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<p>供应\u200b商破\u200d产风险</p>' })).toEqual([`index.html: ${ZH_RISK}`]);
	});

	it('HTML tags inside and between words', async () => {
		expect(await leaksIn({ 'index.html': '<p>Supp<b>lier</b> insolvency</p>' })).toEqual([`index.html: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<p><span class="x">Sup</span><span>plier</span><br>in<em>sol</em>vency</p>' })).toEqual([
			`index.html: ${RISK}`,
		]);
		expect(
			await leaksIn({ 'chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"><text>Supplier <tspan>insol</tspan>vency</text></svg>' }),
		).toEqual([`chart.svg: ${RISK}`]);
		expect(await leaksIn({ 'index.html': '<p>供应<i>商</i>破产<!-- x -->风险</p>' })).toEqual([`index.html: ${ZH_RISK}`]);
	});

	it('base64 and base64url outside data: URIs', async () => {
		expect(await leaksIn({ 'index.html': `<script>const note = atob("${base64(`Note: ${RISK_TITLE} is likely.`)}");</script>` })).toEqual([
			`index.html: ${RISK}`,
		]);
		const url = Buffer.from(JSON.stringify({ risk: ZH_RISK_TITLE })).toString('base64url');
		expect(await leaksIn({ 'share/index.html': `<a href="/share#${url}">share</a>` })).toEqual([`share/index.html: ${ZH_RISK}`]);
	});

	it('zlib and gzip: compressed files and compressed base64 blobs', async () => {
		const text = `{"risks":["${RISK_TITLE}"]}`;
		expect(await leaksIn({ 'state.bin': deflateSync(text) })).toEqual([`state.bin: ${RISK}`]);
		expect(await leaksIn({ 'index.html': `<script type="application/json">{"blob":"${base64(gzipSync(text))}"}</script>` })).toEqual([
			`index.html: ${RISK}`,
		]);
		expect(await leaksIn({ 'index.html': `<script>const s="${base64(deflateSync(ZH_RISK_TITLE))}";</script>` })).toEqual([
			`index.html: ${ZH_RISK}`,
		]);
	});

	it('UTF-16LE and UTF-16BE, with a byte-order mark or without (every other byte NUL)', async () => {
		expect(
			await leaksIn({ 'notes.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Risk: ${RISK_TITLE}`, 'utf16le')]) }),
		).toEqual([`notes.txt: ${RISK}`]);
		expect(await leaksIn({ 'notes.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(`风险：${ZH_RISK_TITLE}`)]) })).toEqual([
			`notes.txt: ${ZH_RISK}`,
		]);
		expect(await leaksIn({ 'notes.txt': Buffer.from(`Risk: ${RISK_TITLE}`, 'utf16le') })).toEqual([`notes.txt: ${RISK}`]);
		expect(
			await leaksIn({ 'font.bin': Buffer.concat([randomBytes(64), Buffer.from([0]), utf16be(`Risk: ${RISK_TITLE}`), randomBytes(64)]) }),
		).toEqual([`font.bin: ${RISK}`]);
	});

	it('names how the text was hidden', async () => {
		const dist = await folder('glasshouse-evasion-dist-', {
			'index.html': `<p>x</p><script>const s="${base64(gzipSync(RISK_TITLE))}";</script>`,
		});
		expect(await scanForLeaks(dist, needles)).toEqual<Leak[]>([
			{ file: 'index.html', needle: { text: RISK_TITLE, source: RISK_FILE }, via: 'base64 → gzip' },
		]);
	});
});

describe('the needles include every string of the content', () => {
	it('a tag', async () => {
		expect(needles).toContainEqual({ text: TAG, source: RISK_FILE });
		expect(await leaksIn({ 'index.html': '<ul class="tags"><li>insolvency-watch</li></ul>' })).toEqual([
			`index.html: ${TAG} (${RISK_FILE})`,
		]);
	});

	it('a milestone id, in a path or in text', async () => {
		expect(needles).toContainEqual({ text: MILESTONE_ID, source: MILESTONE_FILE });
		expect(await leaksIn({ 'acme/milestones/harbour-vault-cutover/index.html': '<p>Milestone</p>' })).toEqual([
			`acme/milestones/harbour-vault-cutover/index.html: ${MILESTONE_ID} (${MILESTONE_FILE})`,
		]);
		expect(await leaksIn({ 'index.html': '<div data-milestone="harbour-vault-cutover"></div>' })).toEqual([
			`index.html: ${MILESTONE_ID} (${MILESTONE_FILE})`,
		]);
	});
});

describe('no false alarm', () => {
	it('on a public client’s pages that use the same templates, in English and Chinese', async () => {
		const texts = needles.map((needle) => needle.text);
		for (const generic of ['Options considered', 'Consequences', 'TODO: what comes next', '备选方案', '背景和起因'])
			expect(texts.some((text) => text.includes(generic))).toBe(false);
		const page = (title: string, body: string) => `<!doctype html><html><body><h1>${title}</h1>${body}</body></html>`;
		const en = decision('en', 'Build a static site').split('---\n')[2]!;
		const zh = decision('zh-CN', '采用静态网站').split('---\n')[2]!;
		const html = (markdown: string) => markdown.replace(/^## (.*)$/gm, '<h2>$1</h2>').replace(/^- (.*)$/gm, '<li>$1</li>');
		expect(
			await leaksIn({
				'open-en/decisions/1/index.html': page('Build a static site', html(en)),
				'open-en/updates/2026-01-09/index.html': page(
					'Status update',
					'<h2>Done</h2><h2>In progress</h2><h2>Next</h2><p>TODO: what comes next</p>',
				),
				'open-zh/decisions/1/index.html': page('采用静态网站', html(zh)),
			}),
		).toEqual([]);
	});

	it('on ciphertext: sealed files, lock-screen shells, keyrings and random base64 of every length', async () => {
		const contentKey = await generateContentKey();
		const secret = new Uint8Array(32).fill(7);
		const access = [AccessEntrySchema.parse({ id: 'team', label: 'Team', type: 'password' })];
		const keyring = await buildKeyring('acme', await resolveCredentials('acme', access, secret, {}), secret, contentKey);
		const plaintext = `<h1>${RISK_TITLE}</h1><p>${ZH_RISK_TITLE}</p><p>${TAG} ${MILESTONE_ID}</p>`.repeat(50);
		const build = { id: 'q8CEz2xk1Jw4r0n6u5Zf3A', time: '2026-12-01T09:30:00Z' };
		const envelope = await seal(contentKey, utf8(plaintext), pageAad('acme', build, 'risks/'));
		const shell = renderShell({
			locale: 'en',
			agency: 'Evasion Test Agency',
			base: '/',
			client: 'acme',
			rememberDays: 30,
			keyring,
			build,
			envelope,
			assets: { script: '/_glasshouse/gate.js', style: '/_glasshouse/gate.css' },
		});
		const runs = Array.from({ length: 200 }, (_, index) => base64(randomBytes(8 + index * 3))).join('\n');
		expect(
			await leaksIn({
				'acme/risks/x21V4RWSfs8r/index.html': shell,
				'acme/pagefind/0123456789abcdef0123456789abcdef': await sealFile(
					contentKey,
					gzipSync(plaintext),
					fileAad('acme', build.id, 'pagefind/0123456789abcdef0123456789abcdef'),
				),
				// A decoy: the file magic, then random bytes.
				'acme/pagefind/fedcba9876543210fedcba9876543210': Buffer.concat([Buffer.from(FILE_MAGIC), randomBytes(100_000)]),
				'random.txt': runs,
				'random.bin': randomBytes(200_000),
			}),
		).toEqual([]);
	});

	it('in a sealed file, counts a short text as the chance it is in random bytes, and a longer one as the leak', async () => {
		// What the 200-client bench's merge met: a diagram's line, "D --> A395", in a sealed search
		// index file's random bytes (33 bits: about one place in 10¹⁰ matches it by chance).
		const chance = { text: 'D --> A395', source: 'acme/updates/2026-12-18.mdx' };
		const sentence = { text: 'Nightingale renewal budget approved', source: 'acme/updates/2026-12-11.mdx' };
		const bytes = (magic: string) =>
			Buffer.concat([
				Buffer.from(magic),
				randomBytes(2000).map((byte) => byte & 0x7f || 1),
				Buffer.from('\x01D>-A395\x02'),
				randomBytes(2000),
				Buffer.from('\x00 nightingale renewal budget approved \x00'),
			]);
		const dist = await folder('glasshouse-chance-', { 'acme/pagefind/sealed': bytes(FILE_MAGIC), 'other.bin': bytes('RIFF') });
		const found = (await scanForLeaks(dist, [chance, sentence])).map(({ file, needle }) => `${file}: ${needle.text}`).sort();
		expect(found).toEqual([
			'acme/pagefind/sealed: Nightingale renewal budget approved',
			'other.bin: D --> A395',
			'other.bin: Nightingale renewal budget approved',
		]);
	});

	it('but an envelope whose ciphertext is not encrypted after all is read', async () => {
		const fake = {
			v: 3,
			alg: 'A256GCM',
			iv: base64(randomBytes(12)),
			ct: base64(gzipSync(`<h1>${RISK_TITLE}</h1>${'<p>padding</p>'.repeat(40)}`)),
		};
		const shell = `<script type="application/json" id="gh-payload">${JSON.stringify(fake)}</script>`;
		expect(await leaksIn({ 'acme/index.html': shell })).toEqual([`acme/index.html: ${RISK}`]);
	});
});

describe('a file the scan cannot read', () => {
	it('is refused, with its name: a compressed stream that inflates beyond 64 MB', async () => {
		const dist = await folder('glasshouse-evasion-bomb-', { 'bomb.gz': gzipSync(Buffer.alloc(65 * 1024 * 1024 + 1, 0x61)) });
		await expect(scanForLeaks(dist, needles)).rejects.toThrow(
			/The leak scan cannot check bomb\.gz: it inflates to more than 64 MB \(gzip\), too much to check\. Remove it/,
		);
	});
});
