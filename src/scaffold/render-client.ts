import type { Locale } from '@/i18n/locales';
import { addDays } from '@/lib/calendar';
import { inlineValue } from './yaml-text';

interface ClientScaffoldInput {
	slug: string;
	name: string;
	locale: Locale;
	today: string;
}

/** The words of a new client.yaml in each locale: comments, placeholders and examples. */
const CLIENT_WORDS = {
	en: {
		projectName: 'TODO: project name',
		projectSummary: 'TODO: one paragraph on what the project delivers, for whom, and by when.',
		objectiveExample: 'Launch the new website before the spring campaign',
		yourName: 'TODO: your name',
		role: 'Project manager',
		sponsorName: "Client sponsor's name",
		sponsorRole: 'Project sponsor',
		meetingExample: { name: 'Weekly status call', rhythm: 'Thursdays 10:00, 30 min' },
		channelExample: { name: 'Email', detail: 'pm@example.com for approvals and change requests' },
		escalationExample: { who: 'Project manager', when: 'A question has been blocked for more than 2 working days' },
		accessLabel: (name: string) => `${name} project team (shared password)`,
		linkLabelExample: 'Jane Doe, project sponsor',
		comments: (slug: string, name: string) => ({
			header: `Who ${name} is and how the project runs. Every field is explained in docs/authoring.md.
Run \`npm run check\` after editing; it lists every mistake at once.`,
			name: "The client organisation's display name.",
			projectName: 'Project name, shown in the header of every page.',
			projectSummary: 'One paragraph on what the project is for, shown on the overview.',
			objectives: `What the project must achieve, one line each; the close-out summary reports an outcome
against each (\`glasshouse new closeout ${slug}\` lists them for you).`,
			locale: 'Interface language, date format and <html lang>: en or zh-CN.',
			currency: 'ISO 4217 code for cost figures (decision impact).',
			dates: 'Project start and planned end (YYYY-MM-DD); the end must not be before the start.',
			team: `Contacts on both sides. side: vendor (your team) or client. Exactly one vendor contact
should be primary: true, the person questions go to.`,
			phone: 'optional, written as it should be dialled',
			communication: 'How both sides stay in touch; shown on the contacts page.',
			cadence: `When a status update is due: every week, two-weeks or month, on a weekday (monday … sunday).
Drives "next update expected", \`glasshouse new update\` and the check's overdue warning.`,
			meetings: 'Recurring meetings: name and rhythm.',
			channels: 'Channels for day-to-day contact: name and detail.',
			escalation: 'Who to go to when something is stuck, in order: who and when.',
			scope: 'What the project delivers (in) and what it explicitly does not (out).',
			accent: "Accent colour of the client's site, as #rrggbb.",
			logo: 'Logo file next to client.yaml (.svg or .png, at most 100 kB), shown in the header.',
			access: `Who may open the site. Each entry is its own key slot, so one can be revoked without the others.
  id: stable, lowercase; part of personal links
  label: who it is for; shown only to you by \`glasshouse share\`
  type: password (shared by a group) or link (a personal link for one person)
  rotation: raise by one to issue a new password or link for this entry only
  revoked: true removes the entry on the next deploy (\`glasshouse revoke ${slug} <id>\`)
  passwordEnv: (passwords only) an environment variable holding a password you chose
\`npm run glasshouse -- share ${slug}\` prints the current passwords and links.`,
			public: "true publishes this client's site unencrypted. Every client is private unless it says so.",
			status: 'active while work goes on; closed shows the close-out summary (closeout.mdx) on the overview.',
			feedbackTargets:
				'Working days (Monday to Friday) within which client feedback (feedback/) is acknowledged and answered;\n`npm run check` warns about open items past either.',
			riskReviewDays: 'Days after which `npm run check` warns about an open risk (risks/) that has not been reviewed.',
			rememberDays: 'Days a remembered device stays unlocked (0: never remember, at most 365).',
		}),
	},
	'zh-CN': {
		projectName: 'TODO：项目名称',
		projectSummary: 'TODO：用一段话说明项目为谁交付什么、何时完成。',
		objectiveExample: '在春季推广活动前上线新网站',
		yourName: 'TODO：您的姓名',
		role: '项目经理',
		sponsorName: '客户方项目发起人姓名',
		sponsorRole: '项目发起人',
		meetingExample: { name: '每周例会', rhythm: '每周四 10:00，30 分钟' },
		channelExample: { name: '电子邮件', detail: 'pm@example.com，用于审批和变更申请' },
		escalationExample: { who: '项目经理', when: '问题受阻超过 2 个工作日' },
		accessLabel: (name: string) => `${name} 项目组（共享密码）`,
		linkLabelExample: '张三，项目发起人',
		comments: (slug: string, name: string) => ({
			header: `${name} 是谁、项目如何进行。每个字段的说明见 docs/authoring.md。
修改后运行 \`npm run check\`，它会一次列出所有错误。`,
			name: '客户单位的显示名称。',
			projectName: '项目名称，显示在每个页面的页眉。',
			projectSummary: '用一段话说明项目的目的，显示在概览页。',
			objectives: `项目必须达成的目标，每行一条；结项总结会逐条报告结果
（\`glasshouse new closeout ${slug}\` 会为您列出）。`,
			locale: '界面语言、日期格式和 <html lang>：en 或 zh-CN。',
			currency: '费用数字（决策影响）的 ISO 4217 货币代码。',
			dates: '项目开始日期和计划结束日期（YYYY-MM-DD）；结束不得早于开始。',
			team: `双方的联系人。side：vendor（您的团队）或 client（客户）。供应商一方应有且只有
一位 primary: true，即负责解答问题的人。`,
			phone: '可选，按拨打时的格式填写',
			communication: '双方如何保持沟通；显示在联系人页面。',
			cadence: `何时应发布状态周报：every 为 week、two-weeks 或 month，day 为星期几（monday … sunday）。
决定“下次周报预计”、\`glasshouse new update\` 的日期和检查的逾期警告。`,
			meetings: '例行会议：名称（name）和频率（rhythm）。',
			channels: '日常联系渠道：名称（name）和说明（detail）。',
			escalation: '事情受阻时依次找谁：找谁（who）和何时（when）。',
			scope: '项目交付的内容（in）和明确不包含的内容（out）。',
			accent: '客户网站的主题色，格式为 #rrggbb。',
			logo: 'client.yaml 旁的标志文件（.svg 或 .png，不超过 100 kB），显示在页眉。',
			access: `谁可以打开网站。每一项都是独立的密钥槽，可以单独撤销而不影响其他项。
  id：固定不变，小写；是个人链接的一部分
  label：给谁用；只在 \`glasshouse share\` 中显示给您
  type：password（一组人共享的密码）或 link（给一个人的个人链接）
  rotation：加一即只为这一项签发新的密码或链接
  revoked：true 会在下次部署时移除这一项（\`glasshouse revoke ${slug} <id>\`）
  passwordEnv：（仅限密码）存放您自选密码的环境变量
\`npm run glasshouse -- share ${slug}\` 会打印当前的密码和链接。`,
			public: 'true 表示不加密公开发布此客户的网站。除非在此注明，每个客户都是私密的。',
			status: '项目进行中为 active；closed 会在概览页显示结项总结（closeout.mdx）。',
			feedbackTargets:
				'客户意见（feedback/）的确认和答复时限，按工作日（周一至周五）计；\n超过时限的未结意见，`npm run check` 会发出警告。',
			riskReviewDays: '未复核的开放风险（risks/）超过这么多天后，`npm run check` 会发出警告。',
			rememberDays: '记住的设备保持解锁的天数（0：从不记住，最多 365）。',
		}),
	},
} as const satisfies Record<Locale, unknown>;

