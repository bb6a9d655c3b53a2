import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import type { LoadedClient, LoadedContent } from '../../model/load-content';

/** A distinctive piece of a client's source that must never appear in clear in the output. */
export interface Needle {
	text: string;
	/** Where it came from, for the error message. */
	source: string;
}

const MIN_LENGTH = 14;
/** Shorter text still counts when it cannot be mistaken for random base64 (a space, @, CJK…). */
const MIN_LENGTH_DISTINCTIVE = 5;
const MIN_LENGTH_CJK = 3;
const CJK = /[\u3400-\u9fff]/;

const UI_TEXT = [...Object.values(en), ...Object.values(zhCN)].join('\n');

/**
 * Text worth searching for: titles, summaries, names, emails, list items, and the sentences of
 * every body. Interface strings are left out, and so is text equal to a `publicText` entry (the
 * agency's name, client folder names); text merely containing one is still searched for.
 */
export function collectNeedles(clients: LoadedClient[], publicText: string[] = []): Needle[] {
	const needles = new Map<string, Needle>();
	const published = new Set(publicText);
	const add = (text: string | undefined, source: string) => {
		for (const fragment of fragments(text ?? '')) {
			if (!isDistinctive(fragment) || published.has(fragment) || UI_TEXT.includes(fragment)) continue;
			if (!needles.has(fragment)) needles.set(fragment, { text: fragment, source });
		}
	};
	for (const { client, updates, decisions, milestones, faq, risks, changes, meetings, closeout } of clients) {
		if (client) {
			const c = client.value;
			const file = client.source.file;
			[c.name, c.project.name, c.project.summary, ...c.project.objectives, ...c.scope.in, ...c.scope.out].forEach((text) => add(text, file));
			for (const person of c.team) [person.name, person.email, person.phone, person.role].forEach((text) => add(text, file));
			for (const meeting of c.communication.meetings) [meeting.name, meeting.rhythm].forEach((text) => add(text, file));
			for (const channel of c.communication.channels) [channel.name, channel.detail].forEach((text) => add(text, file));
			for (const step of c.communication.escalation) [step.who, step.when].forEach((text) => add(text, file));
			for (const entry of c.access) add(entry.label, file);
		}
		for (const { value, source } of updates) {
			[value.title, value.healthReason, value.summary, ...value.needs.flatMap((n) => [n.text, n.owner]), ...value.risks.flatMap((r) => (typeof r === 'string' ? [] : [r.title, r.mitigation, r.owner]))].forEach((text) => add(text, source.file));
			add(source.body, source.file);
		}
		for (const { value, source } of decisions) {
			[value.title, value.impact?.note, ...value.deciders.client, ...value.deciders.vendor, ...value.consulted].forEach((text) => add(text, source.file));
			add(source.body, source.file);
		}
		for (const { value, source } of milestones) [value.title, value.phase, value.owner, value.acceptance?.by, ...value.deliverables].forEach((text) => add(text, source.file));
		for (const { value, source } of faq) {
			add(value.question, source.file);
			add(source.body, source.file);
		}
		for (const { value, source } of risks) [value.id, value.title, value.description, value.owner, value.mitigation, value.contingency].forEach((text) => add(text, source.file));
		for (const { value, source } of changes) {
			[value.title, value.requestedBy, value.impact?.note, ...(value.impact?.scope.adds ?? []), ...(value.impact?.scope.removes ?? []), value.approval?.by, value.approval?.note].forEach((text) => add(text, source.file));
			add(source.body, source.file);
		}
		for (const { value, source } of meetings) {
			[value.title, ...value.attendees.client, ...value.attendees.vendor, ...value.agenda, ...value.actions.flatMap((a) => [a.text, a.owner])].forEach((text) => add(text, source.file));
			add(source.body, source.file);
		}
		if (closeout) {
			const { value, source } = closeout;
			[...value.outcomes.flatMap((o) => [o.objective, o.result]), ...value.wentWell, ...value.lessons, ...value.openItems.flatMap((i) => [i.text, i.owner]), value.support?.how].forEach((text) => add(text, source.file));
			add(source.body, source.file);
		}
	}
	return [...needles.values()];
}

/** Whole short texts, or the sentences and lines of longer ones, stripped of Markdown syntax. */
function fragments(text: string): string[] {
	const out: string[] = [];
	for (const rawLine of text.split(/\r?\n/)) {
		const line = rawLine
			.replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, '')
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/[*_`~]+/g, '')
			.trim();
		if (!line) continue;
		for (const sentence of line.split(/(?<=[.!?;:])\s+|(?<=[。！？；：])/)) {
			const trimmed = sentence.trim().replace(/[.!?;:。！？；：,，、]+$/, '');
			if (trimmed) out.push(trimmed);
		}
	}
	return out;
}

function isDistinctive(text: string): boolean {
	if (CJK.test(text)) return [...text].length >= MIN_LENGTH_CJK;
	if (text.length >= MIN_LENGTH) return true;
	return text.length >= MIN_LENGTH_DISTINCTIVE && /[\s@.'’]/.test(text);
}

/** The needles of every private client; the agency's name and client folder names are public by design. */
export function needlesOf(content: LoadedContent): Needle[] {
	const privateClients = content.clients.filter((client) => client.client && !client.client.value.public);
	const publicText = [content.site?.agency.name ?? '', content.site?.title ?? '', ...content.clients.map((client) => client.slug)];
	return collectNeedles(privateClients, publicText);
}
