/**
 * Prints what diagrams cost a build: a synthetic private client with 150 ```mermaid fences
 * (30 updates × 5 diagrams of five kinds), built cold (empty diagram cache), again with the cache
 * warm, and the same content with the fences left out. Prints figures; asserts nothing.
 * Run: npm run bench:diagrams
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addDays } from '../../src/utils/calendar';
import { TEST_SECRET } from '../support/open-page';
import { ROOT } from '../support/build-site';

const UPDATES = Number(process.env.UPDATES ?? 30);
const PER_UPDATE = 5;

const DIAGRAMS = [
	(n: number) => `flowchart LR\n  A${n}["Request ${n}"] --> B{"Approved?"}\n  B -->|Yes| C["Build step ${n}"]\n  B -->|No| D["Revise ${n}"]\n  D --> A${n}`,
	(n: number) => `sequenceDiagram\n  participant Client\n  participant Agency\n  Client->>Agency: Change request ${n}\n  Agency-->>Client: Estimate for ${n}\n  Client->>Agency: Approval`,
	(n: number) => `gantt\n  dateFormat YYYY-MM-DD\n  todayMarker off\n  section Work ${n}\n  Design ${n} :a${n}, 2026-01-05, 10d\n  Build ${n} :after a${n}, 15d`,
	(n: number) => `pie title Hours in sprint ${n}\n  "Build" : ${40 + (n % 7)}\n  "Test" : 20\n  "Meetings" : 10`,
	(n: number) => `stateDiagram-v2\n  [*] --> Draft${n}\n  Draft${n} --> Review\n  Review --> Done\n  Done --> [*]`,
];

/** Writes the synthetic client; with `diagrams` false the same updates without their fences. */
function writeContent(diagrams: boolean): string {
	const dir = mkdtempSync(path.join(tmpdir(), `glasshouse-bench-${diagrams ? 'diagrams' : 'plain'}-`));
	const client = path.join(dir, 'bench');
	mkdirSync(path.join(client, 'updates'), { recursive: true });
	writeFileSync(path.join(dir, 'site.yaml'), 'agency:\n  name: Bench Agency\n');
	writeFileSync(
		path.join(client, 'client.yaml'),
		['name: Bench Client', 'project:', '  name: Bench project', '  summary: Synthetic content for timing builds.', 'start: 2026-01-02', 'plannedEnd: 2026-12-31', 'team:', '  - name: Pat Vendor', '    role: Project manager', '    side: vendor', '    email: pat@bench.example', 'access:', '  - id: team', '    label: Team', '    type: password', ''].join('\n'),
	);
	for (let update = 0; update < UPDATES; update++) {
		const date = addDays('2026-01-02', 7 * update);
		const fences = Array.from({ length: PER_UPDATE }, (_, index) => {
			const n = update * PER_UPDATE + index;
			return diagrams ? `### Diagram ${n}\n\n\`\`\`mermaid\n${DIAGRAMS[index]!(n)}\n\`\`\`\n` : `### Diagram ${n}\n\nNo diagram here.\n`;
		});
		writeFileSync(path.join(client, 'updates', `${date}.mdx`), `---\ndate: ${date}\nhealth: on-track\nsummary: Week ${update + 1} of the bench project.\n---\n\n## Done\n\n- Work\n\n${fences.join('\n')}`);
	}
	return dir;
}

function build(label: string, content: string, cache: string): { label: string; seconds: number; diagrams: string } {
	const out = mkdtempSync(path.join(tmpdir(), 'glasshouse-bench-out-'));
	const started = performance.now();
	const run = spawnSync(process.execPath, ['src/cli/bin.mjs', 'build', '--content', content, '--out', out], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_DIAGRAM_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
	});
	const seconds = (performance.now() - started) / 1000;
	if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}`);
	rmSync(out, { recursive: true, force: true });
	return { label, seconds, diagrams: /diagrams: (.+)/.exec(run.stdout)?.[1] ?? '' };
}

const plain = writeContent(false);
const withDiagrams = writeContent(true);
const cache = mkdtempSync(path.join(tmpdir(), 'glasshouse-bench-cache-'));
const results = [
	build('no diagrams, first build', plain, cache),
	build('no diagrams, rebuild', plain, cache),
	build(`${UPDATES * PER_UPDATE} diagrams, cold cache`, withDiagrams, cache),
	build(`${UPDATES * PER_UPDATE} diagrams, warm cache`, withDiagrams, cache),
];
// The temporary folders, and Astro's content cache the CLI keeps per content folder.
for (const dir of [plain, withDiagrams, cache]) {
	rmSync(dir, { recursive: true, force: true });
	rmSync(path.join(ROOT, 'node_modules', '.astro', createHash('sha256').update(dir).digest('hex').slice(0, 12)), { recursive: true, force: true });
}

process.stdout.write(`\nBuild of one private client with ${UPDATES} updates (node src/cli/bin.mjs build, wall clock)\n`);
for (const result of results) process.stdout.write(`${result.label.padEnd(34)}${result.seconds.toFixed(1).padStart(6)} s   ${result.diagrams}\n`);
