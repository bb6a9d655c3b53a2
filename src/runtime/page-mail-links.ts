/**
 * Puts the address of the page the visitor is on into every email link that asks for it
 * (`a[data-mail-to]`: "Ask about this", a change request's Approve / Reject). The body is given
 * as the text before and after the link, so no placeholder can clash with what an author wrote.
 * Origin, path and query only: the fragment can carry a personal link's access token, which must
 * never end up in an email.
 */
import { mailtoHref } from '@/lib/mailto';

const pageLink = () => `${location.origin}${location.pathname}${location.search}`;

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-mail-to]')) {
	const { mailTo: to, mailSubject: subject, mailBefore: before = '', mailAfter: after = '' } = link.dataset;
	if (!to) continue;
	const fill = () => (link.href = mailtoHref({ to, subject, body: `${before}${pageLink()}${after}` }));
	fill();
	// Filters rewrite the query string after load; take the address as it is when clicked.
	link.addEventListener('click', fill);
}
