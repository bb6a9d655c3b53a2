/**
 * Deterministic synthetic content for benchmarks:
 *   npm run bench:gen -- --clients N --weeks W [--diagrams D] [--seed S] --out DIR
 * writes site.yaml and N clients (every third one Chinese), each with W weekly updates of the
 * demo's shape (title on some, health per dimension, summary, needs, risks, Done / In progress /
 * Next), a decision record every three weeks (MADR sections; some superseded, rejected or still
 * proposed), a milestone per quarter and eight FAQ entries, all valid for `glasshouse check`.
 * `--diagrams D` adds Mermaid diagrams of five kinds: D per update, or one in every 1/D updates
 * when D is below 1 (0.1 = every tenth update). The same arguments always give the same files.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '@/lib/calendar';
import { diagramSource } from './support/diagram-sources';

export interface GenerateOptions {
	clients: number;
	weeks: number;
	out: string;
	/** Mermaid diagrams per update; a fraction puts one in every 1/D updates. */
	diagrams?: number;
	seed?: number;
}

export interface GenerateReport {
	files: number;
	updates: number;
	decisions: number;
	diagrams: number;
}

/** Marks a folder this generator wrote, so `--out` never deletes anything else. */
const MARKER = '.glasshouse-bench-content';
const START = '2025-01-03';

const EN = {
	verbs: [
		'Finished',
		'Reviewed',
		'Migrated',
		'Tested',
		'Deployed',
		'Agreed',
		'Documented',
		'Fixed',
		'Prepared',
		'Signed off',
		'Drafted',
		'Rebuilt',
	],
	nouns: [
		'migration',
		'redirect map',
		'page template',
		'checkout flow',
		'invoice export',
		'warehouse feed',
		'carrier API',
		'tracking page',
		'dashboard',
		'analytics events',
		'accessibility fixes',
		'payment provider',
		'product catalogue',
		'site search',
		'onboarding journey',
		'reporting job',
		'CRM integration',
		'staging site',
		'release notes',
		'load test',
		'editor training',
		'hand-over pack',
		'security review',
		'content model',
		'design system',
		'cookie banner',
		'image pipeline',
		'single sign-on',
	],
	places: [
		'for the depot pages',
		'on staging',
		'with the client team',
		'before the change freeze',
		'for the mobile layout',
		'in the test environment',
		'for the sales team',
		'with the carrier',
		'ahead of the demo',
		'for the German market',
	],
	people: ['Alex Morgan', 'Sam Patel', 'Jordan Lee', 'Casey Byrne', 'Robin Schmidt', 'Taylor Nguyen', 'Morgan Ellis', 'Jamie Okoro'],
	tags: ['scope', 'hosting', 'data', 'design', 'security', 'integration', 'budget', 'content'],
};
const ZH = {
	verbs: ['完成了', '评审了', '迁移了', '测试了', '部署了', '确认了', '整理了', '修复了', '准备了', '签署了'],
	nouns: [
		'主数据',
		'期初库存',
		'物料编码',
		'采购订单',
		'批次管理',
		'生产工单',
		'报工流程',
		'月结流程',
		'凭证模板',
		'权限矩阵',
		'接口联调',
		'用户培训',
		'上线切换',
		'年度盘点',
		'成本核算',
		'供应商门户',
		'仓库布局',
		'库位规则',
		'质检方案',
		'排产计划',
		'对账报表',
	],
	places: ['在测试环境中', '与客户团队一起', '在上线冻结前', '为一号工厂', '为财务部门', '在培训环境中', '与实施顾问一起', '为仓储团队'],
	people: ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨帆', '赵磊', '周婷'],
	tags: ['scope', 'data', 'integration', 'budget', 'process', 'training'],
};
type Words = typeof EN;

function random(seed: number) {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
}

/** Lines of a YAML list, or `[]` inline when empty. */
const yamlList = (indent: string, items: string[]) => (items.length ? `\n${items.map((item) => `${indent}- ${item}`).join('\n')}` : ' []');
const quote = (text: string) => JSON.stringify(text);

