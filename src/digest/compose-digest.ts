import type { Locale } from '@/i18n/locales';
import { useTranslations, type Translate } from '@/i18n/translate';
import type { Change } from '@/kinds/change/schema';
import type { Feedback } from '@/kinds/feedback/schema';
import type { Client } from '@/kinds/client/schema';
import type { Health } from '@/kinds/common';
import type { Meeting } from '@/kinds/meeting/schema';
import type { Milestone } from '@/kinds/milestone/schema';
import type { Need, Update } from '@/kinds/update/schema';
import type { OwedAction } from '@/kinds/meeting/action-items';
import { clientObligations } from '@/kinds/client/obligations';
import { expectedDate, isOpenMilestone } from '@/kinds/milestone/expected-date';
import { formatDate } from '@/lib/format-date';
import { updateTitle } from '@/kinds/update/update-title';
import { projectManager } from '@/kinds/client/team';
import { accentShades } from '@/kinds/client/accent';
import { pageUrl } from './page-url';
import type { Survey } from '@/kinds/survey/schema';
import { surveyKind } from '@/kinds/survey/kind';
import { surveySegments } from '@/kinds/survey/survey-paths';
import { surveyState } from '@/kinds/survey/survey-state';

/** Everything the email is made from: one client's loaded content, nothing read from disk. */
export interface DigestInput {
	slug: string;
	client: Client;
	/** Agency name from site.yaml, for the signature. */
	agency?: string;
	updates: Update[];
	meetings: Meeting[];
	changes: Change[];
	milestones: Milestone[];
	/** The feedback log; what was answered in the update's period is listed. */
	feedback: Feedback[];
	/** The client's surveys with their file names (without extension); those open on `today` are announced. */
	surveys?: Array<{ stem: string; survey: Survey }>;
	/** The day the email goes out, for which surveys are open; default the update's date. */
	today?: string;
	/** Date of the update to announce; default the latest. */
	date?: string;
	/** Where the site is published; without it the email carries a placeholder instead of a link. */
	site?: { url: string; base: string };
}

/** One thing the client is asked to do. */
export interface DigestItem {
	text: string;
	/** Owner, due date, where it comes from: shown after the text. */
	detail?: string;
}

/** The email in the client's language, as text pieces that the plain-text and HTML renderers lay out. */
export interface Digest {
	locale: Locale;
	subject: string;
	greeting: string;
	intro: string;
	health: { status: Health; label: string; text: string };
	summary: string;
	needs: { heading: string; items: DigestItem[]; none: string };
	/** Feedback answered (or declined) since the update before this one, up to this update's date. */
	feedback: { heading: string; items: DigestItem[] };
	/** Surveys taking answers the day the email goes out: an invitation each, with the form's address when the site's is known. */
	surveys: { heading: string; items: DigestItem[] };
	nextMilestone?: { label: string; text: string };
	/** The update's page; undefined when no site URL is known. */
	link?: { label: string; url: string };
	access: string;
	signOff: string;
	signature: string[];
	/** `#rrggbb` for the link: the readable shade of client.yaml's accent. */
	accent: string;
	/** The update announced. */
	date: string;
}

/** The update date asked for does not exist; the message lists the dates that do. */
export class DigestError extends Error {}

/**
 * The announcement email of one update: health, summary, what the client is asked to do (open
 * needs of the update, open client-side action items of the minutes, change requests awaiting
 * the client's answer, milestones to accept: the overview's list, see `clientObligations`), the
 * next milestone and the link to the update's page. It never holds a password or a personal
 * link: those go out separately with `glasshouse share`.
 */
export function composeDigest(input: DigestInput): Digest {
	const { client } = input;
	const locale = client.locale;
	const t = useTranslations(locale);
	const updates = [...input.updates].sort((a, b) => a.date.localeCompare(b.date));
	const dates = updates.map((update) => update.date).reverse();
	if (!updates.length) throw new DigestError(`${input.slug} has no updates yet; write one with "glasshouse new update ${input.slug}".`);
	const update = input.date === undefined ? updates.at(-1)! : updates.find((candidate) => candidate.date === input.date);
	if (!update) throw new DigestError(`${input.slug} has no update dated ${input.date}. Available dates: ${dates.join(', ')}.`);
	// The update speaks for its period, until the next one: minutes, requests and completions after that belong to the next email.
	const nextUpdate = updates.find((candidate) => candidate.date > update.date)?.date;
	const previousUpdate = updates.filter((candidate) => candidate.date < update.date).at(-1)?.date;
	const owed = clientObligations(
		{ update, meetings: input.meetings, changes: input.changes, milestones: input.milestones, team: client.team },
		nextUpdate,
	);

	const healthLabel = t(`health.${update.health}`);
	const title = updateTitle(update, locale, t);
	const owner = projectManager(client.team)?.name;
	return {
		locale,
		subject: t('digest.subject', { project: client.project.name, title, health: healthLabel }),
		greeting: t('digest.greeting'),
		intro: t('digest.intro', { project: client.project.name, date: formatDate(update.date, locale, 'long') }),
		health: {
			status: update.health,
			label: t('health.label'),
			text: update.healthReason ? t('digest.healthReason', { health: healthLabel, reason: update.healthReason }) : healthLabel,
		},
		summary: update.summary,
		needs: {
			heading: t('overview.needsFromYou'),
			items: [
				...owed.needs.map((need) => needItem(need, locale, t)),
				...owed.actions.map((action) => actionItem(action, locale, t)),
				...approvals(owed.toDecide, client, t),
				...owed.toAccept.map((milestone) => acceptanceItem(milestone, locale, t)),
			],
			none: t('overview.noNeeds'),
		},
		feedback: {
			heading: t('digest.feedbackHeading'),
			items: answeredFeedback(input.feedback, previousUpdate, update.date).map((feedback) => feedbackItem(feedback, locale, t)),
		},
		surveys: { heading: t('digest.surveysHeading'), items: openSurveys(input, input.today ?? update.date, locale, t) },
		nextMilestone: nextMilestone(input.milestones, locale, t),
		link: input.site && {
			label: t('overview.readUpdate'),
			url: pageUrl(input.site.url, input.site.base, input.slug, 'updates', update.date),
		},
		access: t('digest.access'),
		signOff: t('digest.signOff'),
		signature: [owner, input.agency].filter((line): line is string => Boolean(line)),
		accent: accentShades(client.accent).ink,
		date: update.date,
	};
}

