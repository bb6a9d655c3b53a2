import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content';
import type { Client } from '@/kinds/client/schema';
import type { Locale } from '@/i18n/locales';
import { deriveSupersededBy } from '@/kinds/decision/derive-superseded-by';
import { effectiveStatuses } from '@/kinds/decision/effective-status';
import type { DecisionStatus } from '@/kinds/decision/schema';
import { loadSite } from './site-data';
import type { Risk } from '@/kinds/risk/schema';
import { updateKind } from '@/kinds/update/kind';
import { decisionKind } from '@/kinds/decision/kind';
import { milestoneKind } from '@/kinds/milestone/kind';
import { faqKind } from '@/kinds/faq/kind';
import { riskKind } from '@/kinds/risk/kind';
import { changeKind } from '@/kinds/change/kind';
import { meetingKind } from '@/kinds/meeting/kind';
import { feedbackKind } from '@/kinds/feedback/kind';
import { documentKind } from '@/kinds/document/kind';
import { surveyKind } from '@/kinds/survey/kind';
import { pageContext } from 'virtual:glasshouse/page-context';
import { clientOf, entriesByClient } from './entries-by-client';

export type UpdateEntry = CollectionEntry<'updates'>;
export type DecisionEntry = CollectionEntry<'decisions'>;
export type MilestoneEntry = CollectionEntry<'milestones'>;
export type FaqEntry = CollectionEntry<'faq'>;
export type RiskEntry = CollectionEntry<'risks'>;
export type ChangeEntry = CollectionEntry<'changes'>;
export type MeetingEntry = CollectionEntry<'meetings'>;
export type FeedbackEntry = CollectionEntry<'feedback'>;
export type CloseoutEntry = CollectionEntry<'closeouts'>;
export type GlossaryEntry = CollectionEntry<'glossaries'>;
export type DocumentEntry = CollectionEntry<'documents'>;
export type SurveyEntry = CollectionEntry<'surveys'>;

/** Everything one client's pages need, sorted for display. */
export interface ClientData {
	slug: string;
	client: Client;
	locale: Locale;
	agency: string;
	/** Newest first. */
	updates: UpdateEntry[];
	/** Lowest number first. */
	decisions: DecisionEntry[];
	/** Decision number → number of the decision that supersedes it. */
	supersededBy: Map<number, number>;
	/** Decision number → status to display (see `effectiveStatuses`). */
	statusOf: Map<number, DecisionStatus>;
	/** By due date. */
	milestones: MilestoneEntry[];
	/** By `order`, then question. */
	faq: FaqEntry[];
	/** Register order: live before closed, most severe first (see `compareRisks`). */
	risks: RiskEntry[];
	/** Register id → risk, for resolving updates' `risks`. */
	riskById: Map<string, Risk>;
	/** Register id → URL segment of its page (see `riskPathSegments` and `riskPaths` below). */
	riskPath: Map<string, string>;
	/** Lowest number first. */
	changes: ChangeEntry[];
	/** Newest first. */
	meetings: MeetingEntry[];
	/** Open items first, longest waiting first; then the most recently answered (see `compareFeedback`). */
	feedback: FeedbackEntry[];
	/** The close-out summary, when one exists (shown once the client's status is closed). */
	closeout?: CloseoutEntry;
	/** The client's glossary.yaml, when it has one. */
	glossary?: GlossaryEntry;
	/** Documents and training sessions, newest first. */
	documents: DocumentEntry[];
	/** Document id → URL segment of its page (keyed for private clients, see `privateDocumentSegments`). */
	documentPath: Map<string, string>;
	/** Satisfaction surveys, newest first. */
	surveys: SurveyEntry[];
}

export { clientOf } from './entries-by-client';
/** The last id segment: "acme/updates/2026-01-09" → "2026-01-09". */
export const leafOf = (entry: { id: string }) => entry.id.split('/').at(-1)!;

// Module state is the build's state: Astro imports page code once per build and gives pages no
// other place to share what every page of a client reads. Both are filled from this build's
// collections only.
const cache = new Map<string, Promise<ClientData>>();
const clientEntries = entriesByClient((collection: CollectionKey) => getCollection(collection));

/**
 * Whether to ask Astro for a collection: not when the build found no file of its kind, since the
 * build then does not define it and Astro would warn that it "does not exist or is empty".
 */
