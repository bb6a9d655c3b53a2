/**
 * Follows a link clicked before `pending` settles only once it has. The gate remembers the key
 * after the first paint (see after-paint.ts); a visitor quick enough to follow a link before that,
 * on a slow phone, would leave while the key is being written and meet the lock screen on the next
 * page, with no password to type if they came by a personal link. Only a plain click on a link to
 * another page of this site waits; new tabs, downloads, other sites, in-page anchors and clicks a
 * page's own script handled go as usual.
 */
export function holdNavigationUntil(pending: Promise<unknown>, page: Document = document): void {
	let settled = false;
	const onClick = (event: MouseEvent) => {
		if (settled || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
		if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
		const to = new URL(link.href, location.href);
		const samePage = to.pathname === location.pathname && to.search === location.search;
		if (to.origin !== location.origin || (samePage && to.hash)) return;
		event.preventDefault();
		void pending.finally(() => location.assign(to.href));
	};
	page.addEventListener('click', onClick);
	void pending.finally(() => {
		settled = true;
		page.removeEventListener('click', onClick);
	});
}