function detail(t: Translate, pieces: Array<string | undefined>): string | undefined {
	const present = pieces.filter((piece): piece is string => Boolean(piece));
	return present.length ? present.join(t('digest.separator')) : undefined;
}

function needItem(need: Need, locale: Locale, t: Translate): DigestItem {
	return { text: need.text, detail: detail(t, [need.owner, need.due && t('digest.due', { date: formatDate(need.due, locale) })]) };
}

function actionItem(action: OwedAction, locale: Locale, t: Translate): DigestItem {
	return {
		text: action.text,
		detail: detail(t, [
			action.owner,
			action.due && t('digest.due', { date: formatDate(action.due, locale) }),
			t('digest.fromMeeting', { meeting: t(`meetingType.${action.meeting.type}`), date: formatDate(action.meeting.date, locale) }),
		]),
	};
}

function approvals(changes: Change[], client: Client, t: Translate): DigestItem[] {
	const { locale, currency } = client;
	const money = new Intl.NumberFormat(locale, { style: 'currency', currency, signDisplay: 'exceptZero', maximumFractionDigits: 0 });
	const days = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
	return changes.map((change) => ({
		text: t('digest.approveChange', { number: change.number, title: change.title }),
		detail: detail(t, [
			change.impact?.scheduleDays ? t('digest.days', { days: days.format(change.impact.scheduleDays) }) : undefined,
			change.impact?.cost ? money.format(change.impact.cost) : undefined,
		]),
	}));
}

function acceptanceItem(milestone: Milestone, locale: Locale, t: Translate): DigestItem {
	return {
		text: t('digest.acceptMilestone', { title: milestone.title }),
		detail: detail(t, [
			// The same separator as the overview's list of deliverables, so it does not read as the detail's commas.
			milestone.deliverables.join(' · '),
			milestone.completed && t('digest.completed', { date: formatDate(milestone.completed, locale) }),
		]),
	};
}

/**
 * Feedback answered or declined after the previous update (`after`, exclusive) and on or before
 * this one (`upTo`): "you said, we did" since the client last heard from us, oldest answer first.
 */
export function answeredFeedback(feedback: Feedback[], after: string | undefined, upTo: string): Feedback[] {
	return feedback
		.filter((item) => item.answeredOn !== undefined && item.answeredOn <= upTo && (after === undefined || item.answeredOn > after))
		.sort((a, b) => a.answeredOn!.localeCompare(b.answeredOn!) || a.number - b.number);
}

function feedbackItem(feedback: Feedback, locale: Locale, t: Translate): DigestItem {
	const date = formatDate(feedback.answeredOn!, locale);
	return {
		text: feedback.summary,
		detail:
			feedback.status === 'declined'
				? t('digest.feedbackDeclined', { date, reason: feedback.reason ?? '' })
				: t('digest.feedbackAnswered', { date }),
	};
}

/** Surveys open on `day`, oldest first, each with its closing day and the address of its form. */
function openSurveys(input: DigestInput, day: string, locale: Locale, t: Translate): DigestItem[] {
	// In the pages' order, so each survey gets the address its pages have (see `surveySegments`).
	const listed = (input.surveys ?? []).map(({ stem, survey }) => ({ id: stem, data: survey })).sort((a, b) => surveyKind.order(a, b));
	const segments = surveySegments(listed.map((entry) => entry.data));
	return listed
		.map((entry, index) => ({ survey: entry.data, segment: segments[index]! }))
		.filter(({ survey }) => surveyState(survey, day) === 'open')
		.reverse()
		.map(({ survey, segment }) => ({
			text: survey.title,
			detail: detail(t, [
				t('digest.surveyOpen', { date: formatDate(survey.closes, locale) }),
				input.site && pageUrl(input.site.url, input.site.base, input.slug, 'surveys', segment, 'answer'),
			]),
		}));
}

function nextMilestone(milestones: Milestone[], locale: Locale, t: Translate): Digest['nextMilestone'] {
	const next = milestones.filter(isOpenMilestone).sort((a, b) => expectedDate(a).localeCompare(expectedDate(b)))[0];
	if (!next) return undefined;
	return {
		label: t('digest.nextMilestone'),
		text: t('digest.milestone', {
			title: next.title,
			date: formatDate(expectedDate(next), locale, 'long'),
			status: t(`milestoneStatus.${next.status}`),
		}),
	};
}