function hasFiles(collection: CollectionKey): boolean {
	return pageContext.collectionsWithFiles?.includes(collection) ?? true;
}

export async function listClientSlugs(): Promise<string[]> {
	if (!hasFiles('clients')) return [];
	return (await getCollection('clients')).map(clientOf).sort();
}

export function loadClient(slug: string): Promise<ClientData> {
	let data = cache.get(slug);
	if (!data) {
		data = load(slug);
		cache.set(slug, data);
	}
	return data;
}

/** A client's entries of one collection (none when the build found no file of its kind). */
async function entriesOf<C extends CollectionKey>(collection: C, slug: string): Promise<CollectionEntry<C>[]> {
	if (!hasFiles(collection)) return [];
	return (await clientEntries(collection, slug)) as CollectionEntry<C>[];
}

async function load(slug: string): Promise<ClientData> {
	const [
		clients,
		updates,
		decisions,
		milestones,
		faq,
		risks,
		changes,
		meetings,
		feedback,
		closeouts,
		site,
		glossaries,
		documents,
		surveys,
	] = await Promise.all([
		entriesOf('clients', slug),
		entriesOf('updates', slug),
		entriesOf('decisions', slug),
		entriesOf('milestones', slug),
		entriesOf('faq', slug),
		entriesOf('risks', slug),
		entriesOf('changes', slug),
		entriesOf('meetings', slug),
		entriesOf('feedback', slug),
		entriesOf('closeouts', slug),
		loadSite(),
		entriesOf('glossaries', slug),
		entriesOf('documents', slug),
		entriesOf('surveys', slug),
	]);
	const client = clients[0]?.data;
	if (!client) throw new Error(`No client.yaml for "${slug}"`);
	// Each kind in its own order (see its `kind.ts`); decisions before what is derived from them.
	decisions.sort(decisionKind.order);
	return {
		slug,
		client,
		locale: client.locale,
		agency: site.agency.name,
		updates: updates.sort(updateKind.order),
		decisions,
		supersededBy: deriveSupersededBy(decisions.map((entry) => entry.data)),
		statusOf: effectiveStatuses(decisions.map((entry) => entry.data)),
		milestones: milestones.sort(milestoneKind.order),
		faq: faq.sort(faqKind.order),
		risks: risks.sort(riskKind.order),
		riskById: new Map(risks.map((entry) => [entry.data.id, entry.data])),
		riskPath: riskPaths(
			slug,
			risks.map((entry) => entry.data.id),
		),
		documentPath: segmentPaths(
			pageContext.documentSegments,
			slug,
			documents.map((entry) => entry.data.id),
			'document',
		),
		changes: changes.sort(changeKind.order),
		meetings: meetings.sort(meetingKind.order),
		feedback: feedback.sort(feedbackKind.order),
		closeout: closeouts[0],
		glossary: glossaries[0],
		documents: documents.sort(documentKind.order),
		surveys: surveys.sort(surveyKind.order),
	};
}

/**
 * The URL segment of each risk's page, from the segments the integration derived for every client
 * the build decided is private (see `PageContext`), whatever its client.yaml says by the time the
 * page renders. Other clients keep their ids. A private client's risk without a segment appeared
 * after the build decided its content: the build stops rather than publish its id in an address.
 * The dev server, which decides nothing, shows such a risk at its id until it restarts.
 */
function riskPaths(slug: string, ids: string[]): Map<string, string> {
	return segmentPaths(pageContext.riskSegments, slug, ids, 'risk');
}

/** Id → URL segment of a kind's pages named by ids (risks, documents), as `riskPaths` explains. */
function segmentPaths(
	segments: Record<string, Record<string, string>> | undefined,
	slug: string,
	ids: string[],
	noun: string,
): Map<string, string> {
	const mine = segments && Object.hasOwn(segments, slug) ? segments[slug] : undefined;
	if (!mine) return new Map(ids.map((id) => [id, id]));
	return new Map(
		ids.map((id) => {
			const segment = Object.hasOwn(mine, id) ? mine[id] : undefined;
			if (segment !== undefined) return [id, segment];
			if (import.meta.env.DEV) return [id, id];
			throw new Error(
				`${slug}: the ${noun} "${id}" was not in the content this build started from, so its page has no address yet. Build again.`,
			);
		}),
	);
}
