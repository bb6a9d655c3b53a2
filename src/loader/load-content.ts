import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AnyZodObject, RefinementCtx, ZodType, ZodTypeDef } from 'zod';
import { ClientObjectSchema, ClientSchema, clientRules, type Client } from '@/kinds/client/schema';
import { DecisionSchema, type Decision } from '@/kinds/decision/schema';
import { FaqSchema, type Faq } from '@/kinds/faq/schema';
import { MilestoneObjectSchema, MilestoneSchema, milestoneRules, type Milestone } from '@/kinds/milestone/schema';
import { SiteSchema, type Site } from '@/kinds/site/schema';
import { SlugSchema } from '@/kinds/common';
import { IMAGE_FILE } from '@/lib/image-file';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { UpdateObjectSchema, UpdateSchema, updateRules, type Update } from '@/kinds/update/schema';
import { RiskObjectSchema, RiskSchema, riskRules, type Risk } from '@/kinds/risk/schema';
import { ChangeObjectSchema, ChangeSchema, changeRules, type Change } from '@/kinds/change/schema';
import { MeetingSchema, type Meeting } from '@/kinds/meeting/schema';
import { CloseoutSchema, type Closeout } from '@/kinds/closeout/schema';
import { describeIssue } from '@/check/describe-issue';
import type { Problem } from '@/check/problem';
import { readSourceFile, type FieldPath, type SourceFile } from './source-file';

/** A file that parsed and passed its schema, with the source kept for line lookups. */
export interface Parsed<T> {
	source: SourceFile;
	/** File name without extension. */
	stem: string;
	value: T;
}

export interface LoadedClient {
	slug: string;
	/** Folder of the client, as displayed (`content/acme`). */
	dir: string;
	client?: Parsed<Client>;
	updates: Parsed<Update>[];
	decisions: Parsed<Decision>[];
	milestones: Parsed<Milestone>[];
	faq: Parsed<Faq>[];
	risks: Parsed<Risk>[];
	changes: Parsed<Change>[];
	meetings: Parsed<Meeting>[];
	/** `closeout.mdx` next to client.yaml, when there is one. */
	closeout?: Parsed<Closeout>;
}

export interface LoadedContent {
	site?: Site;
	clients: LoadedClient[];
	problems: Problem[];
}

/**
 * A schema whose cross-field rules can also run on the fields that did validate, so a file with
 * one bad field still gets its other rules checked in the same run.
 */
interface Salvage {
	object: AnyZodObject;
	rules: (value: never, ctx: RefinementCtx) => void;
}

const CLIENT: Salvage = { object: ClientObjectSchema, rules: clientRules };
const UPDATE: Salvage = { object: UpdateObjectSchema, rules: updateRules };
const MILESTONE: Salvage = { object: MilestoneObjectSchema, rules: milestoneRules };
const RISK: Salvage = { object: RiskObjectSchema, rules: riskRules };
const CHANGE: Salvage = { object: ChangeObjectSchema, rules: changeRules };

export const LOGO_MAX_BYTES = 100 * 1024;

/** The folders a client may have, and which files each holds. */
const FOLDERS = {
	updates: /\.mdx?$/,
	decisions: /\.mdx?$/,
	milestones: /\.ya?ml$/,
	faq: /\.mdx?$/,
	risks: /\.ya?ml$/,
	changes: /\.mdx?$/,
	meetings: /\.mdx?$/,
} as const;

/** Numbered records: `0007-short-title.mdx`. */
const NUMBERED_FILE = /^(\d{4})-[a-z0-9-]+$/;
/** Meeting minutes: `2026-10-06-steering.mdx`, optionally with more words after the date. */
const MEETING_FILE = /^(\d{4}-\d{2}-\d{2})-[a-z0-9-]+$/;

/**
 * Reads and validates every file under `contentDir` on its own (schemas, file names), collecting
 * every problem instead of stopping at the first. Cross-file rules live in `check-references.ts`.
 */
