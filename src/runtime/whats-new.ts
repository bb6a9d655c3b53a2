/**
 * "What's new since your last visit": marks every element carrying `data-changed-at` that is new
 * or changed since this session's "since" (see visit-store.ts) with a text badge, and fills the
 * overview's card. Loaded by every page of a client; on a private client it runs only once the
 * gate has decrypted and rendered the page, so nothing is stored before the visitor unlocks.
 */
import { markOf, type ChangeMark } from '@/page-data/change-marks';
import { beginVisit } from './visit-store';

/** How many changed items the overview card lists before summing up the rest. */
const CARD_LIMIT = 8;

function start(): void {
	const setup = document.querySelector<HTMLTemplateElement>('template[data-whats-new]');
	const site = setup?.dataset.site;
	if (!setup || !site) return;
	let since: number | null = null;
	try {
		since = beginVisit(site, localStorage, sessionStorage);
	} catch {
		// Storage is blocked (privacy settings): behave as on a first visit and mark nothing.
	}
	const marked = since === null ? new Map<HTMLElement, ChangeMark>() : markAll(setup, since);
	const card = document.querySelector<HTMLElement>('[data-whats-new-card]');
	if (card) fillCard(card, since, marked);
}

function markAll(setup: HTMLTemplateElement, since: number): Map<HTMLElement, ChangeMark> {
	const marked = new Map<HTMLElement, ChangeMark>();
	for (const item of document.querySelectorAll<HTMLElement>('[data-changed-at]')) {
		const mark = markOf(item.dataset.createdAt, item.dataset.changedAt, since);
		if (!mark) continue;
		marked.set(item, mark);
		item.dataset.mark = mark;
		const badge = setup.content.querySelector(`[data-mark="${mark}"]`)?.cloneNode(true);
		if (badge) place(item, badge as HTMLElement);
	}
	return marked;
}

/**
 * Into the item's own `[data-whats-new-badge]` slot; in lists that have none, after the item's
 * first link (its title), else at its start.
 */
function place(item: HTMLElement, badge: HTMLElement): void {
	const own = (selector: string) =>
		[...item.querySelectorAll<HTMLElement>(selector)].find((found) => found.closest('[data-changed-at]') === item);
	const slot = own('[data-whats-new-badge]');
	if (slot) {
		slot.replaceChildren(badge);
		slot.hidden = false;
		return;
	}
	const link = own('a');
	if (link) link.after(' ', badge);
	else item.prepend(badge, ' ');
}

function fillCard(card: HTMLElement, since: number | null, marked: Map<HTMLElement, ChangeMark>): void {
	const lang = document.documentElement.lang || undefined;
	const when = since === null ? '' : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(since);
	const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
	const items = [...card.querySelectorAll<HTMLElement>('li[data-changed-at]')];
	const shown = items.filter((item) => marked.has(item));
	const listed = new Set(shown.slice(0, CARD_LIMIT));
	for (const item of items) item.hidden = !listed.has(item);
	// The build wrote each time as a UTC day; the visitor's own time zone decides the day.
	for (const time of card.querySelectorAll<HTMLTimeElement>('time[data-local]')) time.textContent = day.format(new Date(time.dateTime));
	const state = since === null ? 'first' : shown.length ? 'list' : 'none';
	for (const part of card.querySelectorAll<HTMLElement>('[data-state]')) part.hidden = part.dataset.state !== state;
	for (const text of card.querySelectorAll<HTMLElement>('[data-template]')) {
		text.textContent = (text.dataset.template ?? '').replace('{date}', when).replace('{count}', String(shown.length - CARD_LIMIT));
	}
	const more = card.querySelector<HTMLElement>('[data-more]');
	if (more) more.hidden = shown.length <= CARD_LIMIT;
}

start();
