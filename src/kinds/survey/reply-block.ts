/**
 * The machine-readable block of a survey reply: the survey form puts it in the email it composes,
 * and `glasshouse record survey` reads it back from the pasted email. One `key: value` per line,
 * text as JSON strings (so a line break or a quote in a comment cannot end the value), which
 * survives what mail clients do to a reply: quoting it with "> " and wrapping long lines.
 */

export const BLOCK_BEGIN = '-----BEGIN GLASSHOUSE SURVEY ANSWERS-----';
export const BLOCK_END = '-----END GLASSHOUSE SURVEY ANSWERS-----';

/** One person's answers, as the form sends them. */
export interface SurveyReply {
	client: string;
	/** The survey's file name without extension, e.g. "2026-03-02-after-discovery". */
	survey: string;
	respondent: string;
	outsider?: string;
	/** YYYY-MM-DD: the day the answers were sent. */
	date: string;
	scores: Record<string, number>;
	comments: Record<string, string>;
}

/** The block for one reply, lines separated by "\n". */
export function composeReplyBlock(reply: SurveyReply): string {
	const lines = [
		BLOCK_BEGIN,
		`client: ${JSON.stringify(reply.client)}`,
		`survey: ${JSON.stringify(reply.survey)}`,
		`respondent: ${JSON.stringify(reply.respondent)}`,
		...(reply.outsider ? [`outsider: ${JSON.stringify(reply.outsider)}`] : []),
		`date: ${JSON.stringify(reply.date)}`,
		...Object.entries(reply.scores).map(([id, score]) => `score.${id}: ${score}`),
		...Object.entries(reply.comments).map(([id, text]) => `comment.${id}: ${JSON.stringify(text)}`),
		BLOCK_END,
	];
	return lines.join('\n');
}

/** A reply read from pasted text, with the line its block starts on (counted from 1). */
export interface ReadReply {
	line: number;
	reply: SurveyReply;
}

/** Why a block could not be read: its place in the pasted text and what was wrong. */
export interface BlockProblem {
	line: number;
	message: string;
}

const KEY_LINE = /^([a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)?):[ \t]?(.*)$/;
const REQUIRED = ['client', 'survey', 'respondent', 'date'] as const;
// Scripts written without spaces between words: a line wrapped between two of their characters
// is joined without adding one.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Every block in `text` (one or several emails pasted together), in order. Quote markers ("> ")
 * are stripped, and a value a mail client wrapped onto further lines is joined again.
 */
export function readReplyBlocks(text: string): { replies: ReadReply[]; problems: BlockProblem[] } {
	const lines = text.split(/\r\n|\r|\n/).map((line) => line.replace(/^[ \t]*(?:>[ \t]?)*/, '').trimEnd());
	const replies: ReadReply[] = [];
	const problems: BlockProblem[] = [];
	for (let index = 0; index < lines.length; index++) {
		if (lines[index] !== BLOCK_BEGIN) continue;
		const start = index;
		const end = lines.indexOf(BLOCK_END, start + 1);
		const nextBegin = lines.indexOf(BLOCK_BEGIN, start + 1);
		if (end === -1 || (nextBegin !== -1 && nextBegin < end)) {
			problems.push({ line: start + 1, message: `expected the block to end with "${BLOCK_END}", found no end (was the email cut short?)` });
			continue;
		}
		const read = readBlock(lines.slice(start + 1, end), start + 2);
		if ('problems' in read) problems.push(...read.problems);
		else replies.push({ line: start + 1, reply: read.reply });
		index = end;
	}
	return { replies, problems };
}

function readBlock(lines: string[], firstLine: number): { reply: SurveyReply } | { problems: BlockProblem[] } {
	const problems: BlockProblem[] = [];
	// Logical entries: a value continues onto the next lines while it is an unfinished JSON string.
	const entries: Array<{ line: number; key: string; raw: string }> = [];
	lines.forEach((line, offset) => {
		const last = entries.at(-1);
		if (last && isUnfinishedString(last.raw)) {
			last.raw = joinWrapped(last.raw, line);
			return;
		}
		if (line === '') return;
		const match = KEY_LINE.exec(line);
		if (!match) {
			problems.push({ line: firstLine + offset, message: `expected "key: value", found "${line.slice(0, 60)}"` });
			return;
		}
		entries.push({ line: firstLine + offset, key: match[1]!, raw: match[2]!.trim() });
	});
	const reply: Partial<SurveyReply> & Pick<SurveyReply, 'scores' | 'comments'> = { scores: {}, comments: {} };
	const seen = new Set<string>();
	for (const { line, key, raw } of entries) {
		if (seen.has(key)) {
			problems.push({ line, message: `expected "${key}" once, found it again` });
			continue;
		}
		seen.add(key);
		if (key.startsWith('score.')) {
			const score = Number(raw);
			if (raw === '' || !Number.isFinite(score)) problems.push({ line, message: `expected a number for ${key}, found "${raw}"` });
			else reply.scores[key.slice('score.'.length)] = score;
			continue;
		}
		const value = parseString(raw);
		if (value === undefined) {
			problems.push({ line, message: `expected a quoted text for ${key}, found ${raw ? `"${raw.slice(0, 60)}"` : 'nothing'}` });
			continue;
		}
		if (key.startsWith('comment.')) {
			if (value.trim()) reply.comments[key.slice('comment.'.length)] = value.trim();
		} else if (key === 'client' || key === 'survey' || key === 'respondent' || key === 'outsider' || key === 'date') {
			if (value.trim()) reply[key] = value.trim();
		} else
			problems.push({ line, message: `expected client, survey, respondent, outsider, date, score.<id> or comment.<id>, found "${key}"` });
	}
	for (const key of REQUIRED)
		if (!reply[key]) problems.push({ line: firstLine - 1, message: `expected "${key}: …" in the block, found none` });
	return problems.length ? { problems } : { reply: reply as SurveyReply };
}

function parseString(raw: string): string | undefined {
	if (!raw.startsWith('"')) return undefined;
	try {
		const value: unknown = JSON.parse(raw);
		return typeof value === 'string' ? value : undefined;
	} catch {
		return undefined;
	}
}

/** A value that opens a JSON string and has not closed it yet (a mail client wrapped it). */
function isUnfinishedString(raw: string): boolean {
	if (!raw.startsWith('"')) return false;
	let escaped = false;
	for (let index = 1; index < raw.length; index++) {
		const char = raw[index];
		if (escaped) escaped = false;
		else if (char === '\\') escaped = true;
		else if (char === '"') return false;
	}
	return true;
}

function joinWrapped(before: string, after: string): string {
	const next = after.trimStart();
	if (/\s$/.test(before) || before.endsWith('\\')) return `${before}${next}`;
	const last = before.at(-1) ?? '';
	const first = next[0] ?? '';
	return UNSPACED.test(last) && UNSPACED.test(first) ? `${before}${next}` : `${before} ${next}`;
}
