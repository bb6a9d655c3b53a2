import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '@/cli/index';
import { memoryOutput } from '@/cli/output';
import { checkContent } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { parseSource } from '@/loader/source-file';
import { ROOT } from './build-site';

export const DEMO_CONTENT = path.join(ROOT, 'content');
export const MINIMAL_CONTENT = path.join(ROOT, 'tests/fixtures/minimal/content');
/** Two small clients (English, Chinese) with meetings, change requests, risks and milestones. */
export const RECORDS_CONTENT = path.join(ROOT, 'tests/fixtures/records/content');

/** A private copy of a content folder, so commands can write into it. */
export function copyContent(source = DEMO_CONTENT): string {
	const dir = path.join(mkdtempSync(path.join(tmpdir(), 'glasshouse-cli-')), 'content');
	cpSync(source, dir, { recursive: true });
	return dir;
}

/**
 * Gives every test of the calling file its own copy of the demo content (handed to `use`) on
 * Sunday 22 November 2026, when both demo clients last reported on Friday 20 November.
 */
export function freshDemoCopyEachTest(use: (content: string) => void): void {
	freshCopyEachTest(DEMO_CONTENT, '2026-11-22', use);
}

/** Gives every test of the calling file its own copy of `source` (handed to `use`), with GLASSHOUSE_TODAY set to `today`. */
export function freshCopyEachTest(source: string, today: string, use: (content: string) => void): void {
	let content = '';
	beforeEach(() => {
		content = copyContent(source);
		use(content);
		vi.stubEnv('GLASSHOUSE_TODAY', today);
	});
	afterEach(() => {
		vi.unstubAllEnvs();
		rmSync(path.dirname(content), { recursive: true, force: true });
	});
}

/** Runs the CLI in-process against `content`, as `glasshouse <args> --content <content>`. */
export async function cli(content: string, args: string[], answers?: string[]) {
	const output = memoryOutput(answers);
	const code = await main([...args, '--content', content], output);
	return { code, text: output.lines.join('\n'), lines: output.lines };
}

/** Frontmatter and body of a written file, parsed as the checker parses it. */
export function readContentFile(file: string): { data: Record<string, unknown>; body: string; text: string } {
	const text = readFileSync(file, 'utf8');
	const source = parseSource(text, file);
	return { data: source.data as Record<string, unknown>, body: source.body, text };
}

/** Every error `glasshouse check` reports for the folder, formatted (expected: none). */
export async function checkErrors(content: string, today = '2026-11-22'): Promise<string[]> {
	const result = await checkContent(content, { today, displayRoot: path.dirname(content) });
	return result.errors.map(formatProblem);
}