export async function loadContent(contentDir: string, displayRoot = process.cwd()): Promise<LoadedContent> {
	const problems: Problem[] = [];
	const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/');
	const report = (source: SourceFile | string, field: FieldPath, message: string, severity: Problem['severity'] = 'error') => {
		const file = typeof source === 'string' ? source : source.file;
		const line = typeof source === 'string' ? undefined : source.lineOf(field);
		problems.push({ severity, file, line, field: field.join('.'), message });
	};

	if (!(await isDirectory(contentDir))) {
		report(display(contentDir), [], 'expected a content folder with site.yaml and one folder per client, found no such folder');
		return { clients: [], problems };
	}

	async function parse<T>(absolute: string, schema: ZodType<T, ZodTypeDef, unknown>, salvage?: Salvage): Promise<Parsed<T> | undefined> {
		const source = await readSourceFile(absolute, display(absolute), reads.get(absolute));
		for (const error of source.syntaxErrors)
			problems.push({ severity: 'error', file: source.file, line: error.line, field: '', message: error.message });
		if (source.data === undefined) return undefined;
		const result = schema.safeParse(source.data);
		if (!result.success) {
			for (const issue of result.error.issues) {
				for (const { path: field, message } of describeIssue(issue, source.data)) report(source, field, message);
			}
			if (salvage)
				checkRemainingRules(
					source,
					result.error.issues.map((issue) => issue.path[0]),
					salvage,
				);
			return undefined;
		}
		return { source, stem: path.basename(absolute).replace(/\.[^.]+$/, ''), value: result.data };
	}

	function checkRemainingRules(source: SourceFile, badKeys: unknown[], { object, rules }: Salvage) {
		if (!source.data || typeof source.data !== 'object') return;
		const good = Object.fromEntries(Object.entries(source.data).filter(([key]) => !badKeys.includes(key)));
		const result = object
			.partial()
			.superRefine(rules as (value: unknown, ctx: RefinementCtx) => void)
			.safeParse(good);
		if (result.success) return;
		for (const issue of result.error.issues) {
			// A rule about a field that was itself invalid would only repeat that error.
			if (issue.code === 'custom' && !badKeys.includes(issue.path[0])) report(source, issue.path, issue.message);
		}
	}

	// Files of a folder are read side by side (see below) and parsed one by one, in order.
	const reads = new Map<string, Promise<string>>();

	let site: Site | undefined;
	const sitePath = path.join(contentDir, 'site.yaml');
	if (await isFile(sitePath)) site = (await parse(sitePath, SiteSchema))?.value;
	else report(display(sitePath), [], 'expected site settings (agency name), found no site.yaml');

	const clients: LoadedClient[] = [];
	for (const entry of (await readdir(contentDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
		if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
		const dir = path.join(contentDir, entry.name);
		const loaded: LoadedClient = {
			slug: entry.name,
			dir: display(dir),
			updates: [],
			decisions: [],
			milestones: [],
			faq: [],
			risks: [],
			changes: [],
			meetings: [],
		};
		clients.push(loaded);
		if (!SlugSchema.safeParse(entry.name).success) {
			report(
				display(dir),
				[],
				`expected a client folder name of lowercase letters, digits and hyphens (it becomes the URL), found "${entry.name}"`,
			);
		}
		const clientPath = path.join(dir, 'client.yaml');
		if (!(await isFile(clientPath))) {
			report(display(clientPath), [], 'expected client.yaml describing the client, found no such file');
		} else {
			loaded.client = await parse(clientPath, ClientSchema, CLIENT);
			await checkLogo(loaded, dir);
		}
		for (const name of ['closeout.mdx', 'closeout.md']) {
			const closeoutPath = path.join(dir, name);
			if (!(await isFile(closeoutPath))) continue;
			if (loaded.closeout)
				report(
					display(closeoutPath),
					[],
					`expected one close-out summary, found ${name} next to ${path.basename(loaded.closeout.source.file)} (it is ignored)`,
				);
			else loaded.closeout = await parse(closeoutPath, CloseoutSchema);
		}
		for (const folder of Object.keys(FOLDERS) as Array<keyof typeof FOLDERS>) {
			const folderPath = path.join(dir, folder);
			if (!(await isDirectory(folderPath))) continue;
			const names = (await readdir(folderPath)).sort();
			await readAhead(names.filter((name) => FOLDERS[folder].test(name)).map((name) => path.join(folderPath, name)));
			for (const name of names) {
				const absolute = path.join(folderPath, name);
				if (name.startsWith('.') || !(await isFile(absolute))) continue;
				if (IMAGE_FILE.test(name)) continue; // Referenced from Markdown; inlined into the encrypted pages.
				if (!FOLDERS[folder].test(name)) {
					report(
						display(absolute),
						[],
						`expected ${folder === 'milestones' || folder === 'risks' ? 'a .yaml' : 'a .md or .mdx'} file, found "${name}" (it is ignored)`,
						'warning',
					);
					continue;
				}
				await loadEntry(folder, absolute);
			}
		}

		async function loadEntry(folder: keyof typeof FOLDERS, absolute: string) {
			switch (folder) {
				case 'updates': {
					const update = await parse(absolute, UpdateSchema, UPDATE);
					if (!update) return;
					if (update.stem !== update.value.date)
						report(
							update.source,
							['date'],
							`expected the file name's date (${update.stem}), found ${update.value.date}; name the file <date>.mdx`,
						);
					loaded.updates.push(update);
					return;
				}
				case 'decisions': {
					const decision = await parse(absolute, DecisionSchema);
					if (!decision) return;
					const prefix = NUMBERED_FILE.exec(decision.stem);
					if (!prefix) report(decision.source, [], `expected a file name like 0007-short-title.mdx, found "${path.basename(absolute)}"`);
					else if (Number(prefix[1]) !== decision.value.number)
						report(decision.source, ['number'], `expected ${Number(prefix[1])} to match the file name, found ${decision.value.number}`);
					loaded.decisions.push(decision);
					return;
				}
				case 'milestones': {
					const milestone = await parse(absolute, MilestoneSchema, MILESTONE);
					if (!milestone) return;
					if (milestone.stem !== milestone.value.id)
						report(milestone.source, ['id'], `expected "${milestone.stem}" to match the file name, found "${milestone.value.id}"`);
					loaded.milestones.push(milestone);
					return;
				}
				case 'faq': {
					const faq = await parse(absolute, FaqSchema);
					if (faq) loaded.faq.push(faq);
					return;
				}
				case 'risks': {
					const risk = await parse(absolute, RiskSchema, RISK);
					if (!risk) return;
					if (risk.stem !== risk.value.id)
						report(risk.source, ['id'], `expected "${risk.stem}" to match the file name, found "${risk.value.id}"`);
					loaded.risks.push(risk);
					return;
				}
				case 'changes': {
					const change = await parse(absolute, ChangeSchema, CHANGE);
					if (!change) return;
					const prefix = NUMBERED_FILE.exec(change.stem);
					if (!prefix) report(change.source, [], `expected a file name like 0003-short-title.mdx, found "${path.basename(absolute)}"`);
					else if (Number(prefix[1]) !== change.value.number)
						report(change.source, ['number'], `expected ${Number(prefix[1])} to match the file name, found ${change.value.number}`);
					loaded.changes.push(change);
					return;
				}
				case 'meetings': {
					const meeting = await parse(absolute, MeetingSchema);
					if (!meeting) return;
					const prefix = MEETING_FILE.exec(meeting.stem);
					if (!prefix)
						report(
							meeting.source,
							[],
							`expected a file name like ${meeting.value.date}-${meeting.value.type}.mdx, found "${path.basename(absolute)}"`,
						);
					else if (prefix[1] !== meeting.value.date)
						report(meeting.source, ['date'], `expected the file name's date (${prefix[1]}), found ${meeting.value.date}`);
					loaded.meetings.push(meeting);
					return;
				}
			}
		}
	}

	/** Starts reading the files, a few at a time, so parsing never waits for the disk one file at a time. */
	async function readAhead(files: string[]) {
		reads.clear();
		await mapLimit(files, FILE_CONCURRENCY, async (file) => {
			const text = readFile(file, 'utf8');
			reads.set(file, text);
			await text.catch(() => undefined);
		});
	}

	async function checkLogo(loaded: LoadedClient, dir: string) {
		const logo = loaded.client?.value.logo;
		if (!logo || !loaded.client) return;
		const logoPath = path.join(dir, logo);
		const info = await stat(logoPath).catch(() => undefined);
		if (!info?.isFile()) report(loaded.client.source, ['logo'], `expected a file ${display(logoPath)}, found none`);
		else if (info.size > LOGO_MAX_BYTES)
			report(loaded.client.source, ['logo'], `expected a logo of at most 100 kB, found ${Math.round(info.size / 1024)} kB`);
	}

	return { site, clients, problems };
}

async function isDirectory(target: string) {
	return (await stat(target).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(target: string) {
	return (await stat(target).catch(() => undefined))?.isFile() ?? false;
}
