import type { FileTimes } from '@/lib/git-history';

/**
 * The contract between the build and the "what's new" script (src/runtime/whats-new.ts): an
 * element that stands for one entry carries its times in these attributes, and the script marks
 * it when it is new or changed since the visitor's last visit.
 */
export type ChangeMark = 'new' | 'updated';

/** `data-created-at` / `data-changed-at` attributes (ISO 8601) to spread on an entry's element. */
export function timeAttributes(times: FileTimes): Record<string, string> {
	const attributes: Record<string, string> = {};
	if (times.createdAt !== undefined) attributes['data-created-at'] = new Date(times.createdAt).toISOString();
	if (times.changedAt !== undefined) attributes['data-changed-at'] = new Date(times.changedAt).toISOString();
	return attributes;
}

/**
 * "new" when created after `since`, "updated" when only changed after it, else nothing. Unknown
 * or unreadable times mark nothing: a false "new" is worse than a missing one.
 */
export function markOf(createdAt: string | undefined, changedAt: string | undefined, since: number): ChangeMark | undefined {
	const created = createdAt ? Date.parse(createdAt) : Number.NaN;
	const changed = changedAt ? Date.parse(changedAt) : Number.NaN;
	if (created > since) return 'new';
	if (changed > since) return 'updated';
	return undefined;
}
