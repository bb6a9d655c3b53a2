/**
 * Fills the "Ask about this" email (src/components/AskAboutThis.astro) with the address of the
 * page the visitor is on. Origin, path and query only: the fragment can carry a personal link's
 * access token, which must never end up in an email.
 */
import { mailtoHref } from '../utils/mailto';

const pageLink = () => `${location.origin}${location.pathname}${location.search}`;

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-ask]')) {
	const { to, subject, body } = link.dataset;
	if (!to) continue;
	const fill = () => (link.href = mailtoHref({ to, subject, body: body?.replace('{url}', pageLink()) }));
	fill();
	// Filters rewrite the query string after load; take the address as it is when clicked.
	link.addEventListener('click', fill);
}
