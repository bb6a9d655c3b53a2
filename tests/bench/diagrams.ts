/**
 * Prints what diagrams cost a build: a synthetic private client with 150 ```mermaid fences
 * (30 updates × 5 diagrams of five kinds), built cold (empty diagram cache), again with the cache
 * warm, and the same content with the fences left out. Prints figures; asserts nothing.
 * Run: npm run bench:diagrams
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { addDays } from '@/lib/calendar';
import { TEST_SECRET } from '../support/open-page';
import { ROOT } from '../support/build-site';
import { DIAGRAM_SOURCES } from './support/diagram-sources';

const UPDATES = Number(process.env.UPDATES ?? 30);
const PER_UPDATE = DIAGRAM_SOURCES.length;

/** Writes the synthetic client; with `diagrams` false the same updates without their fences. */
function writeContent(diagrams: boolean): string {
	const dir = mkdtempSync(path.join(tmpdir(), `glasshouse-bench-${diagrams ? 'diagrams' : 'plain'}-`));
	const client = path.join(dir, 'bench');
	mkdirSync(path.join(client, 'updates'), { recursive: true });
	writeFileSync(path.join(dir, 'site.yaml'), 'agency:\n  name: Bench Agency\n');
	writeFileSync(
		path.join(client, 'client.yaml'),
		[
			'name: Bench Client',
			'project:',
			'  name: Bench project',
			'  summary: Synthetic content for timing builds.',
			'start: 2026-01-02',
			'plannedEnd: 2026-12-31',
			'team:',
			'  - name: Pat Vendor',
			'    role: Project manager',
			'    side: vendor',
			'    email: pat@bench.example',
			'access:',
			'  - id: team',
			'    label: Team',
			'    type: password',
			'',
		].join('\n'),
	);
	for (let update = 0; update < UPDATES; update++) {
		const date = addDays('2026-01-02', 7 * update);
		const fences = Array.from({ length: PER_UPDATE }, (_, index) => {
			const n = update * PER_UPDATE + index;
			return diagrams
				? `### Diagram ${n}\n\n\`\`\`mermaid\n${DIAGRAM_SOURCES[index]!(n)}\n\`\`\`\n`
				: `### Diagram ${n}\n\nNo diagram here.\n`;
		});
		writeFileSync(
			path.join(client, 'updates', `${date}.mdx`),
			`---\ndate: ${date}\nhealth: on-track\nsummary: Week ${update + 1} of the bench project.\n---\n\n## Done\n\n- Work\n\n${fences.join('\n')}`,
		);
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
	rmSync(astroCacheDir(ROOT, dir), { recursive: true, force: true });
}

process.stdout.write(`\nBuild of one private client with ${UPDATES} updates (node src/cli/bin.mjs build, wall clock)\n`);
for (const result of results)
	process.stdout.write(`${result.label.padEnd(34)}${result.seconds.toFixed(1).padStart(6)} s   ${result.diagrams}\n`);
