/** What an email link pre-fills. */
export interface MailtoParts {
	/** One address, or several separated by commas. */
	to: string;
	subject?: string;
	body?: string;
}

/**
 * Builds a `mailto:` link (RFC 6068). Subject and body are percent-encoded with
 * encodeURIComponent, so `&`, `?`, `#` and non-ASCII text survive; line breaks become CRLF as
 * the RFC asks, since some mail clients drop bare LFs. The address keeps its `@` readable
 * (and commas between addresses), which every mail client understands.
 */
export function mailtoHref({ to, subject, body }: MailtoParts): string {
	const address = to
		.split(',')
		.map((part) => encodeURIComponent(part.trim()).replace(/%40/g, '@'))
		.filter(Boolean)
		.join(',');
	const query = [
		['subject', subject],
		['body', body?.replace(/\r?\n/g, '\r\n')],
	]
		.filter((pair): pair is [string, string] => Boolean(pair[1]))
		.map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
	return `mailto:${address}${query.length ? `?${query.join('&')}` : ''}`;
}
