import { describe, expect, it } from 'vitest';
import { useTranslations } from '@/i18n/translate';
import { changeReply, replyBody } from '@/kinds/change/change-reply';
import { formatDays, formatMoney } from '@/kinds/change/format-impact';
import { mailtoHref } from '@/lib/mailto';
import { projectManager } from '@/kinds/client/team';

/** The parts of a mailto link, decoded as a mail client does. */
function parse(href: string) {
	const url = new URL(href);
	const query = new URLSearchParams(url.search.replace(/\+/g, '%2B'));
	return { to: decodeURIComponent(url.pathname), subject: query.get('subject'), body: query.get('body') };
}

describe('mailtoHref', () => {
	it('percent-encodes subject and body so punctuation and non-ASCII text survive', () => {
		const href = mailtoHref({ to: 'pat@example.com', subject: 'Approved: CR-3 R&D #2 + 50% ?', body: 'Hello,\nline two 批准' });
		expect(href).toBe(
			'mailto:pat@example.com?subject=Approved%3A%20CR-3%20R%26D%20%232%20%2B%2050%25%20%3F&body=Hello%2C%0D%0Aline%20two%20%E6%89%B9%E5%87%86',
		);
		expect(parse(href)).toEqual({ to: 'pat@example.com', subject: 'Approved: CR-3 R&D #2 + 50% ?', body: 'Hello,\r\nline two 批准' });
	});

	it('writes line breaks as CRLF, also when they already are', () => {
		expect(mailtoHref({ to: 'a@b.example', body: 'a\r\nb\nc' })).toBe('mailto:a@b.example?body=a%0D%0Ab%0D%0Ac');
	});

	it('leaves out empty parts and keeps several recipients', () => {
		expect(mailtoHref({ to: 'a@b.example' })).toBe('mailto:a@b.example');
		expect(mailtoHref({ to: 'a@b.example, c@d.example', subject: '', body: 'x' })).toBe('mailto:a@b.example,c@d.example?body=x');
	});

	it('cannot be tricked into extra headers by an address', () => {
		expect(mailtoHref({ to: 'a@b.example?bcc=evil@x.example' })).toBe('mailto:a@b.example%3Fbcc%3Devil@x.example');
	});
});

describe('projectManager', () => {
	const person = (name: string, side: 'vendor' | 'client', primary = false) => ({ name, side, primary });

	it('is the primary vendor contact', () => {
		expect(projectManager([person('Client', 'client', true), person('Dev', 'vendor'), person('PM', 'vendor', true)])?.name).toBe('PM');
	});

	it('falls back to the first vendor contact, and to nobody without one', () => {
		expect(projectManager([person('Client', 'client'), person('Dev', 'vendor'), person('PM', 'vendor')])?.name).toBe('Dev');
		expect(projectManager([person('Client', 'client', true)])).toBeUndefined();
	});
});

describe('formatMoney and formatDays', () => {
	it("formats money in the client's currency and locale, with cents only when there are some", () => {
		expect(formatMoney(12300, 'EUR', 'en')).toBe('+€12,300');
		expect(formatMoney(4700.5, 'EUR', 'en')).toBe('+€4,700.50');
		expect(formatMoney(-2000, 'EUR', 'en')).toBe('-€2,000');
		expect(formatMoney(0, 'EUR', 'en')).toBe('€0');
		expect(formatMoney(80000, 'CNY', 'zh-CN')).toBe('+¥80,000');
		expect(formatMoney(80000, 'CNY', 'zh-CN', false)).toBe('¥80,000');
	});

	it('formats days signed and pluralised', () => {
		expect([formatDays(1, 'en'), formatDays(-3, 'en'), formatDays(0, 'en'), formatDays(15, 'zh-CN')]).toEqual([
			'+1 day',
			'-3 days',
			'0 days',
			'+15天',
		]);
	});
});

