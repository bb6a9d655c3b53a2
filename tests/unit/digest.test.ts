import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { composeDigest, DigestError, type DigestInput } from '@/digest/compose-digest';
import { digestHtml, digestHtmlDocument } from '@/digest/digest-html';
import { digestText, MISSING_LINK } from '@/digest/digest-text';
import { escapeHtml } from '@/lib/escape-html';
import { pageUrl } from '@/digest/page-url';
import { resolveCredentials } from '@/keys/build-keyring';
import { decodeSecret } from '@/keys/secret';
import { loadContent } from '@/loader/load-content';
import { ClientSchema, type ClientInput } from '@/kinds/client/schema';
import { ChangeSchema } from '@/kinds/change/schema';
import { FeedbackSchema, type FeedbackInput } from '@/kinds/feedback/schema';
import { MeetingSchema } from '@/kinds/meeting/schema';
import { MilestoneSchema, type MilestoneInput } from '@/kinds/milestone/schema';
import { UpdateSchema, type UpdateInput } from '@/kinds/update/schema';
import { TEST_SECRET } from '../support/open-page';
import { cli, freshCopyEachTest, RECORDS_CONTENT } from '../support/temp-content';

describe('escapeHtml', () => {
	it.each([
		['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
		["' onmouseover='alert(1)", '&#39; onmouseover=&#39;alert(1)'],
		['</li></ul><img src=x onerror=alert(1)>', '&lt;/li&gt;&lt;/ul&gt;&lt;img src=x onerror=alert(1)&gt;'],
		['&amp; is already an entity', '&amp;amp; is already an entity'],
		['<!-- comment --> & <![CDATA[x]]>', '&lt;!-- comment --&gt; &amp; &lt;![CDATA[x]]&gt;'],
		['Tomás · 里程碑 ▲ — “quotes”', 'Tomás · 里程碑 ▲ — “quotes”'],
	])('%s', (input, escaped) => {
		expect(escapeHtml(input)).toBe(escaped);
	});
});

describe('pageUrl', () => {
	it('puts the page under the base path of the site, like the share links', () => {
		expect(pageUrl('https://acme.github.io', '/status/', 'harbour', 'updates', '2026-03-13')).toBe(
			'https://acme.github.io/status/harbour/updates/2026-03-13/',
		);
		expect(pageUrl('https://status.example.com/', '/', 'harbour', 'updates', '2026-03-13')).toBe(
			'https://status.example.com/harbour/updates/2026-03-13/',
		);
		expect(pageUrl('https://acme.github.io', 'status', 'harbour', 'updates', '2026-03-13')).toBe(
			'https://acme.github.io/status/harbour/updates/2026-03-13/',
		);
	});
});

const team: ClientInput['team'] = [
	{ name: 'Pat Vendor', role: 'PM', side: 'vendor', email: 'pat@fixture.example', primary: true },
	{ name: 'Cleo Client', role: 'Lead', side: 'client', email: 'cleo@fixture.example' },
];

function input(
	overrides: { client?: Partial<ClientInput>; updates?: UpdateInput[] } & Partial<Omit<DigestInput, 'client' | 'updates'>> = {},
): DigestInput {
	const { client, updates, ...rest } = overrides;
	return {
		slug: 'harbour',
		client: ClientSchema.parse({
			name: 'Harbour Books',
			project: { name: 'Harbour website', summary: 'A website.' },
			start: '2026-03-02',
			plannedEnd: '2026-05-29',
			team,
			access: [{ id: 'team', label: 'Team', type: 'password' }],
			...client,
		}),
		agency: 'Fixture Agency',
		updates: (
			updates ?? [
				{ date: '2026-03-06', health: 'on-track', summary: 'Kick-off done.' },
				{
					date: '2026-03-13',
					health: 'at-risk',
					healthReason: 'Catalogue data is late.',
					summary: 'Design ready for review.',
					needs: [
						{ text: 'Approve the design', owner: 'Cleo Client', due: '2026-03-18' },
						{ text: 'Old need', owner: 'Cleo Client', done: true },
					],
				},
			]
		).map((update) => UpdateSchema.parse(update)),
		meetings: [],
		changes: [],
		milestones: [],
		feedback: [],
		site: { url: 'https://status.example.com', base: '/' },
		...rest,
	};
}

describe('composeDigest', () => {
	it('lists the feedback answered since the previous update, declined with its reason, and nothing else', () => {
		const feedback = (number: number, answeredOn: string | undefined, extra: Partial<FeedbackInput> = {}) =>
			FeedbackSchema.parse({
				number,
				receivedOn: '2026-03-02',
				from: 'Cleo Client',
				channel: 'email',
				kind: 'question',
				summary: `Question ${number}`,
				...(answeredOn
					? { status: 'answered', acknowledgedOn: '2026-03-02', answeredOn }
					: { status: 'acknowledged', acknowledgedOn: '2026-03-02' }),
				...extra,
			});
		const items = [
			feedback(1, '2026-03-06'), // answered on the day of the previous update: already told
			feedback(2, '2026-03-12'),
			feedback(3, '2026-03-09', { status: 'declined', reason: 'Out of scope.' }),
			feedback(4, '2026-03-14'), // after this update: the next email's
			feedback(5, undefined),
		];
		const text = digestText(composeDigest(input({ feedback: items })));
		expect(text).toContain(
			'You said, we did:\n- Question 3 (declined Mar 9, 2026: Out of scope.)\n- Question 2 (answered Mar 12, 2026)\n\n',
		);
		expect(text).not.toMatch(/Question [145]/);
		expect(digestHtml(composeDigest(input({ feedback: items })))).toContain('>You said, we did</p>');
		const quiet = composeDigest(input({ feedback: [items[0]!, items[4]!] }));
		expect(digestText(quiet)).not.toContain('You said, we did');
		expect(digestHtml(quiet)).not.toContain('You said, we did');
	});

	it('announces the latest update: health label and reason, summary, open needs, link', () => {
		const digest = composeDigest(input());
		const text = digestText(digest);
		expect(digest.subject).toBe('Harbour website: Status update of March 13, 2026 (At risk)');
		expect(text).toContain('Overall health: ▲ At risk — Catalogue data is late.');
		expect(text).toContain('Design ready for review.');
		expect(text).toContain('What we need from you:\n- Approve the design (Cleo Client, due Mar 18, 2026)\n');
		expect(text).not.toContain('Old need');
		expect(text).toContain('Read the full update: https://status.example.com/harbour/updates/2026-03-13/');
		expect(text).toContain('Kind regards,\nPat Vendor\nFixture Agency');
		const html = digestHtml(digest);
		expect(html).toContain(
			'<a href="https://status.example.com/harbour/updates/2026-03-13/" style="color:#0f766e;font-weight:bold">Read the full update →</a>',
		);
		expect(html).toContain(
			'<strong>Overall health: </strong><span style="color:#b45309;font-weight:bold">▲</span> At risk — Catalogue data is late.',
		);
	});

	it('writes the whole email in Chinese for a zh-CN client', () => {
		const digest = composeDigest(
			input({
				client: { locale: 'zh-CN', currency: 'CNY', project: { name: '兰亭官网改版', summary: '官网。' } },
				updates: [
					{
						date: '2026-03-13',
						health: 'off-track',
						healthReason: '接口文档尚未提供。',
						summary: '首页设计已完成。',
						needs: [{ text: '提供接口文档', owner: '李华', due: '2026-03-18' }],
					},
				],
				changes: [
					ChangeSchema.parse({
						number: 1,
						title: '增加微信登录',
						requestedBy: '李华',
						requestedOn: '2026-03-10',
						status: 'awaiting-client',
						impact: { scheduleDays: 3, cost: 8000 },
					}),
				],
				milestones: [
					MilestoneSchema.parse({
						id: 'launch',
						title: '新官网上线',
						start: '2026-03-02',
						due: '2026-03-31',
						status: 'in-progress',
						owner: '王小明',
					}),
				],
			}),
		);
		const text = digestText(digest);
		expect(digest.subject).toBe('兰亭官网改版：2026年3月13日 状态周报（偏离计划）');
		expect(text).toContain('您好：');
		expect(text).toContain('整体状态：■ 偏离计划——接口文档尚未提供。');
		expect(text).toContain('首页设计已完成。');
		expect(text).toContain(
			'需要您协助的事项：\n- 提供接口文档（李华，2026年3月18日前）\n- 请审批变更请求 CR-1：增加微信登录（+3 天，+¥8,000）',
		);
		expect(text).toContain('下一个里程碑：新官网上线，2026年3月31日（进行中）');
		expect(text).toContain('阅读完整周报：https://status.example.com/harbour/updates/2026-03-13/');
		expect(digestHtml(digest)).toContain(
			'<li style="margin:0 0 6px">提供接口文档<span style="color:#4b5563">（李华，2026年3月18日前）</span></li>',
		);
		expect(digestHtmlDocument(digest)).toMatch(
			/^<!DOCTYPE html>\n<html lang="zh-CN">[\s\S]*<title>兰亭官网改版：2026年3月13日 状态周报（偏离计划）<\/title>/,
		);
	});

	it('asks for open client-side action items of the minutes up to the next update, and for change approvals', () => {
		const meeting = (date: string, actions: unknown[]) =>
			MeetingSchema.parse({ date, type: 'weekly', attendees: { client: ['Cleo Client'], vendor: ['Pat Vendor'] }, actions });
		const digest = composeDigest(
			input({
				date: '2026-03-06',
				meetings: [
					meeting('2026-03-04', [
						{ text: 'Send the logo', owner: 'Cleo Client', due: '2026-03-09' },
						{ text: 'Set up staging', owner: 'Pat Vendor' },
						{ text: 'Book the room', owner: 'Cleo Client', done: true },
					]),
					meeting('2026-03-10', [
						{ text: 'Send the logo', owner: 'Cleo Client', due: '2026-03-09' },
						{ text: 'Name a tester', owner: 'Someone Else', side: 'client' },
					]),
					meeting('2026-03-13', [{ text: 'After the next update', owner: 'Cleo Client' }]),
				],
				changes: [
					ChangeSchema.parse({
						number: 2,
						title: 'Add a job board',
						requestedBy: 'Cleo Client',
						requestedOn: '2026-03-05',
						status: 'awaiting-client',
						impact: { scheduleDays: 5, cost: 2400 },
					}),
					ChangeSchema.parse({
						number: 1,
						title: 'Already approved',
						requestedBy: 'Cleo Client',
						requestedOn: '2026-03-03',
						status: 'approved',
						impact: {},
						approval: { by: 'Cleo Client', on: '2026-03-04' },
					}),
					ChangeSchema.parse({
						number: 3,
						title: 'Still being estimated',
						requestedBy: 'Cleo Client',
						requestedOn: '2026-03-05',
						status: 'requested',
					}),
				],
			}),
		);
		expect(digest.needs.items.map((item) => `${item.text} | ${item.detail ?? ''}`)).toEqual([
			'Send the logo | Cleo Client, due Mar 9, 2026, from the minutes of Mar 10, 2026',
			'Name a tester | Someone Else, from the minutes of Mar 10, 2026',
			'Approve or reject change request CR-2: Add a job board | +5 days, +€2,400',
		]);
		expect(digest.link?.url).toBe('https://status.example.com/harbour/updates/2026-03-06/');
	});

	describe('asks the client to accept delivered milestones, as the overview does', () => {
		const milestone = (id: string, overrides: Partial<MilestoneInput>) =>
			MilestoneSchema.parse({ id, title: id, start: '2026-03-02', due: '2026-03-10', owner: 'Pat Vendor', ...overrides });
		const milestones = [
			milestone('design', {
				title: 'Design approved',
				due: '2026-03-12',
				status: 'done',
				completed: '2026-03-12',
				deliverables: ['Home page design', 'Style guide'],
			}),
			milestone('discovery', { title: 'Discovery', status: 'done', completed: '2026-03-05', deliverables: ['Sitemap'] }),
			milestone('accepted', {
				status: 'done',
				completed: '2026-03-05',
				deliverables: ['Wireframes'],
				acceptance: { on: '2026-03-06', by: 'Cleo Client' },
			}),
			milestone('nothing-handed-over', { status: 'done', completed: '2026-03-05' }),
			milestone('next-period', { due: '2026-03-20', status: 'done', completed: '2026-03-13', deliverables: ['Templates'] }),
			milestone('open', { due: '2026-04-10', status: 'in-progress', deliverables: ['Catalogue import'] }),
		];
		const change = ChangeSchema.parse({
			number: 4,
			title: 'Add a job board',
			requestedBy: 'Cleo Client',
			requestedOn: '2026-03-05',
			status: 'awaiting-client',
			impact: { scheduleDays: 5, cost: 2400 },
		});
		const needsOf = (digest: ReturnType<typeof composeDigest>) => digest.needs.items.map((item) => `${item.text} | ${item.detail ?? ''}`);

		it('in English: done milestones with deliverables and no acceptance, by due date, after the change requests', () => {
			const digest = composeDigest(input({ milestones, changes: [change] }));
			expect(needsOf(digest)).toEqual([
				'Approve the design | Cleo Client, due Mar 18, 2026',
				'Approve or reject change request CR-4: Add a job board | +5 days, +€2,400',
				'Review and accept milestone: Discovery | Sitemap, completed Mar 5, 2026',
				'Review and accept milestone: Design approved | Home page design · Style guide, completed Mar 12, 2026',
				'Review and accept milestone: next-period | Templates, completed Mar 13, 2026',
			]);
			const text = digestText(digest);
			expect(text).toContain('- Review and accept milestone: Design approved (Home page design · Style guide, completed Mar 12, 2026)\n');
			expect(digestHtml(digest)).toContain(
				'<li style="margin:0 0 6px">Review and accept milestone: Design approved <span style="color:#4b5563">(Home page design · Style guide, completed Mar 12, 2026)</span></li>',
			);
		});

		it('leaves milestones completed on or after the next update to that update’s email', () => {
			const digest = composeDigest(input({ date: '2026-03-06', milestones }));
			expect(needsOf(digest)).toEqual([
				'Review and accept milestone: Discovery | Sitemap, completed Mar 5, 2026',
				'Review and accept milestone: Design approved | Home page design · Style guide, completed Mar 12, 2026',
			]);
		});

		it('in Chinese', () => {
			const digest = composeDigest(
				input({
					client: { locale: 'zh-CN', currency: 'CNY', project: { name: '兰亭官网改版', summary: '官网。' } },
					updates: [{ date: '2026-03-13', health: 'on-track', summary: '首页设计已完成。' }],
					milestones: [
						milestone('design', {
							title: '设计确认',
							status: 'done',
							completed: '2026-03-12',
							deliverables: ['首页设计稿', '视觉规范'],
						}),
					],
				}),
			);
			const text = digestText(digest);
			expect(text).toContain('需要您协助的事项：\n- 请验收里程碑：设计确认（首页设计稿 · 视觉规范，2026年3月12日完成）\n');
			expect(digestHtml(digest)).toContain(
				'<li style="margin:0 0 6px">请验收里程碑：设计确认<span style="color:#4b5563">（首页设计稿 · 视觉规范，2026年3月12日完成）</span></li>',
			);
		});
	});

	it('says so when nothing is waiting, and names the next open milestone by its forecast', () => {
		const digest = composeDigest(
			input({
				updates: [{ date: '2026-03-13', health: 'on-track', summary: 'All good.' }],
				milestones: [
					MilestoneSchema.parse({
						id: 'done',
						title: 'Design',
						start: '2026-03-02',
						due: '2026-03-06',
						completed: '2026-03-06',
						status: 'done',
						owner: 'Pat Vendor',
					}),
					MilestoneSchema.parse({
						id: 'late',
						title: 'Go-live',
						start: '2026-03-02',
						due: '2026-04-01',
						forecast: '2026-04-20',
						status: 'late',
						owner: 'Pat Vendor',
					}),
					MilestoneSchema.parse({
						id: 'next',
						title: 'Content freeze',
						start: '2026-03-02',
						due: '2026-04-10',
						status: 'planned',
						owner: 'Pat Vendor',
					}),
				],
			}),
		);
		const text = digestText(digest);
		expect(text).toContain('Overall health: ● On track\n');
		expect(text).toContain('What we need from you:\nNothing is waiting on you right now.\n');
		expect(text).toContain('Next milestone: Content freeze, April 10, 2026 (Planned)');
	});

	it('escapes every piece of content in the HTML and keeps the plain text as written', () => {
		const nasty = '<script>alert("x")</script> & \'quoted\'';
		const digest = composeDigest(
			input({
				agency: 'A & B <Digital>',
				client: { project: { name: '<b>Bold</b> project', summary: 'x' }, accent: '#123456' },
				updates: [
					{
						date: '2026-03-13',
						health: 'at-risk',
						healthReason: '"Reason" </p><p>',
						summary: nasty,
						needs: [
							{ text: '</li></ul><img src=x onerror=alert(1)>', owner: 'Cleo <Client>' },
							{ text: '{detail} $& $1', owner: '{text}' },
						],
					},
				],
				changes: [
					ChangeSchema.parse({
						number: 1,
						title: '<h1>Big</h1>',
						requestedBy: 'Cleo Client',
						requestedOn: '2026-03-05',
						status: 'awaiting-client',
						impact: {},
					}),
				],
				milestones: [
					MilestoneSchema.parse({
						id: 'm',
						title: '<a href="javascript:alert(1)">m</a>',
						start: '2026-03-02',
						due: '2026-04-10',
						status: 'planned',
						owner: 'Pat Vendor',
					}),
					MilestoneSchema.parse({
						id: 'delivered',
						title: '<img src=x onerror=alert(2)>',
						start: '2026-03-02',
						due: '2026-03-10',
						completed: '2026-03-10',
						status: 'done',
						owner: 'Pat Vendor',
						deliverables: ['</span><script>x</script>'],
					}),
				],
			}),
		);
		const html = digestHtmlDocument(digest);
		const tags = [...html.matchAll(/<\/?([a-zA-Z!][\w-]*)/g)].map((match) => match[1]!.toLowerCase());
		expect(new Set(tags)).toEqual(
			new Set(['!doctype', 'html', 'head', 'meta', 'title', 'body', 'div', 'p', 'strong', 'span', 'ul', 'li', 'a', 'br']),
		);
		expect(html.match(/<a /g)).toHaveLength(1);
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
		expect(html).toContain(
			'&lt;/li&gt;&lt;/ul&gt;&lt;img src=x onerror=alert(1)&gt; <span style="color:#4b5563">(Cleo &lt;Client&gt;)</span>',
		);
		expect(html).toContain('<title>&lt;b&gt;Bold&lt;/b&gt; project: Status update of March 13, 2026 (At risk)</title>');
		expect(html).toContain('A &amp; B &lt;Digital&gt;');
		// Placeholders and replacement patterns in content are content, not template.
		expect(html).toContain('{detail} $&amp; $1 <span style="color:#4b5563">({text})</span>');
		expect(digestText(digest)).toContain('- {detail} $& $1 ({text})');
		expect(html).toContain('&lt;h1&gt;Big&lt;/h1&gt;');
		expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;m&lt;/a&gt;');
		expect(html).toContain(
			'&lt;img src=x onerror=alert(2)&gt; <span style="color:#4b5563">(&lt;/span&gt;&lt;script&gt;x&lt;/script&gt;, completed Mar 10, 2026)</span>',
		);
		expect(html).toContain('style="color:#123456;font-weight:bold"');
		// Plain text is pasted as text: nothing to escape, nothing altered.
		expect(digestText(digest)).toContain(nasty);
	});

	it('has a visible placeholder instead of a link when no site is known', () => {
		const digest = composeDigest(input({ site: undefined }));
		expect(digest.link).toBeUndefined();
		expect(digestText(digest)).toContain(`${MISSING_LINK}\nThe site opens with your personal link or password, as before.`);
		expect(digestHtml(digest)).not.toContain('<a ');
		expect(digestHtml(digest)).toContain('[TODO: link to the update');
	});

	it('writes the placeholder in Chinese for a zh-CN client', () => {
		const digest = composeDigest(
			input({ site: undefined, client: { locale: 'zh-CN', currency: 'CNY', project: { name: '兰亭官网改版', summary: '官网。' } } }),
		);
		expect(digestText(digest)).toContain('[TODO：周报链接：运行 glasshouse digest 时加上 --site https://…，或设置 GLASSHOUSE_SITE]');
		expect(digestText(digest)).not.toContain(MISSING_LINK);
		expect(digestHtml(digest)).toContain('[TODO：周报链接');
	});

	it('refuses an unknown update date, listing the dates there are, newest first', () => {
		expect(() => composeDigest(input({ date: '2026-03-12' }))).toThrow(
			new DigestError('harbour has no update dated 2026-03-12. Available dates: 2026-03-13, 2026-03-06.'),
		);
		expect(() => composeDigest(input({ updates: [] }))).toThrow(
			new DigestError('harbour has no updates yet; write one with "glasshouse new update harbour".'),
		);
	});
});

describe('glasshouse digest', () => {
	let content: string;
	freshCopyEachTest(RECORDS_CONTENT, '2026-03-16', (copy) => (content = copy));
	const SECRET = TEST_SECRET;

	it('prints subject, plain text and HTML between markers, with notes for the PM and no passwords or links', async () => {
		vi.stubEnv('GLASSHOUSE_SECRET', SECRET);
		vi.stubEnv('GLASSHOUSE_SITE', '');
		const run = await cli(content, ['digest', 'harbour']);
		expect(run.code, run.text).toBe(0);
		const markers = run.text.split('\n').filter((line) => line.startsWith('====='));
		expect(markers).toEqual([
			'===== Subject =====',
			'===== Plain text =====',
			'===== HTML (save as .html, open it in a browser, copy and paste into the message) =====',
			'===== End =====',
		]);
		expect(run.text).toContain(
			'===== Subject =====\nHarbour website: Status update of March 13, 2026 (At risk)\n===== Plain text =====\nHello,',
		);
		expect(run.text).toContain('- Share the brand guidelines (Dana Sponsor, from the minutes of Mar 10, 2026)');
		expect(run.text).toContain('- Approve or reject change request CR-1: Add a job board (+5 days, +€2,400)');
		expect(run.text).not.toContain('Set up the staging site'); // a vendor-side action
		expect(run.text).toContain('# No site URL known: the email has a TODO placeholder where the link goes.');
		expect(run.text).toContain(
			'# Note: the email holds no passwords or personal links; send access separately with `glasshouse share harbour`.',
		);
		for (const slug of ['harbour', 'lanting']) {
			const client = (await loadContent(content)).clients.find((entry) => entry.slug === slug)!;
			const output = (await cli(content, ['digest', slug])).text;
			for (const credential of await resolveCredentials(slug, client.client!.value.access, decodeSecret(SECRET), process.env)) {
				const secret = credential.password ?? credential.token!;
				expect(secret.length).toBeGreaterThan(10);
				expect(output).not.toContain(secret);
			}
		}
	});

	it('prints one format with --format, with the link from --site/--base or the environment', async () => {
		const text = await cli(content, [
			'digest',
			'lanting',
			'--format',
			'text',
			'--site',
			'https://status.example.com',
			'--base',
			'/projects/',
		]);
		expect(text.code, text.text).toBe(0);
		expect(text.lines[0]).toMatch(/^# Note: /);
		expect(text.lines.at(-1)).toMatch(/^Subject: 兰亭官网改版：2026年3月13日 状态周报（有风险）\n\n您好：/);
		expect(text.text).toContain('阅读完整周报：https://status.example.com/projects/lanting/updates/2026-03-13/');
		expect(text.text).toContain('- 确认会员等级规则（李华，2026年3月20日前，见2026年3月11日周例会纪要）');
		expect(text.text).not.toMatch(/=====|<p/);

		vi.stubEnv('GLASSHOUSE_SITE', 'https://acme.github.io');
		vi.stubEnv('GLASSHOUSE_BASE', '/status/');
		const html = await cli(content, ['digest', 'harbour', '--format', 'html', '--update', '2026-03-06']);
		expect(html.code, html.text).toBe(0);
		expect(html.lines.at(-1)).toMatch(/^<!DOCTYPE html>\n<html lang="en">[\s\S]*<\/html>$/);
		expect(html.text).toContain(
			'<a href="https://acme.github.io/status/harbour/updates/2026-03-06/" style="color:#1d4ed8;font-weight:bold">Read the full update →</a>',
		);
		expect(html.text).not.toContain('No site URL known');
	});

	it('warns that files with errors are left out', async () => {
		writeFileSync(path.join(content, 'harbour', 'meetings', '2026-03-12-review.mdx'), '---\ndate: 2026-03-12\ntype: review\n---\n');
		const run = await cli(content, ['digest', 'harbour', '--format', 'text']);
		expect(run.code).toBe(0);
		expect(run.text).toMatch(/^# .*harbour has 1 error\(s\): files with errors are left out of this email\. Run `glasshouse check`\.$/m);
	});

	it.each([
		[['harbour', '--update', '2026-03-12'], '✗ harbour has no update dated 2026-03-12. Available dates: 2026-03-13, 2026-03-06.'],
		[['harbour', '--update', '13/03/2026'], '--update: expected the date of an update as YYYY-MM-DD, found "13/03/2026".'],
		[['harbour', '--format', 'pdf'], '--format: expected text, html or both, found "pdf".'],
		[
			['harbour', '--site', 'status.example.com'],
			'--site: expected the site\'s address, like https://status.example.com, found "status.example.com".',
		],
		[['nobody'], '✗ Unknown client "nobody". Known clients: harbour, lanting.'],
		[[], 'Name a client. Known clients: harbour, lanting.'],
	])('refuses %j with a clear message and no stack trace', async (args, message) => {
		const run = await cli(content, ['digest', ...args]);
		expect(run.code).toBe(1);
		expect(run.lines[0]!.split('\n')[0]).toBe(message);
		expect(run.text).not.toMatch(/\n\s+at /);
	});

	it('is listed in the help', async () => {
		const help = await cli(content, ['--help']);
		expect(help.text).toMatch(/^ {2}digest +Print an update's announcement email/m);
		const kinds = await cli(content, ['new', '--help']);
		for (const kind of ['risk', 'change', 'meeting', 'closeout']) expect(kinds.text).toMatch(new RegExp(`^ {2}new ${kind} <client>`, 'm'));
	});
});
