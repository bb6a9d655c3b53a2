import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '@/i18n/en.json';
import zhCN from '@/i18n/zh-CN.json';
import { utf8 } from '@/runtime/crypto/bytes';
import { pageAad, seal, type Envelope } from '@/runtime/crypto/envelope';
import type { Keyring } from '@/runtime/crypto/keyring';
import { loadContent, type LoadedClient, type LoadedContent, type Parsed } from '@/loader/load-content';
import { renderDecision } from '@/scaffold/render-decision';
import { AccessEntrySchema } from '@/kinds/client/access';
import { buildKeyring, generateContentKey, resolveCredentials } from '@/keys/build-keyring';
import { canonical, decodeEntities } from '@/leak-scan/canonical-text';
import { collectNeedles, isDistinctive, needlesOf, type Needle } from '@/leak-scan/collect-needles';
import { percentDecode, readableTexts, unescapeString } from '@/leak-scan/readable-texts';
import { inlineImages } from '@/encrypt/inline-assets';
import { describeLeaks, scanForLeaks, type Leak } from '@/leak-scan/leak-scan';
import { scanOutputForLeaks } from '@/post-build/scan-output';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';
import { renderShell, type ShellInput } from '@/encrypt/render-shell';
import { gateMessages } from '@/encrypt/gate-messages';
import { LOCALES } from '@/i18n/locales';
import { folder } from '../support/temp-folder';

/** Canaries planted in the client's content; each must be found wherever it ends up in clear. */
const UPDATE_SENTENCE = 'The zebrafinch ledger cut-over finished on Tuesday night';
const DECISION_TITLE = "Adopt the Marmoset & Heron's billing engine";
const FAQ_ANSWER = 'The "osprey" binder holds every signed change request';
const EMAIL = 'canary.ibis@client.example';
const CLIENT_NAME = 'Quillfeather Holdings';

const AGENCY = 'Canary Agency Northwind';
/** An interface string the site shows on every page, written into an update on purpose. */
const UI_STRING = en['overview.needsFromYou'];

const SOURCE = {
	client: 'content/acme/client.yaml',
	update: 'content/acme/updates/2026-01-09.mdx',
	decision: 'content/acme/decisions/0001-billing-engine.mdx',
	faq: 'content/acme/faq/binder.md',
};

const CONTENT: Record<string, string> = {
	'site.yaml': `agency:\n  name: ${AGENCY}\ntitle: Project status\n`,
	'acme/client.yaml': `name: ${CLIENT_NAME}
project:
  name: Ledger modernisation
  summary: Replace the old ledger with a hosted one.
start: 2026-01-05
plannedEnd: 2026-06-30
team:
  - name: Ines Okonkwo-Vale
    role: Project manager
    side: vendor
    email: ${EMAIL}
    primary: true
access:
  - id: team
    label: Quillfeather team password
    type: password
`,
	'acme/updates/2026-01-09.mdx': `---
date: 2026-01-09
health: on-track
summary: Kick-off went well and the backlog is agreed.
---

## ${UI_STRING}

${AGENCY}.

${AGENCY} ran the workshop.

${UPDATE_SENTENCE}. Nothing else moved this week.
`,
	'acme/decisions/0001-billing-engine.mdx': `---
number: 1
title: "${DECISION_TITLE}"
date: 2026-01-08
status: accepted
deciders:
  client: [Ines Okonkwo-Vale]
  vendor: []
---

We compared three engines over two weeks.
`,
	'acme/faq/binder.md': `---
question: Where do signed change requests live?
---

${FAQ_ANSWER}.
`,
};