export function generateContent(options: GenerateOptions): GenerateReport {
	const next = random(options.seed ?? 42);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
	const report: GenerateReport = { files: 0, updates: 0, decisions: 0, diagrams: 0 };
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
		report.files++;
	};
	clearOutput(options.out);
	write(path.join(options.out, MARKER), 'Synthetic benchmark content (tests/bench/generate-content.ts); safe to delete.\n');
	write(path.join(options.out, 'site.yaml'), 'agency:\n  name: Benchmark Agency\n');
	const perUpdate = options.diagrams ?? 0;
	let diagramNumber = 0;
	let updateNumber = 0;

	for (let c = 0; c < options.clients; c++) {
		const zh = c % 3 === 2;
		const words: Words = zh ? ZH : EN;
		// Serial numbers keep sentences distinct, as real reports are; the leak scan looks for each one.
		const sentence = (length = between(8, 16)) => {
			if (zh)
				return `${pick(words.verbs)}${Array.from({ length: Math.ceil(length / 3) }, () => pick(words.nouns)).join('和')}${pick(words.places)}，共 ${between(2, 90)} 项。`;
			const nouns = Array.from({ length: Math.ceil(length / 5) }, () => pick(words.nouns)).join(' and the ');
			return `${pick(words.verbs)} the ${nouns} ${pick(words.places)} (${between(2, 900)} items).`;
		};
		const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence()).join(zh ? '' : ' ');
		const bullets = (count: number) => Array.from({ length: count }, () => `- ${sentence()}`).join('\n');
		const heading = (en: string, chinese: string) => `## ${zh ? chinese : en}`;

		const slug = `client-${String(c + 1).padStart(2, '0')}`;
		const dir = path.join(options.out, slug);
		const vendor = [`Pat Vendor ${c + 1}`, `Lee Lead ${c + 1}`, `Kim Designer ${c + 1}`];
		const client = zh
			? [`${pick(words.people)}`, `${pick(words.people)}（IT）`, `${pick(words.people)}（财务）`]
			: [`Jo Client ${c + 1}`, `Chris Owner ${c + 1}`, `Dana IT ${c + 1}`];
		const team = [
			...vendor.map((name, index) => ({
				name,
				role: ['Project manager', 'Technical lead', 'Designer'][index]!,
				side: 'vendor',
				email: `vendor${index + 1}.c${c + 1}@agency.example`,
				primary: index === 0,
			})),
			...client.map((name, index) => ({
				name,
				role: zh ? ['项目发起人', 'IT 负责人', '财务经理'][index]! : ['Sponsor', 'IT manager', 'Finance lead'][index]!,
				side: 'client',
				email: `person${index + 1}@client${c + 1}.example`,
				primary: false,
			})),
		];
		// One shared password and personal links, as agencies hand them out; some clients have a
		// second password slot and a revoked link, so the keyrings vary like real ones.
		const access = [
			{ id: 'steering-group', label: zh ? '项目指导委员会' : 'Steering group', type: 'password' },
			...(c % 4 === 3 ? [{ id: 'finance', label: zh ? '财务' : 'Finance team', type: 'password' }] : []),
			{ id: 'sponsor', label: zh ? '项目发起人' : 'Sponsor', type: 'link' },
			{ id: 'product-owner', label: zh ? '产品负责人' : 'Product owner', type: 'link' },
			{ id: 'it-lead', label: zh ? 'IT 负责人' : 'IT lead', type: 'link', ...(c % 5 === 4 ? { revoked: true } : {}) },
		];
		const end = addDays(START, options.weeks * 7 + 60);
		write(
			path.join(dir, 'client.yaml'),
			`name: ${quote(zh ? `合成客户 ${c + 1}` : `Synthetic Client ${c + 1}`)}
project:
  name: ${quote(zh ? `ERP 系统实施 ${c + 1}` : `Platform programme ${c + 1}`)}
  summary: ${quote(paragraph(3))}
locale: ${zh ? 'zh-CN' : 'en'}
currency: ${zh ? 'CNY' : 'EUR'}
start: ${START}
plannedEnd: ${end}
accent: "#${(0x0e7490 + c * 0x101010).toString(16).slice(-6).padStart(6, '0')}"
team:
${team.map((person) => `  - name: ${quote(person.name)}\n    role: ${quote(person.role)}\n    side: ${person.side}\n    email: ${person.email}${person.primary ? '\n    primary: true' : ''}`).join('\n')}
communication:
  meetings:
    - name: ${quote(zh ? '每周例会' : 'Weekly status call')}
      rhythm: ${quote(zh ? '每周四 10:00，30 分钟' : 'Thursdays 10:00, 30 min')}
  channels:
    - name: Email
      detail: ${quote(`vendor1.c${c + 1}@agency.example`)}
  escalation:
    - who: ${quote(vendor[0]!)}
      when: ${quote(zh ? '问题阻塞超过两个工作日' : 'Blocked for more than 2 working days')}
scope:
  in:${yamlList('    ', [sentence(6), sentence(6), sentence(6)].map(quote))}
  out:${yamlList('    ', [sentence(6)].map(quote))}
access:
${access.map((entry) => `  - id: ${entry.id}\n    label: ${quote(entry.label)}\n    type: ${entry.type}${'revoked' in entry ? '\n    revoked: true' : ''}`).join('\n')}
`,
		);

		// A glossary that explains the jargon the word pool uses, as an agency's would: `check` stays quiet about it.
		write(
			path.join(dir, 'glossary.yaml'),
			`terms:\n${(zh
				? [
						['上线', '系统正式交给大家使用的那一天。'],
						['联调', '两个系统第一次连在一起测试，看数据能否正确来回。'],
						['接口', '两个系统之间约定好的数据交换方式。'],
						['主数据', '各部门共用的基础资料，如物料、客户和供应商。'],
					]
				: [
						['API', 'The agreed way two systems exchange data.'],
						['migration', 'Moving content from the old system into the new one.'],
						['staging', 'A private copy of the site where changes are checked before they go live.'],
					]
			)
				.map(([term, definition]) => `  - term: ${quote(term!)}\n    definition: ${quote(definition!)}`)
				.join('\n')}\n`,
		);

		const lastWeek = addDays(START, (options.weeks - 1) * 7);
		const milestoneIds: string[] = [];
		const milestones = Math.max(3, Math.ceil(options.weeks / 13));
		for (let m = 0; m < milestones; m++) {
			const id = `phase-${m + 1}`;
			const due = addDays(START, (m + 1) * 91);
			const done = due < addDays(lastWeek, -30);
			const status = done ? 'done' : due < addDays(lastWeek, 60) ? pick(['in-progress', 'at-risk', 'in-progress']) : 'planned';
			milestoneIds.push(id);
			write(
				path.join(dir, 'milestones', `${id}.yaml`),
				`id: ${id}
title: ${quote(zh ? `第 ${m + 1} 阶段：${pick(words.nouns)}` : `Phase ${m + 1}: ${pick(words.nouns)} delivered`)}
phase: ${quote(zh ? `阶段 ${Math.floor(m / 4) + 1}` : `Year ${Math.floor(m / 4) + 1}`)}
start: ${addDays(due, -90)}
due: ${due}
status: ${status}
${done ? `completed: ${addDays(due, between(-3, 5))}\nacceptance:\n  on: ${addDays(due, 7)}\n  by: ${quote(client[0]!)}\n` : ''}owner: ${quote(vendor[m % 2]!)}
${m > 0 ? `dependsOn: [phase-${m}]\n` : ''}deliverables:${yamlList('  ', [sentence(6), sentence(6), sentence(6)].map(quote))}
`,
			);
		}

		const totalDecisions = Math.ceil(options.weeks / 3);
		// Every seventh decision replaces the one three before it; a few are rejected; the newest is proposed.
		const supersedes = (number: number) => (number > 4 && number % 7 === 0 ? number - 3 : undefined);
		const superseded = (number: number) => supersedes(number + 3) === number && number + 3 <= totalDecisions;
		const statusOf = (number: number) =>
			superseded(number)
				? 'superseded'
				: number === totalDecisions
					? 'proposed'
					: number % 11 === 5 && !supersedes(number)
						? 'rejected'
						: 'accepted';
		let decisions = 0;
		for (let w = 0; w < options.weeks; w++) {
			const date = addDays(START, w * 7);
			if (w % 3 === 0) {
				decisions++;
				report.decisions++;
				const replaces = supersedes(decisions);
				const choices = Array.from(
					{ length: between(2, 3) },
					(_, index) =>
						`**${zh ? `方案 ${index + 1}` : `Option ${index + 1}`}: ${pick(words.nouns)}**\n\n- ${zh ? '优点' : 'Pro'}: ${sentence()}\n- ${zh ? '缺点' : 'Con'}: ${sentence()}`,
				);
				write(
					path.join(dir, 'decisions', `${String(decisions).padStart(4, '0')}-decision-${decisions}.mdx`),
					`---
number: ${decisions}
title: ${quote(zh ? `决策 ${decisions}：采用${pick(words.nouns)}方案` : `Decision ${decisions}: use the ${pick(words.nouns)} for the ${pick(words.nouns)}`)}
date: ${date}
status: ${statusOf(decisions)}
deciders:
  client: [${quote(client[0]!)}${decisions % 2 ? `, ${quote(client[1]!)}` : ''}]
  vendor: [${quote(vendor[0]!)}]
consulted: [${quote(vendor[1]!)}, ${quote(client[2]!)}]
tags: [${pick(words.tags)}${decisions % 3 === 0 ? `, ${pick(words.tags)}` : ''}]
${replaces ? `supersedes: ${replaces}\n` : ''}${decisions % 4 === 1 ? `impact:\n  scheduleDays: ${between(-2, 10)}\n  cost: ${between(1, 40) * 100}\n  note: ${quote(sentence())}\n` : ''}---

${heading('Context', '背景')}

${paragraph(between(3, 5))}

${paragraph(between(2, 4))}

${heading('Options considered', '备选方案')}

${choices.join('\n\n')}

${heading('Decision', '决定')}

${paragraph(between(2, 3))}${replaces ? (zh ? `本决策取代决策 ${replaces}。` : ` This replaces decision ${replaces}.`) : ''}

${heading('Consequences', '影响')}

${bullets(between(2, 4))}
`.replace(/\n{3,}/g, '\n\n'),
				);
			}

			// `diagrams` per update, or one every 1/diagrams updates when it is a fraction.
			const count = perUpdate >= 1 ? Math.floor(perUpdate) : perUpdate > 0 && updateNumber % Math.round(1 / perUpdate) === 0 ? 1 : 0;
			const diagrams = Array.from(
				{ length: count },
				() =>
					`\n### ${zh ? `图 ${diagramNumber + 1}` : `Diagram ${diagramNumber + 1}`}\n\n\`\`\`mermaid\n${diagramSource(diagramNumber++)}\n\`\`\`\n`,
			).join('');
			report.diagrams += count;
			updateNumber++;
			report.updates++;
			const health = w % 13 === 7 ? 'off-track' : w % 5 === 3 ? 'at-risk' : 'on-track';
			const dimension = () => (health === 'on-track' ? 'on-track' : pick(['on-track', 'on-track', health]));
			const needs = Array.from(
				{ length: between(1, 4) },
				(_, index) =>
					`  - text: ${quote(sentence())}\n    owner: ${quote(pick(client))}\n    due: ${addDays(date, 7 * (index + 1))}\n    done: ${w < options.weeks - 2 && next() < 0.6}`,
			);
			const risks = Array.from(
				{ length: between(0, 3) },
				() =>
					`  - title: ${quote(sentence())}\n    level: ${pick(['low', 'medium', 'high'])}\n    mitigation: ${quote(sentence())}\n    owner: ${quote(pick(vendor))}`,
			);
			const referred = [decisions - 1, decisions].filter((number) => number >= 1 && next() < 0.5);
			write(
				path.join(dir, 'updates', `${date}.mdx`),
				`---
date: ${date}
${w % 4 === 0 ? `title: ${quote(zh ? `${pick(words.nouns)}进展顺利` : `${pick(words.nouns)} on staging`.replace(/^./, (first) => first.toUpperCase()))}\n` : ''}health: ${health}
${health !== 'on-track' ? `healthReason: ${quote(sentence())}\n` : ''}dimensions:
  schedule: ${dimension()}
  scope: ${dimension()}
  budget: ${dimension()}
  quality: ${dimension()}
summary: ${quote(paragraph(2))}
progress: ${Math.min(100, Math.round(((w + 1) / options.weeks) * 100))}
needs:
${needs.join('\n')}
risks:${risks.length ? `\n${risks.join('\n')}` : ' []'}
decisions: [${referred.join(', ')}]
milestones: [${milestoneIds[Math.min(milestoneIds.length - 1, Math.floor(w / 13))]}]
---

${heading('Done', '已完成')}

${bullets(between(4, 7))}

${heading('In progress', '进行中')}

${bullets(between(2, 4))}

${heading('Next', '下一步')}

${bullets(between(2, 4))}
${diagrams}`,
			);
		}
		for (let f = 0; f < 8; f++) {
			write(
				path.join(dir, 'faq', `question-${f + 1}.md`),
				`---\nquestion: ${quote(zh ? `问题 ${f + 1}：${pick(words.nouns)}怎么安排？` : `Question ${f + 1}: how does the ${pick(words.nouns)} work?`)}\norder: ${(f + 1) * 10}\ntags: [${pick(words.tags)}]\n---\n\n${paragraph(between(3, 6))}\n`,
			);
		}
	}
	return report;
}

