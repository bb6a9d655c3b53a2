import type { Locale } from '@/i18n/locales';
import type { DocumentCategory } from '@/kinds/document/schema';
import { line } from './yaml-text';

interface DocumentScaffoldInput {
	id: string;
	title: string;
	category: DocumentCategory;
	date: string;
	/** Attachment file names, next to the new file. */
	files: string[];
	milestone?: string;
	/** Ids of the client's milestones, offered in a comment. */
	milestoneIds: string[];
	/** For a training session: who gave it and who it was for. */
	training?: { trainer: string; audience: string };
	locale: Locale;
}

const WORDS = {
	en: {
		id: 'must match the file name; the page address uses it',
		category: 'deliverable, handbook, specification, acceptance, training or other',
		version: "version: '1.0'  # the document's own version, as written on it",
		date: 'the day of this version',
		sessionDate: 'the day of the session',
		description: 'description: What it is for and who should read it.',
		files: 'files next to this one in documents/ (PDF, Office, images, ZIP, video; up to 200 MB each)',
		milestone: (known: string) => `milestone: id  # the milestone it was delivered for${known ? `: ${known}` : ''}`,
		duration: 'duration: 2 hours',
		materials: 'materials: [Slides, Exercise sheet]',
		recording: 'recording: https://…  # where the recording can be watched',
	},
	'zh-CN': {
		id: '必须与文件名一致；页面地址使用它',
		category: 'deliverable、handbook、specification、acceptance、training 或 other',
		version: "version: '1.0'  # 文档自身的版本号",
		date: '此版本的日期',
		sessionDate: '培训的日期',
		description: 'description: 文档的用途和读者。',
		files: '与本文件同在 documents/ 中的附件（PDF、Office 文件、图片、ZIP、视频；每个不超过 200 MB）',
		milestone: (known: string) => `milestone: id  # 对应的里程碑${known ? `：${known}` : ''}`,
		duration: 'duration: 2 小时',
		materials: 'materials: [讲义, 练习]',
		recording: 'recording: https://…  # 录像地址',
	},
} as const;

/** `documents/<id>.yaml`: a document or a training session, optional fields commented out with their meaning. */
export function renderDocument(input: DocumentScaffoldInput): string {
	const words = WORDS[input.locale];
	const lines = [
		line('id', input.id, words.id),
		line('title', input.title),
		line('category', input.category, words.category),
		`# ${words.version}`,
		line('date', input.date, input.training ? words.sessionDate : words.date),
		`# ${words.description}`,
		line('files', input.files, words.files),
		input.milestone ? line('milestone', input.milestone) : `# ${words.milestone(input.milestoneIds.join(', '))}`,
	];
	if (input.training)
		lines.push(
			'training:',
			`  ${line('audience', input.training.audience)}`,
			`  ${line('trainer', input.training.trainer)}`,
			`  # ${words.duration}`,
			`  # ${words.materials}`,
			`  # ${words.recording}`,
		);
	return [...lines, ''].join('\n');
}