const svg = (text: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><text x="0" y="15">${text}</text></svg>`;
const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const needle = (text: string, source: string): Needle => ({ text, source });

let clients: LoadedClient[];
let needles: Needle[];
beforeAll(async () => {
	const root = await mkdtemp(path.join(tmpdir(), 'glasshouse-needles-'));
	const contentDir = path.join(root, 'content');
	await mkdir(contentDir);
	for (const [file, text] of Object.entries(CONTENT)) {
		await mkdir(path.dirname(path.join(contentDir, file)), { recursive: true });
		await writeFile(path.join(contentDir, file), text);
	}
	const content = await loadContent(contentDir, root);
	expect(content.problems).toEqual([]);
	clients = content.clients;
	needles = collectNeedles(clients, [AGENCY, 'acme']);
});

describe('collectNeedles', () => {
	it('collects a sentence of an update body, a decision title, a FAQ answer and a contact email, with their files', () => {
		expect(needles).toContainEqual(needle(UPDATE_SENTENCE, SOURCE.update));
		expect(needles).toContainEqual(needle(DECISION_TITLE, SOURCE.decision));
		expect(needles).toContainEqual(needle(FAQ_ANSWER, SOURCE.faq));
		expect(needles).toContainEqual(needle(EMAIL, SOURCE.client));
	});

	it('collects names, summaries, labels, questions and the rest of each body', () => {
		const texts = needles.map((item) => item.text);
		for (const text of [
			CLIENT_NAME,
			'Ledger modernisation',
			'Replace the old ledger with a hosted one',
			'Ines Okonkwo-Vale',
			'Quillfeather team password',
			'Kick-off went well and the backlog is agreed',
			'Nothing else moved this week',
			'We compared three engines over two weeks',
			'Where do signed change requests live',
		]) {
			expect(texts).toContain(text);
		}
	});

	it('splits bodies into sentences without Markdown syntax or final punctuation', () => {
		for (const { text } of needles) {
			expect(text).not.toMatch(/^(#|- |> )/);
			expect(text).not.toMatch(/[.!?;:]$/);
			expect(text).not.toContain('\n');
		}
	});

	it('leaves out interface strings and publicText, which every page shows on purpose', () => {
		const texts = needles.map((item) => item.text);
		expect(texts).not.toContain(UI_STRING);
		expect(texts).not.toContain(AGENCY);
		for (const message of [...Object.values(en), ...Object.values(zhCN)]) expect(texts).not.toContain(message);
		// Without publicText, the agency's line in the update would be a needle.
		expect(collectNeedles(clients).map((item) => item.text)).toContain(AGENCY);
	});

	it('still searches for text that merely contains a publicText entry', () => {
		expect(needles).toContainEqual(needle(`${AGENCY} ran the workshop`, SOURCE.update));
	});

	it('leaves out short text that could match by chance, but keeps short distinctive text', () => {
		const faq = clients[0]!.faq[0]!;
		const onlyFaq: LoadedClient = {
			slug: 'acme',
			dir: 'content/acme',
			updates: [],
			decisions: [],
			milestones: [],
			risks: [],
			changes: [],
			meetings: [],
			feedback: [],
			documents: [],
			surveys: [],
			faq: [{ ...faq, source: { ...faq.source, body: 'Q3 plan\nabcdefgh\n北京站\nok' } }],
		};
		expect(
			collectNeedles([onlyFaq])
				.map((item) => item.text)
				.sort(),
		).toEqual(['Q3 plan', 'Where do signed change requests live', '北京站']);
	});
});

describe('scanForLeaks', () => {
	/** The leaks a dist made of `files` shows, as `file: needle`. */
	async function leaksIn(files: Record<string, string | Uint8Array>): Promise<string[]> {
		const leaks = await scanForLeaks(await folder('glasshouse-dist-', files), needles);
		return leaks.map(({ file, needle }) => `${file}: ${needle.text}`).sort();
	}

	it('finds a sentence written plainly into an HTML page, and names file and source', async () => {
		const dist = await folder('glasshouse-dist-', { 'acme/updates/2026-01-09/index.html': `<main><p>${UPDATE_SENTENCE}.</p></main>` });
		expect(await scanForLeaks(dist, needles)).toEqual<Leak[]>([
			{ file: 'acme/updates/2026-01-09/index.html', needle: needle(UPDATE_SENTENCE, SOURCE.update) },
		]);
	});

	it('leaves out only the files `skip` names (client folders searched as they were restored)', async () => {
		const page = `<main><p>${UPDATE_SENTENCE}.</p></main>`;
		const dist = await folder('glasshouse-dist-', { 'acme/index.html': page, 'beta/index.html': page, 'index.html': page });
		const leaks = await scanForLeaks(dist, needles, new Map(), (name) => name.startsWith('acme/'));
		expect(leaks.map(({ file }) => file).sort()).toEqual(['beta/index.html', 'index.html']);
	});

	it('over a built output, adds what was found in the restored clients and reads none of their files again', async () => {
		const page = `<main><p>${UPDATE_SENTENCE}.</p></main>`;
		const dist = await folder('glasshouse-dist-', {
			'acme/index.html': page,
			'beta/index.html': '<p>nothing</p>',
			'index.html': '<p>root</p>',
		});
		const targets = { needles, copies: new Map<string, Needle>() };
		const logged: string[] = [];
		const logger = { info: (line: string) => void logged.push(line) };
		// Unscanned, acme's page leaks; searched as it was restored, the scan trusts what was found there: here, nothing.
		const noContent = undefined as unknown as LoadedContent;
		const noAttachments = undefined as unknown as AttachmentPlan;
		await expect(scanOutputForLeaks(dist, noContent, noAttachments, logger, { targets })).rejects.toThrow(/acme\/index\.html/);
		await scanOutputForLeaks(dist, noContent, noAttachments, logger, { targets, searched: { folders: ['acme'], leaks: [], files: 1 } });
		expect(logged.at(-1)).toMatch(/none found in the output .*1 file\(s\) of cached clients searched as they were restored/);
		// A leak the restore found stops the build like one found here.
		const found: Leak = { file: 'beta/index.html', needle: needle(UPDATE_SENTENCE, SOURCE.update) };
		await expect(
			scanOutputForLeaks(dist, noContent, noAttachments, logger, {
				targets,
				searched: { folders: ['acme', 'beta'], leaks: [found], files: 2 },
			}),
		).rejects.toThrow(/beta\/index\.html/);
	});

	it('finds HTML-escaped text: & and apostrophe in text, quotes in an attribute', async () => {
		const escapedTitle = 'Adopt the Marmoset &amp; Heron&#39;s billing engine';
		expect(await leaksIn({ 'acme/decisions/1/index.html': `<h1>${escapedTitle}</h1>` })).toEqual([
			`acme/decisions/1/index.html: ${DECISION_TITLE}`,
		]);
		const escapedAnswer = FAQ_ANSWER.replace(/"/g, '&quot;');
		expect(await leaksIn({ 'acme/faq/index.html': `<meta name="description" content="${escapedAnswer}.">` })).toEqual([
			`acme/faq/index.html: ${FAQ_ANSWER}`,
		]);
	});

	it('finds JSON-escaped text in a JSON file', async () => {
		const json = JSON.stringify({ url: '/acme/faq/', excerpt: `${FAQ_ANSWER}.` });
		expect(json).not.toContain(FAQ_ANSWER);
		expect(await leaksIn({ 'pagefind/meta.json': json })).toEqual([`pagefind/meta.json: ${FAQ_ANSWER}`]);
	});

	it('finds text inside a gzip-compressed file', async () => {
		const compressed = gzipSync(JSON.stringify({ content: `Write to ${EMAIL} with questions.` }));
		expect(compressed.includes(EMAIL)).toBe(false);
		expect(await leaksIn({ 'pagefind/fragment/en_1a2b3c.pf_fragment': compressed })).toEqual([
			`pagefind/fragment/en_1a2b3c.pf_fragment: ${EMAIL}`,
		]);
	});

	it('finds text inside an SVG image', async () => {
		expect(await leaksIn({ '_astro/chart.3f9a.svg': svg(UPDATE_SENTENCE) })).toEqual([`_astro/chart.3f9a.svg: ${UPDATE_SENTENCE}`]);
	});

	it('finds text inside a base64 data: URI of an SVG in an HTML page', async () => {
		const html = `<p>Chart:</p><img alt="" src="data:image/svg+xml;base64,${base64(svg(`${CLIENT_NAME} – ${EMAIL}`))}">`;
		expect(html).not.toContain(EMAIL);
		expect(await leaksIn({ 'acme/index.html': html })).toEqual([`acme/index.html: ${CLIENT_NAME}`, `acme/index.html: ${EMAIL}`]);
	});

	it('reports every leaking file and needle across the output', async () => {
		const leaks = await leaksIn({
			'index.html': `<p>${EMAIL}</p>`,
			'acme/index.html': `<p>${UPDATE_SENTENCE}</p><p>${CLIENT_NAME}</p>`,
			'clean.html': '<p>Nothing to see</p>',
		});
		expect(leaks).toEqual([`acme/index.html: ${CLIENT_NAME}`, `acme/index.html: ${UPDATE_SENTENCE}`, `index.html: ${EMAIL}`]);
	});

	it('finds nothing in an output of unrelated text, interface strings and long base64 ciphertext', async () => {
		const ciphertext = base64(randomBytes(4096));
		const leaks = await leaksIn({
			'index.html': `<h1>${AGENCY}</h1><p>${en['overview.title']}</p><p>${UI_STRING}</p><p>Welcome to the status pages.</p>`,
			'acme/index.html': `<script type="application/json">{"v":1,"alg":"A256GCM","iv":"${base64(randomBytes(12))}","ct":"${ciphertext}"}</script>`,
			'acme/logo.html': `<img src="data:image/png;base64,${base64(randomBytes(2048))}">`,
			'pagefind/fragment/en_000.pf_fragment': gzipSync('{"content":"Public release notes"}'),
			'_astro/app.js': `const KEYRING=${JSON.stringify(ciphertext)};`,
			'robots.txt': 'User-agent: *\nDisallow: /\n',
		});
		expect(leaks).toEqual([]);
	});

	it('describes leaks with file, text and source', () => {
		const leaks: Leak[] = [{ file: 'acme/index.html', needle: needle(UPDATE_SENTENCE, SOURCE.update) }];
		expect(describeLeaks(leaks)).toBe(
			`1 leak(s) of client content found in the output:\n  acme/index.html: "${UPDATE_SENTENCE}" (from ${SOURCE.update})`,
		);
		expect(describeLeaks([{ ...leaks[0]!, via: 'base64 → gzip' }])).toBe(
			`1 leak(s) of client content found in the output:\n  acme/index.html: "${UPDATE_SENTENCE}" (from ${SOURCE.update}) [base64 → gzip]`,
		);
		const many = Array.from({ length: 30 }, (_, i): Leak => ({ file: `f${i}.html`, needle: needle('x'.repeat(80), SOURCE.faq) }));
		const text = describeLeaks(many);
		expect(text).toMatch(/^30 leak\(s\)/);
		expect(text).toMatch(/… and 5 more$/);
		expect(text).toContain(`"${'x'.repeat(67)}…"`);
	});
});

describe('inlineImages', () => {
	const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
	const PNG_2X = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 4, 5, 6]);
	const SVG = svg('diagram');
	let outDir: string;
	beforeAll(async () => {
		outDir = await folder('glasshouse-inline-', {
			'_astro/pic.abc.png': PNG,
			'_astro/pic.abc@2x.png': PNG_2X,
			'_astro/my pic.def.PNG': PNG,
			'_astro/diagram.ghi.svg': SVG,
			'_astro/site.css': 'body{}',
			'_astro/app.js': 'export {}',
		});
	});

	const pngUri = (bytes: Uint8Array) => `data:image/png;base64,${base64(bytes)}`;

	it('replaces src and srcset URLs of images under /_astro/ by data: URIs and reports the files', async () => {
		const html = '<img src="/base/_astro/pic.abc.png" srcset="/base/_astro/pic.abc.png 1x, /base/_astro/pic.abc@2x.png 2x" alt="Chart">';
		const { html: out, inlined } = await inlineImages(html, outDir, '/base/');
		expect(out).toBe(`<img src="${pngUri(PNG)}" srcset="${pngUri(PNG)} 1x, ${pngUri(PNG_2X)} 2x" alt="Chart">`);
		expect(inlined.sort()).toEqual(['_astro/pic.abc.png', '_astro/pic.abc@2x.png']);
	});

	it('handles SVG, upper-case extensions, encoded names, query strings and width descriptors', async () => {
		const html = [
			'<img src="/base/_astro/diagram.ghi.svg?v=2">',
			'<img src="/base/_astro/my%20pic.def.PNG">',
			'<img srcset="/base/_astro/pic.abc.png 480w,/base/_astro/pic.abc@2x.png 960w" sizes="50vw">',
			'<a href="/base/_astro/pic.abc@2x.png">full size</a>',
		].join('\n');
		const { html: out, inlined } = await inlineImages(html, outDir, '/base/');
		expect(out).toBe(
			[
				`<img src="data:image/svg+xml;base64,${base64(SVG)}">`,
				`<img src="${pngUri(PNG)}">`,
				`<img srcset="${pngUri(PNG)} 480w, ${pngUri(PNG_2X)} 960w" sizes="50vw">`,
				`<a href="${pngUri(PNG_2X)}">full size</a>`,
			].join('\n'),
		);
		expect(inlined.sort()).toEqual(['_astro/diagram.ghi.svg', '_astro/my pic.def.PNG', '_astro/pic.abc.png', '_astro/pic.abc@2x.png']);
	});

	it('leaves scripts, stylesheets, external and other URLs untouched', async () => {
		const html = [
			'<link rel="stylesheet" href="/base/_astro/site.css">',
			'<script type="module" src="/base/_astro/app.js"></script>',
			'<img src="https://cdn.example.com/base/_astro/pic.abc.png">',
			'<img src="/other/_astro/pic.abc.png">',
			'<img src="/base/images/pic.abc.png">',
			'<img srcset="https://cdn.example.com/a.png 1x, https://cdn.example.com/b.png 2x">',
			'<a href="/base/acme/updates/">Updates</a>',
			'<img src="data:image/png;base64,AAAA">',
		].join('\n');
		expect(await inlineImages(html, outDir, '/base/')).toEqual({ html, inlined: [] });
	});

	it('works with the root base path', async () => {
		const { html, inlined } = await inlineImages('<img src="/_astro/pic.abc.png">', outDir, '/');
		expect(html).toBe(`<img src="${pngUri(PNG)}">`);
		expect(inlined).toEqual(['_astro/pic.abc.png']);
	});
});

describe('renderShell', () => {
	const BUILD = { id: 'q8CEz2xk1Jw4r0n6u5Zf3A', time: '2026-12-01T09:30:00Z' };
	const PAGE = `<html><body><h1>${CLIENT_NAME}</h1><p>${UPDATE_SENTENCE}.</p><p>${DECISION_TITLE}</p><p>${FAQ_ANSWER}</p><a href="mailto:${EMAIL}">${EMAIL}</a></body></html>`;
	let keyring: Keyring;
	let envelope: Envelope;
	let input: ShellInput;
	beforeAll(async () => {
		const contentKey = await generateContentKey();
		const access = [AccessEntrySchema.parse({ id: 'cfo', label: 'Quillfeather CFO', type: 'link' })];
		keyring = await buildKeyring(
			'acme',
			await resolveCredentials('acme', access, new Uint8Array(32).fill(3), {}),
			new Uint8Array(32).fill(3),
			contentKey,
		);
		envelope = await seal(contentKey, utf8(PAGE), pageAad('acme', BUILD, ''));
		input = {
			locale: 'en',
			agency: AGENCY,
			base: '/base/',
			client: 'acme',
			rememberDays: 30,
			keyring,
			build: BUILD,
			envelope,
			assets: { script: '/base/_astro/gate.a1b2.js', style: '/base/_astro/gate.c3d4.css' },
		};
	});

	/** The JSON inside `<script type="application/json" id="…">`. */
	const scriptData = (html: string, id: string): unknown => {
		const match = new RegExp(`<script type="application/json" id="${id}">([^]*?)</script>`).exec(html);
		expect(match, id).not.toBeNull();
		return JSON.parse(match![1]!);
	};

	it('holds no client content: the leak scan finds nothing in it', async () => {
		const shell = renderShell(input);
		for (const text of [CLIENT_NAME, UPDATE_SENTENCE, EMAIL, 'Quillfeather', 'zebrafinch', 'osprey', 'Marmoset'])
			expect(shell).not.toContain(text);
		const dist = await folder('glasshouse-shell-', { 'acme/index.html': shell });
		expect(await scanForLeaks(dist, needles)).toEqual([]);
		expect(shell).toContain(`<title>Private project status · ${AGENCY}</title>`);
		expect(shell).toContain(`<p class="gh-agency">${AGENCY}</p>`);
	});

	it('carries the keyring and the envelope as data', () => {
		const shell = renderShell(input);
		expect(scriptData(shell, 'gh-payload')).toEqual(envelope);
		expect(scriptData(shell, 'gh-config')).toEqual({
			v: 1,
			client: 'acme',
			base: '/base/',
			build: BUILD,
			rememberDays: 30,
			keyring,
		});
	});

	it('asks search engines not to index it and sends no referrer', () => {
		const shell = renderShell(input);
		expect(shell).toContain('<meta name="robots" content="noindex, nofollow">');
		expect(shell).toContain('<meta name="referrer" content="no-referrer">');
	});

	it('loads its code and style from external files only: no inline script, style or handler', () => {
		const shell = renderShell(input);
		const scripts = [...shell.matchAll(/<script\b[^>]*>([^]*?)<\/script>/g)];
		expect(scripts).toHaveLength(3);
		expect(shell.match(/<script\b/g)).toHaveLength(3);
		for (const [tag, body] of scripts) {
			// Render-blocking: the lock card is not drawn before the gate has decided whether to show it.
			const module = /^<script type="module" src="([^"]+)" blocking="render">$/.exec(tag.slice(0, tag.indexOf('>') + 1));
			if (module) {
				expect(module[1]).toBe('/base/_astro/gate.a1b2.js');
				expect(body).toBe('');
			} else {
				expect(tag).toMatch(/^<script type="application\/json" id="gh-(config|payload)">/);
			}
		}
		expect(shell).toContain('<link rel="stylesheet" href="/base/_astro/gate.c3d4.css">');
		expect(shell).not.toMatch(/<style\b/i);
		expect(shell).not.toMatch(/\son[a-z]+\s*=/i);
		expect(shell).not.toMatch(/javascript:/i);
		expect(shell).not.toMatch(/\sstyle\s*=/i);
	});

	it('keeps JSON from closing its script element', () => {
		const hostile = '</script><script>alert(1)</script><!--';
		const crafted: Keyring = { ...keyring, slots: [{ ...keyring.slots[0]!, sid: hostile }] };
		const shell = renderShell({ ...input, base: '/b</script>/', keyring: crafted });
		expect(shell).not.toContain('<script>alert(1)');
		expect(shell).not.toContain('<!--');
		expect(shell.match(/<\/script>/gi)).toHaveLength(3);
		const config = scriptData(shell, 'gh-config') as { keyring: Keyring; base: string };
		expect(config.keyring.slots[0]!.sid).toBe(hostile);
		expect(config.base).toBe('/b</script>/');
	});

	it('escapes the agency name and asset URLs in markup', () => {
		const shell = renderShell({
			...input,
			agency: 'Smith & "Jones" <Design>',
			assets: { script: '/x.js"><script>alert(1)</script>', style: '/y.css' },
		});
		expect(shell).not.toContain('<Design>');
		expect(shell).toContain('Smith &amp; &quot;Jones&quot; &lt;Design&gt;');
		expect(shell).not.toContain('<script>alert(1)');
		expect(shell.match(/<script\b/g)).toHaveLength(3);
	});

	it('speaks the client locale', () => {
		const shell = renderShell({ ...input, locale: 'zh-CN' });
		expect(shell).toContain('<html lang="zh-CN">');
		expect(shell).toContain(zhCN['gate.title']);
	});

	it("leaves the unlock code's messages to its script, which holds them in every locale", () => {
		const shell = renderShell(input);
		expect(scriptData(shell, 'gh-config')).not.toHaveProperty('strings');
		expect(shell).not.toContain(en['gate.wrongPassword']);
		const messages = gateMessages();
		expect(Object.keys(messages)).toEqual([...LOCALES]);
		expect(messages.en['gate.wrongPassword']).toBe(en['gate.wrongPassword']);
		expect(messages['zh-CN']['gate.wrongPassword']).toBe(zhCN['gate.wrongPassword']);
		expect(messages['zh-CN']['gate.unlocked']).toBe(zhCN['gate.unlocked']);
	});
});

describe("scanForLeaks and the Markdown pipeline's rewrites", () => {
	it('finds text whose quotes, dashes and ampersands were made typographic or escaped', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'leak-typography-'));
		await writeFile(path.join(dir, 'page.html'), '<p>We can’t ship the R&#x26;D “canary” build — not yet…</p>');
		const needles = [{ text: 'We can\'t ship the R&D "canary" build -- not yet...', source: 'update.mdx' }];
		expect((await scanForLeaks(dir, needles)).map((leak) => leak.file)).toEqual(['page.html']);
	});
});

describe('collectNeedles: every string of the content', () => {
	const FILES: Record<string, string> = {
		'site.yaml': 'agency:\n  name: Canary Agency Northwind\n  url: https://northwind.example\ntitle: Project status\n',
		'acme/client.yaml': CONTENT['acme/client.yaml']!.replace('    primary: true', '    phone: "+44 20 7946 0123"\n    primary: true'),
		'acme/risks/vendor-exposure.yaml': `id: vendor-exposure
title: Supplier insolvency
likelihood: medium
impact: high
owner: Ines Okonkwo-Vale
status: open
mitigation: Keep a second quote ready.
raised: 2026-01-09
tags: [insolvency-watch, budget]
`,
		'acme/milestones/vault-cutover.yaml': `id: vault-cutover
title: Ledgers moved
start: 2026-01-05
due: 2026-03-01
status: planned
owner: Ines Okonkwo-Vale
dependsOn: [ledger-freeze]
deliverables: [Signed cut-over runbook]
`,
		'acme/milestones/ledger-freeze.yaml':
			'id: ledger-freeze\ntitle: Freeze\nstart: 2026-01-05\ndue: 2026-02-01\nstatus: planned\nowner: Ines Okonkwo-Vale\n',
		'acme/decisions/0001-billing-engine.mdx': renderDecision({
			number: 1,
			title: 'Adopt the hosted billing engine',
			date: '2026-01-08',
			locale: 'en',
			currency: 'EUR',
		}),
		'acme/meetings/2026-01-12-steering.mdx':
			'---\ndate: 2026-01-12\ntype: steering\nattendees:\n  client: [Ines Okonkwo-Vale]\n  vendor: [Pat]\n---\n',
		'acme/meetings/2026-01-19-weekly-vault-audit.mdx':
			'---\ndate: 2026-01-19\ntype: weekly\nattendees:\n  client: [Ines Okonkwo-Vale]\n  vendor: [Pat]\n---\n',
		'lanting/client.yaml': CONTENT['acme/client.yaml']!.replace('Quillfeather Holdings', '兰亭茶业')
			.replace('Quillfeather team password', '兰亭项目组密码')
			.replace('locale: en', '')
			.replace('start:', 'locale: zh-CN\nstart:'),
		'lanting/decisions/0001-hosting.mdx': renderDecision({
			number: 1,
			title: '采用托管的账本服务',
			date: '2026-01-08',
			locale: 'zh-CN',
			currency: 'CNY',
		}),
		'open/client.yaml': `${CONTENT['acme/client.yaml']!.replace('Quillfeather Holdings', 'Openfield Trust').replace('Quillfeather team password', 'Openfield password')}public: true\n`,
		'open/updates/2026-01-09.mdx':
			'---\ndate: 2026-01-09\nhealth: on-track\nsummary: Kick-off went well and the backlog is agreed.\n---\n\nWe compared three engines over two weeks.\n',
	};
	let all: Needle[];
	let texts: string[];
	beforeAll(async () => {
		const root = await folder(
			'glasshouse-walk-',
			Object.fromEntries(Object.entries(FILES).map(([file, text]) => [`content/${file}`, text])),
		);
		const content = await loadContent(path.join(root, 'content'), root);
		expect(content.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		all = needlesOf(content);
		texts = all.map((item) => item.text);
	});

	it('collects tags, ids, ids referred to, owners, deliverables and phone numbers, with their files', () => {
		expect(all).toContainEqual(needle('insolvency-watch', 'content/acme/risks/vendor-exposure.yaml'));
		expect(all).toContainEqual(needle('vendor-exposure', 'content/acme/risks/vendor-exposure.yaml'));
		expect(all).toContainEqual(needle('vault-cutover', 'content/acme/milestones/vault-cutover.yaml'));
		expect(all).toContainEqual(needle('ledger-freeze', 'content/acme/milestones/ledger-freeze.yaml'));
		for (const text of ['Signed cut-over runbook', '+44 20 7946 0123', 'Supplier insolvency', 'Keep a second quote ready', '兰亭茶业'])
			expect(texts).toContain(text);
	});

	it('collects the words of file names, without the date or number that is part of the public address', () => {
		expect(all).toContainEqual(needle('billing-engine', 'content/acme/decisions/0001-billing-engine.mdx'));
		expect(all).toContainEqual(needle('weekly-vault-audit', 'content/acme/meetings/2026-01-19-weekly-vault-audit.mdx'));
		for (const text of ['2026-01-12-steering', 'steering', '2026-01-19', '0001']) expect(texts).not.toContain(text);
	});

	it('walks content kinds it was never told about', async () => {
		const [acme] = (
			await loadContent(
				path.join(
					await folder('glasshouse-walk-', {
						'content/site.yaml': FILES['site.yaml']!,
						'content/acme/client.yaml': FILES['acme/client.yaml']!,
					}),
					'content',
				),
			)
		).clients;
		const parsed = acme!.client as unknown as Parsed<unknown>;
		const retro: Parsed<unknown> = {
			...parsed,
			stem: 'retro',
			value: { headline: { text: 'Zebrafinch retrospective held' } },
			source: { ...parsed.source, file: 'content/acme/retros/retro.yaml', data: {}, body: '' },
		};
		const future = { ...acme!, retros: [retro] } as LoadedClient;
		expect(collectNeedles([future])).toContainEqual(needle('Zebrafinch retrospective held', 'content/acme/retros/retro.yaml'));
	});

	it('leaves out the templates’ own text, in English and Chinese, but not client text around it', () => {
		for (const generic of [
			'Context',
			'Options considered',
			'Consequences',
			'TODO: option A',
			'Pro: TODO',
			'备选方案',
			'背景',
			'影响',
			'TODO：方案 A',
		])
			expect(texts).not.toContain(generic);
		expect(texts.some((text) => /TODO/.test(text))).toBe(false);
		expect(texts).toContain('Adopt the hosted billing engine');
		expect(texts).toContain('采用托管的账本服务');
	});

	it('leaves out what a public client publishes, and every string of site.yaml', () => {
		expect(texts).not.toContain('Kick-off went well and the backlog is agreed');
		expect(texts).not.toContain('Openfield Trust');
		expect(texts).not.toContain('https://northwind.example');
		expect(texts).not.toContain('Canary Agency Northwind');
		// Single words are never needles on their own: "budget" (a tag) says nothing.
		expect(texts).not.toContain('budget');
	});
});

describe('isDistinctive', () => {
	it.each([
		['Q3 plan', true],
		['go-live', true],
		['北京站', true],
		['Sanity系统', true],
		['internationalisation', true],
		['+44 20 7946 0123', true],
		['abcdefgh', false],
		['insolvency', false],
		['方案', false],
		['ok', false],
		['2026-01-09', false],
		['12 500', false],
	])('%s: %s', (text, expected) => {
		expect(isDistinctive(canonical(text).trim())).toBe(expected);
	});
});

describe('canonical', () => {
	it('spells the same words the same way however they were written', () => {
		for (const text of [
			'Supplier insolvency',
			'SUPPLIER INSOLVENCY',
			'supplier-insolvency',
			'supplier_insolvency',
			'Supplier+insolvency',
			'Supp\u200blier insolvency',
			'Ｓｕｐｐｌｉｅｒ　ｉｎｓｏｌｖｅｎｃｙ',
			'Supplier&#x20;insolvency',
			'Supplier&nbsp;insolvency',
			'  Supplier — insolvency! ',
		]) {
			expect(canonical(text).trim(), text).toBe('supplier insolvency');
		}
		expect(canonical('Café Müller & Straße')).toBe('cafe muller strasse');
		expect(canonical('can’t')).toBe(canonical("can't"));
		expect(canonical('供应商\n破产 风险')).toBe('供应商破产风险');
		expect(canonical('使用 Sanity 系统')).toBe('使用 sanity 系统');
	});

	it('maps a text piece by piece, so a needle found in the pieces is found in the whole', () => {
		const pieces = ['Ｓｕｐ', 'ｐｌｉｅｒ', '\u200b', 'İnsol', 'vençy', '供应', '商', 'ǅ', 'ﬁ'];
		expect(canonical(pieces.join(''))).toBe(pieces.map((piece) => canonical(piece)).join(''));
	});
});

describe('decoders of malformed input', () => {
	it('never throw: impossible code points and broken escapes stay as written or become U+FFFD', () => {
		expect(decodeEntities('&#99999999; &#x110000; &bogus;')).toBe('&#99999999; &#x110000; &bogus;');
		expect(unescapeString('\\u{110000} \\u12')).toBe('\\u{110000} \\u12');
		expect(percentDecode('%E4%BD x %zz')).toBe('\ufffd x %zz');
		expect(() => readableTexts(Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3]))).not.toThrow();
		expect(() => readableTexts(Buffer.from('x^ is a formula, not zlib'))).not.toThrow();
		expect(readableTexts(Buffer.from('x^ is a formula, not zlib')).map((view) => view.text)).toContain('x^ is a formula, not zlib');
	});
});
