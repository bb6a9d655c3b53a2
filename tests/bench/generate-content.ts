/**
 * Deterministic synthetic content for benchmarks: `npm run bench:gen -- --clients N --weeks W --out DIR`
 * writes site.yaml and N clients (English and Chinese mixed), each with W weekly updates, a
 * decision every three weeks (some superseded), milestones and FAQ, all valid for `glasshouse check`.
 * The same arguments always give the same files (seeded pseudo-random choices).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../../src/utils/calendar';

export interface GenerateOptions {
	clients: number;
	weeks: number;
	out: string;
	/** Mermaid diagrams per update. */
	diagrams?: number;
	seed?: number;
}

const EN_WORDS = 'migration redirect template checkout invoice warehouse carrier tracking dashboard analytics accessibility payment catalogue search onboarding reporting integration staging release testing training handover audit backlog sprint content design hosting security performance'.split(' ');
const ZH_WORDS = '主数据 期初库存 物料编码 采购订单 批次管理 工单 报工 月结 凭证 权限 接口 联调 培训 上线 切换 盘点 成本核算 供应商 仓库 库位 质检 排产 对账 报表'.split(' ');

function random(seed: number) {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 0x100000000;
	};
}

export function generateContent(options: GenerateOptions): { files: number } {
	const next = random(options.seed ?? 42);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	let files = 0;
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
		files++;
	};
	rmSync(options.out, { recursive: true, force: true });
	write(path.join(options.out, 'site.yaml'), 'agency:\n  name: Benchmark Agency\n');
	for (let c = 0; c < options.clients; c++) {
		const zh = c % 3 === 2;
		const words = zh ? ZH_WORDS : EN_WORDS;
		const sentence = (length: number) => {
			const parts = Array.from({ length }, () => pick(words));
			return zh ? `${parts.join('')}已完成第 ${Math.floor(next() * 90) + 1} 项。` : `${parts.join(' ')} item ${Math.floor(next() * 900) + 1} is done.`.replace(/^./, (first) => first.toUpperCase());
		};
		const slug = `client-${String(c + 1).padStart(2, '0')}`;
		const dir = path.join(options.out, slug);
		const start = '2025-01-03';
		const end = addDays(start, options.weeks * 7 + 60);
		write(path.join(dir, 'client.yaml'), `name: ${zh ? `合成客户 ${c + 1}` : `Synthetic Client ${c + 1}`}
project:
  name: ${zh ? `系统实施 ${c + 1}` : `Platform programme ${c + 1}`}
  summary: ${sentence(12)}
locale: ${zh ? 'zh-CN' : 'en'}
start: ${start}
plannedEnd: ${end}
team:
  - name: Pat Vendor ${c + 1}
    role: Project manager
    side: vendor
    email: pm${c + 1}@agency.example
    primary: true
  - name: Jo Client ${c + 1}
    role: Sponsor
    side: client
    email: sponsor${c + 1}@client${c + 1}.example
access:
  - id: team
    label: Team password
    type: password
  - id: sponsor
    label: Sponsor link
    type: link
`);
		const milestoneIds: string[] = [];
		for (let m = 0; m < Math.max(3, Math.ceil(options.weeks / 13)); m++) {
			const id = `phase-${m + 1}`;
			const due = addDays(start, (m + 1) * 91);
			const done = addDays(due, 0) < addDays(start, options.weeks * 7 - 30);
			milestoneIds.push(id);
			write(path.join(dir, 'milestones', `${id}.yaml`), `id: ${id}
title: ${zh ? `第 ${m + 1} 阶段交付` : `Phase ${m + 1} delivered`}
phase: ${zh ? `阶段 ${Math.floor(m / 4) + 1}` : `Stage ${Math.floor(m / 4) + 1}`}
start: ${addDays(due, -90)}
due: ${due}
status: ${done ? 'done' : 'planned'}
${done ? `completed: ${due}\n` : ''}owner: Pat Vendor ${c + 1}
${m > 0 ? `dependsOn: [phase-${m}]\n` : ''}deliverables:
  - ${sentence(4)}
`);
		}
		let decisions = 0;
		const totalDecisions = Math.ceil(options.weeks / 3);
		// Every seventh decision replaces the one three before it.
		const supersededLater = (number: number) => (number + 3) % 7 === 0 && number + 3 > 4 && number + 3 <= totalDecisions;
		for (let w = 0; w < options.weeks; w++) {
			const date = addDays(start, w * 7);
			if (w % 3 === 0) {
				decisions++;
				const supersedes = decisions > 4 && decisions % 7 === 0 ? decisions - 3 : undefined;
				write(path.join(dir, 'decisions', `${String(decisions).padStart(4, '0')}-decision-${decisions}.mdx`), `---
number: ${decisions}
title: ${JSON.stringify(zh ? `决策 ${decisions}：${pick(words)}${pick(words)}` : `Decision ${decisions}: ${pick(words)} ${pick(words)}`)}
date: ${date}
status: ${supersededLater(decisions) ? 'superseded' : 'accepted'}
deciders:
  client: [Jo Client ${c + 1}]
  vendor: [Pat Vendor ${c + 1}]
tags: [${pick(['scope', 'hosting', 'data', 'design'])}]
${supersedes ? `supersedes: ${supersedes}\n` : ''}---

## ${zh ? '背景' : 'Context'}

${sentence(30)}

## ${zh ? '决定' : 'Decision'}

${sentence(20)}
`);
			}
			const diagrams = Array.from({ length: options.diagrams ?? 0 }, (_, d) => `\n\`\`\`mermaid\nflowchart LR\n  A${d}[${pick(EN_WORDS)}] --> B${d}[${pick(EN_WORDS)}]\n  B${d} --> C${d}[week ${w + 1}]\n\`\`\`\n`).join('');
			const bullets = (count: number) => Array.from({ length: count }, () => `- ${sentence(8)}`).join('\n');
			write(path.join(dir, 'updates', `${date}.mdx`), `---
date: ${date}
health: ${w % 9 === 4 ? 'at-risk' : 'on-track'}
${w % 9 === 4 ? `healthReason: ${sentence(8)}\n` : ''}summary: ${sentence(18)}
progress: ${Math.min(100, Math.round((w / options.weeks) * 100))}
needs:
  - text: ${sentence(6)}
    owner: Jo Client ${c + 1}
    due: ${addDays(date, 7)}
    done: ${w % 2 === 0}
risks:
  - title: ${sentence(6)}
    level: ${pick(['low', 'medium', 'high'])}
    mitigation: ${sentence(10)}
decisions: [${w >= 3 ? Math.max(1, decisions - 1) : ''}]
milestones: [${milestoneIds[Math.min(milestoneIds.length - 1, Math.floor(w / 13))]}]
---

## ${zh ? '已完成' : 'Done'}

${bullets(5)}

## ${zh ? '进行中' : 'In progress'}

${bullets(3)}

## ${zh ? '下一步' : 'Next'}

${bullets(3)}
${diagrams}`);
		}
		for (let f = 0; f < 6; f++) {
			write(path.join(dir, 'faq', `question-${f + 1}.md`), `---\nquestion: ${JSON.stringify(zh ? `问题 ${f + 1}：${pick(words)}？` : `Question ${f + 1}: how does ${pick(words)} work?`)}\norder: ${f + 1}\n---\n\n${sentence(25)}\n`);
		}
	}
	return { files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({ options: { clients: { type: 'string', default: '20' }, weeks: { type: 'string', default: '104' }, diagrams: { type: 'string', default: '0' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } } });
	if (!values.out) {
		process.stderr.write('Usage: npm run bench:gen -- --clients N --weeks W [--diagrams D] --out DIR\n');
		process.exit(1);
	}
	const { files } = generateContent({ clients: Number(values.clients), weeks: Number(values.weeks), diagrams: Number(values.diagrams), out: values.out, seed: Number(values.seed) });
	process.stdout.write(`Wrote ${files} files for ${values.clients} client(s) × ${values.weeks} week(s) into ${values.out}\n`);
}
