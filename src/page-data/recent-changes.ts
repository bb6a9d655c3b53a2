import type { ClientData } from './client-data';
import { leafOf } from './client-data';
import { entryTimes } from './content-history';
import type { Translate } from '@/i18n/translate';
import type { FileTimes } from '@/lib/git-history';
import { href } from '@/lib/href';
import { updateTitle } from '@/kinds/update/update-title';
import { meetingSlugs } from '@/kinds/meeting/meeting-slug';
import { meetingTitle } from '@/kinds/meeting/meeting-title';
import { surveySegments } from '@/kinds/survey/survey-paths';

type RecentKind = 'update' | 'decision' | 'change' | 'risk' | 'meeting' | 'feedback' | 'survey' | 'document';

/** One entry for the overview's "what's new" card. */
interface RecentItem {
	kind: RecentKind;
	title: string;
	href: string;
	times: FileTimes;
}

/**
 * The client's most recently changed updates, decisions, change requests, risks, minutes, feedback,
 * surveys and documents, newest change first. The card lists them all at build time; the visitor's
 * browser then shows only those changed since their last visit. Entries without a known change time are left out.
 */
export async function recentChanges(data: ClientData, t: Translate, base: string, limit = 15): Promise<RecentItem[]> {
	const timesOf = await entryTimes();
	const at = (...segments: Array<string | number>) => href(base, data.slug, ...segments);
	const meetingSlugList = meetingSlugs(data.meetings.map((entry) => entry.data));
	const surveySegmentList = surveySegments(data.surveys.map((entry) => entry.data));
	const candidates: Array<Omit<RecentItem, 'times'> & { entry: { filePath?: string } }> = [
		...data.updates.map((entry) => ({
			entry,
			kind: 'update' as const,
			title: updateTitle(entry.data, data.locale, t),
			href: at('updates', leafOf(entry)),
		})),
		...data.decisions.map((entry) => ({
			entry,
			kind: 'decision' as const,
			title: entry.data.title,
			href: at('decisions', entry.data.number),
		})),
		...data.changes.map((entry) => ({
			entry,
			kind: 'change' as const,
			title: `${t('changes.cr', { number: entry.data.number })} ${entry.data.title}`,
			href: at('changes', entry.data.number),
		})),
		...data.risks.map((entry) => ({
			entry,
			kind: 'risk' as const,
			title: entry.data.title,
			href: at('risks', data.riskPath.get(entry.data.id)!),
		})),
		...data.meetings.map((entry, index) => ({
			entry,
			kind: 'meeting' as const,
			title: meetingTitle(entry.data, data.locale, t),
			href: at('meetings', meetingSlugList[index]!),
		})),
		...data.feedback.map((entry) => ({
			entry,
			kind: 'feedback' as const,
			title: entry.data.summary,
			href: at('feedback', entry.data.number),
		})),
		...data.surveys.map((entry, index) => ({
			entry,
			kind: 'survey' as const,
			title: entry.data.title,
			href: at('surveys', surveySegmentList[index]!),
		})),
		...data.documents.map((entry) => ({
			entry,
			kind: 'document' as const,
			title: entry.data.title,
			href: at('documents', data.documentPath.get(entry.data.id)!),
		})),
	];
	const items = await Promise.all(candidates.map(async ({ entry, ...item }) => ({ ...item, times: await timesOf(entry) })));
	return items
		.filter((item) => item.times.changedAt !== undefined)
		.sort((a, b) => b.times.changedAt! - a.times.changedAt! || a.title.localeCompare(b.title))
		.slice(0, limit);
}
