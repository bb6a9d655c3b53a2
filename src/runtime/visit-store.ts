/**
 * The only thing "what's new" remembers: per client, the time of the visitor's last visit, in
 * localStorage. Nothing about the content is stored.
 *
 * Marks must survive moving between pages of one visit, so the first page of a browsing session
 * (nothing in sessionStorage yet) copies the stored time to sessionStorage as "since"; every page
 * of that session compares against it, while the stored time keeps moving forward.
 */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Stored in sessionStorage as "since" on a first ever visit, when there is nothing to compare with. */
const FIRST_VISIT = 'first';

export const lastVisitKey = (site: string) => `glasshouse:last-visit:${site}`;
export const sinceKey = (site: string) => `glasshouse:since:${site}`;

/**
 * Records this page view and returns the time this session compares against, or null on a first
 * ever visit. `site` names the client's site (base path and slug, as the gate's key store does),
 * so two sites on one origin never share a visit.
 */
export function beginVisit(site: string, local: KeyValueStore, session: KeyValueStore, now = Date.now()): number | null {
	let since = session.getItem(sinceKey(site));
	if (since === null) {
		since = local.getItem(lastVisitKey(site)) ?? FIRST_VISIT;
		session.setItem(sinceKey(site), since);
	}
	local.setItem(lastVisitKey(site), new Date(now).toISOString());
	const time = Date.parse(since);
	// A last visit "in the future" (the clock was set back since) would hide every later change.
	return Number.isNaN(time) ? null : Math.min(time, now);
}
