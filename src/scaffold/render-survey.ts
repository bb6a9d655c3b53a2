import type { Locale } from '@/i18n/locales';
import { useTranslations } from '@/i18n/translate';
import { DEFAULT_QUESTIONS } from '@/kinds/survey/schema';
import { surveyQuestions } from '@/kinds/survey/survey-questions';
import { line } from './yaml-text';

interface SurveyScaffoldInput {
	title: string;
	/** What it follows: exactly one. */
	follows: { milestone: string } | { phase: string } | { closeout: true };
	opens: string;
	closes: string;
	locale: Locale;
}

const WORDS = {
	en: {
		head: [
			'A satisfaction survey. Stakeholders answer it on the site (the survey page composes an email',
			'to the project manager); record their replies with `glasshouse record survey <client> <file>`.',
		],
		title: 'the page title',
		follows: 'what it follows: exactly one of milestone: <id>, phase: <name> or closeout: true',
		opens: 'first day answers are taken (the file name starts with it)',
		closes: 'last day answers are taken',
		intro: 'A sentence above the form, e.g. why we ask and how long it takes:',
		questions: "Without questions:, these are asked, in the client's language (ids for scores and comments):",
		own: 'To ask your own, list them all (id, text, and scale: 1-5 or 0-10 for a score; no scale for words):',
		responses: 'one per person; added by glasshouse record survey',
		changed: 'what we changed in response: - what: … with feedback: [3] and decisions: [7]',
	},
	'zh-CN': {
		head: [
			'满意度调查。相关人员在网站上填写（调查页会生成一封发给项目经理的邮件）；',
			'收到的答复用 `glasshouse record survey <client> <file>` 记录到本文件。',
		],
		title: '页面标题',
		follows: '调查针对的节点：milestone: <id>、phase: <阶段名> 或 closeout: true，三者选一',
		opens: '开始接受答复的日期（文件名以此开头）',
		closes: '最后接受答复的日期',
		intro: '表单上方的一句话，例如为什么做这个调查、需要多长时间：',
		questions: '不写 questions: 时，使用以下默认问题（按客户语言显示；评分和意见按 id 记录）：',
		own: '如需自定义问题，请全部列出（id、text，评分题加 scale: 1-5 或 0-10；文字题不加 scale）：',
		responses: '每人一份；由 glasshouse record survey 添加',
		changed: '我们据此做出的改进：- what: …，可加 feedback: [3] 和 decisions: [7]',
	},
} as const;

/** `surveys/<opens>-<slug>.yaml` with the default questions listed as a comment in the client's language. */
export function renderSurvey(input: SurveyScaffoldInput): string {
	const words = WORDS[input.locale];
	const t = useTranslations(input.locale);
	const [key, value] = Object.entries(input.follows)[0]!;
	const defaults = surveyQuestions({ questions: undefined }, t).map(
		(question) => `#   ${question.id}${question.scale ? ` (${question.scale})` : ''}: ${question.text}`,
	);
	return [
		...words.head.map((text) => `# ${text}`),
		line('title', input.title, words.title),
		line(key, value, words.follows),
		line('opens', input.opens, words.opens),
		line('closes', input.closes, words.closes),
		`# ${words.intro}`,
		'# intro: …',
		`# ${words.questions}`,
		...defaults,
		`# ${words.own}`,
		'# questions:',
		`#   - id: ${DEFAULT_QUESTIONS[0].id}`,
		`#     text: ${t('surveyQuestion.overall')}`,
		'#     scale: 1-5',
		line('responses', [], words.responses),
		line('changed', [], words.changed),
		'',
	].join('\n');
}