/**
 * `<client>/client.yaml` with every field present and explained: required ones filled with
 * placeholders that pass the check, optional ones commented out with an example.
 */
export function renderClient({ slug, name, locale, today }: ClientScaffoldInput): string {
	const words = CLIENT_WORDS[locale];
	const comments = words.comments(slug, name);
	const currency = locale === 'zh-CN' ? 'CNY' : 'EUR';
	const passwordEnv = `${slug.toUpperCase().replace(/-/g, '_')}_PASSWORD`;
	// Each comment line of the template, prefixed by its indentation; the YAML keys stay English (they are the schema's).
	const c = (key: keyof typeof comments, indent = '') =>
		comments[key]
			.split('\n')
			.map((text) => `${indent}# ${text}`)
			.join('\n');
	return `${c('header')}

${c('name')}
name: ${inlineValue(name)}

project:
${c('projectName', '  ')}
  name: ${inlineValue(words.projectName)}
${c('projectSummary', '  ')}
  summary: ${inlineValue(words.projectSummary)}
${c('objectives', '  ')}
  objectives: []
  #  - ${words.objectiveExample}

${c('locale')}
locale: ${locale}
${c('currency')}
currency: ${currency}
${c('dates')}
start: ${today}
plannedEnd: ${addDays(today, 91)}

${c('team')}
team:
  - name: ${inlineValue(words.yourName)}
    role: ${inlineValue(words.role)}
    side: vendor
    email: pm@example.com
    # phone: "+44 20 7946 0000"  # ${comments.phone}
    primary: true
  # - name: ${words.sponsorName}
  #   role: ${words.sponsorRole}
  #   side: client
  #   email: sponsor@example.com

${c('communication')}
communication:
${c('cadence', '  ')}
  cadence:
    every: week
    day: friday
${c('meetings', '  ')}
  meetings: []
  #  - name: ${words.meetingExample.name}
  #    rhythm: ${words.meetingExample.rhythm}
${c('channels', '  ')}
  channels: []
  #  - name: ${words.channelExample.name}
  #    detail: ${words.channelExample.detail}
${c('escalation', '  ')}
  escalation: []
  #  - who: ${words.escalationExample.who}
  #    when: ${words.escalationExample.when}

${c('scope')}
scope:
  in: []
  out: []

${c('accent')}
# accent: "#0f766e"
${c('logo')}
# logo: logo.svg

${c('access')}
access:
  - id: project-team
    label: ${inlineValue(words.accessLabel(name))}
    type: password
    rotation: 0
    revoked: false
    # passwordEnv: ${passwordEnv}
  # - id: jane-doe
  #   label: ${words.linkLabelExample}
  #   type: link

${c('public')}
public: false
${c('status')}
status: active
${c('feedbackTargets')}
feedbackTargets:
  acknowledgeWithin: 2
  answerWithin: 10
${c('riskReviewDays')}
riskReviewDays: 30
${c('rememberDays')}
rememberDays: 30
`;
}

/** \`site.yaml\` for a content folder that has none yet. */
export function renderSite(): string {
	return `# Settings shared by every client's site.
agency:
  # Your agency or team, shown in footers and on the lock screen.
  name: ${inlineValue('TODO: your agency name')}
  # url: https://example.com  # your public website
# Title of the neutral page at the site root (it lists no clients).
title: Project status
`;
}