describe('changeReply', () => {
	const change = {
		number: 3,
		title: 'Dark mode & more',
		impact: { scheduleDays: 4, cost: 3200.5, scope: { adds: ['Dark mode', 'High contrast'], removes: ['Print view'] } },
	};

	it('drafts an approval in English with the change, its impact and a line for conditions', () => {
		const reply = changeReply({
			answer: 'approve',
			change,
			recipient: 'Pat Vendor',
			locale: 'en',
			currency: 'EUR',
			t: useTranslations('en'),
		});
		expect(reply.subject).toBe('Approved: CR-3 Dark mode & more');
		expect(replyBody(reply, 'https://status.example/acme/changes/3/')).toBe(
			[
				'Hello Pat Vendor,',
				'',
				'We approve change request CR-3 "Dark mode & more".',
				'Impact: +4 days on the schedule, +€3,200.50 cost.',
				'Adds to scope: Dark mode and High contrast.',
				'Removes from scope: Print view.',
				'',
				'Change request: https://status.example/acme/changes/3/',
				'',
				'Conditions (if any):',
			].join('\n'),
		);
	});

	it('drafts a rejection in Chinese, asking for reasons', () => {
		const reply = changeReply({
			answer: 'reject',
			change: { number: 2, title: '供应商上传发票', impact: { scheduleDays: 5, cost: 24000, scope: { adds: [], removes: [] } } },
			recipient: '李雷',
			locale: 'zh-CN',
			currency: 'CNY',
			t: useTranslations('zh-CN'),
		});
		expect(reply.subject).toBe('拒绝：CR-2 供应商上传发票');
		expect(replyBody(reply, 'https://s.example/d/changes/2/')).toBe(
			[
				'李雷，您好：',
				'',
				'我方拒绝变更申请 CR-2「供应商上传发票」。',
				'影响：工期 +5天，费用 +¥24,000。',
				'',
				'变更申请页面：https://s.example/d/changes/2/',
				'',
				'拒绝理由：',
			].join('\n'),
		);
	});

	it('leaves the impact out of a request that was never estimated', () => {
		const reply = changeReply({
			answer: 'approve',
			change: { number: 5, title: 'Audit', impact: undefined },
			recipient: 'Pat',
			locale: 'en',
			currency: 'EUR',
			t: useTranslations('en'),
		});
		expect(replyBody(reply, 'L')).not.toContain('Impact');
	});
});

describe('mailtoHref with every field', () => {
	it('is just the address without other fields', () => {
		expect(mailtoHref({ to: 'pat@example.com' })).toBe('mailto:pat@example.com');
	});

	it('percent-encodes subject and body as UTF-8, spaces as %20, never +', () => {
		const href = mailtoHref({ to: 'pat@example.com', subject: 'Question about: Risks & issues — 智慧仓储', body: 'a+b=c?' });
		expect(href).toBe(
			'mailto:pat@example.com?subject=Question%20about%3A%20Risks%20%26%20issues%20%E2%80%94%20%E6%99%BA%E6%85%A7%E4%BB%93%E5%82%A8&body=a%2Bb%3Dc%3F',
		);
	});

	it('turns every kind of line break in the body into CRLF (%0D%0A)', () => {
		const href = mailtoHref({ to: 'pat@example.com', body: 'one\ntwo\r\nthree\rfour' });
		expect(href).toBe('mailto:pat@example.com?body=one%0D%0Atwo%0D%0Athree%0D%0Afour');
	});

	it('keeps line breaks out of the subject', () => {
		expect(mailtoHref({ to: 'pat@example.com', subject: 'one\n two' })).toBe('mailto:pat@example.com?subject=one%20two');
	});

	it('encodes the characters of an address that would end it, keeps @, and joins several with commas', () => {
		expect(mailtoHref({ to: ['pat+status@example.com', 'odd?name@example.com'], cc: 'lee@example.com' })).toBe(
			'mailto:pat%2Bstatus@example.com,odd%3Fname@example.com?cc=lee@example.com',
		);
	});

	it('round-trips through URL parsing', () => {
		const body = 'Hello Pat,\n\nI have a question about this page:\nhttps://status.example.com/acme/risks/?status=open\n\n';
		const url = new URL(mailtoHref({ to: 'pat@example.com', subject: 'Q & A', body }));
		expect(url.protocol).toBe('mailto:');
		expect(decodeURIComponent(url.searchParams.get('subject') ?? '')).toBe('Q & A');
		expect(url.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));
	});
});