/** Empties `out` for a new set, but only when it is empty or was written by this generator. */
function clearOutput(out: string): void {
	if (!existsSync(out)) return;
	const entries = readdirSync(out);
	if (entries.length && !entries.includes(MARKER))
		throw new Error(`${out} is not empty and was not written by the benchmark generator; choose an empty or new folder.`);
	rmSync(out, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			clients: { type: 'string', default: '20' },
			weeks: { type: 'string', default: '104' },
			diagrams: { type: 'string', default: '0' },
			out: { type: 'string' },
			seed: { type: 'string', default: '42' },
		},
	});
	if (!values.out) {
		process.stderr.write('Usage: npm run bench:gen -- --clients N --weeks W [--diagrams D] [--seed S] --out DIR\n');
		process.exit(1);
	}
	try {
		const report = generateContent({
			clients: Number(values.clients),
			weeks: Number(values.weeks),
			diagrams: Number(values.diagrams),
			out: values.out,
			seed: Number(values.seed),
		});
		process.stdout.write(
			`Wrote ${report.files} files into ${values.out}: ${values.clients} client(s) × ${values.weeks} week(s), ${report.updates} updates, ${report.decisions} decisions, ${report.diagrams} diagrams\n`,
		);
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n`);
		process.exit(1);
	}
}
