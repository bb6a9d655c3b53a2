import { describe, expect, it } from 'vitest';
import { mailtoHref } from '../../src/utils/mailto';

describe('mailtoHref', () => {
	it('is just the address without other fields', () => {
		expect(mailtoHref({ to: 'pat@example.com' })).toBe('mailto:pat@example.com');
	});

	it('percent-encodes subject and body as UTF-8, spaces as %20, never +', () => {
		const href = mailtoHref({ to: 'pat@example.com', subject: 'Question about: Risks & issues — 智慧仓储', body: 'a+b=c?' });
		expect(href).toBe('mailto:pat@example.com?subject=Question%20about%3A%20Risks%20%26%20issues%20%E2%80%94%20%E6%99%BA%E6%85%A7%E4%BB%93%E5%82%A8&body=a%2Bb%3Dc%3F');
	});

	it('turns every kind of line break in the body into CRLF (%0D%0A)', () => {
		const href = mailtoHref({ to: 'pat@example.com', body: 'one\ntwo\r\nthree\rfour' });
		expect(href).toBe('mailto:pat@example.com?body=one%0D%0Atwo%0D%0Athree%0D%0Afour');
	});

	it('keeps line breaks out of the subject', () => {
		expect(mailtoHref({ to: 'pat@example.com', subject: 'one\n two' })).toBe('mailto:pat@example.com?subject=one%20two');
	});

	it('encodes the characters of an address that would end it, keeps @, and joins several with commas', () => {
		expect(mailtoHref({ to: ['pat+status@example.com', 'odd?name@example.com'], cc: 'lee@example.com' })).toBe('mailto:pat%2Bstatus@example.com,odd%3Fname@example.com?cc=lee@example.com');
	});

	it('round-trips through URL parsing', () => {
		const body = 'Hello Pat,\n\nI have a question about this page:\nhttps://status.example.com/acme/risks/?status=open\n\n';
		const url = new URL(mailtoHref({ to: 'pat@example.com', subject: 'Q & A', body }));
		expect(url.protocol).toBe('mailto:');
		expect(decodeURIComponent(url.searchParams.get('subject') ?? '')).toBe('Q & A');
		expect(url.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));
	});
});
