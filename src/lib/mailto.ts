/** What a `mailto:` link prefills; every part but `to` is optional. */
interface MailtoParts {
	/** One address or several (a list, or one string separated by commas). */
	to: string | readonly string[];
	cc?: string | readonly string[];
	bcc?: string | readonly string[];
	subject?: string;
	/** Plain text; line breaks of any style become CRLF, which is what RFC 6068 prescribes. */
	body?: string;
}

// A string may hold several addresses separated by commas, as in a mail client's To field.
const list = (addresses: string | readonly string[]) =>
	(typeof addresses === 'string' ? addresses.split(',') : addresses).map((address) => address.trim()).filter(Boolean);

/** Addresses percent-encoded, keeping the `@` that RFC 6068 allows as is. */
const encodeAddresses = (addresses: string | readonly string[]) =>
	list(addresses)
		.map((address) => encodeURIComponent(address.trim()).replace(/%40/g, '@'))
		.join(',');

/**
 * A `mailto:` URL per RFC 6068: header values are UTF-8 percent-encoded with
 * `encodeURIComponent` (spaces as `%20`, never `+`, which mail clients would show literally),
 * and body line breaks are `%0D%0A`. A subject cannot hold line breaks; they become spaces.
 */
export function mailtoHref({ to, cc, bcc, subject, body }: MailtoParts): string {
	const fields: Array<[string, string]> = [];
	if (cc && list(cc).length) fields.push(['cc', encodeAddresses(cc)]);
	if (bcc && list(bcc).length) fields.push(['bcc', encodeAddresses(bcc)]);
	if (subject) fields.push(['subject', encodeURIComponent(subject.replace(/\s*[\r\n]+\s*/g, ' '))]);
	if (body) fields.push(['body', encodeURIComponent(body.replace(/\r\n|\r|\n/g, '\r\n'))]);
	const query = fields.map(([name, value]) => `${name}=${value}`).join('&');
	return `mailto:${encodeAddresses(to)}${query ? `?${query}` : ''}`;
}
