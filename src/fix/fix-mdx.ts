import { compile } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import { undefinedNames } from '@/check/undefined-names';

/** One rewrite made to a body, on its line (1-based, in the body). */
export interface MdxFix {
	line: number;
	/** What was rewritten, in plain words ("<https://…> autolink → [text](url)"). */
	what: string;
}

/** The outcome of fixing one MDX body. */
export interface FixedBody {
	/** The body with every pitfall that has a safe rewrite rewritten; as many lines as before. */
	body: string;
	fixes: MdxFix[];
	/** Line of an error no safe rewrite exists for (the body still fails there), if any. */
	unfixedLine?: number;
	/** True when the fixed body uses no import, component or expression: it could be plain Markdown. */
	needsNoComponents: boolean;
}

/** More rewrites than this in one body means something keeps failing in a way not foreseen. */
const MAX_ROUNDS = 500;

/**
 * Rewrites the MDX pitfalls of text pasted from plain Markdown into their safe forms, the ones
 * `glasshouse check` names: `<https://…>` → `[https://…](https://…)`, `<!-- … -->` → `{/* … *\/}`,
 * a bare `<tag>` or `<Component>` that is no component → `\<tag>`, a literal `{…}` → `\{…\}`.
 * It is guided by the MDX compiler itself: the body is compiled, the one error it reports is
 * rewritten at its place, and so on until the body compiles and names nothing undefined (or an
 * error has no safe rewrite). Rewrites never add or remove a line, so every line number the check
 * printed still holds, and text the parser accepts (code, links, valid components) is untouched.
 */
export async function fixMdxBody(body: string): Promise<FixedBody> {
	let text = body;
	const fixes: MdxFix[] = [];
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const outcome = await compileForFix(text);
		if ('error' in outcome) {
			const rewritten = rewriteSyntaxError(text, outcome.error);
			if (!rewritten || rewritten.text === text) return { body: text, fixes, unfixedLine: outcome.error.line, needsNoComponents: false };
			fixes.push({ line: outcome.error.line, what: rewritten.what });
			text = rewritten.text;
			continue;
		}
		if (outcome.undefined.length === 0) return { body: text, fixes, needsNoComponents: outcome.plain };
		// From the end, so the offsets of the earlier ones stay right.
		const before = text;
		for (const name of [...outcome.undefined].sort((a, b) => b.start - a.start)) {
			const rewritten = escapeUndefined(text, name);
			if (rewritten === text) continue;
			const replaced = rewritten.slice(name.start, name.end + rewritten.length - text.length);
			fixes.push({
				line: lineAt(before, name.start),
				what:
					name.kind === 'component'
						? `<${name.name}> (no such component) → \\<${name.name}>`
						: `${text.slice(name.start, name.end)} → ${replaced}`.replace(/\n[\s\S]*→/, '… →'),
			});
			text = rewritten;
		}
		if (text === before) return { body: text, fixes, unfixedLine: lineAt(text, outcome.undefined[0]!.start), needsNoComponents: false };
	}
	return { body: text, fixes, unfixedLine: 1, needsNoComponents: false };
}

interface SyntaxError {
	line: number;
	/** Offset in the body where the parser points. */
	offset: number;
	reason: string;
	rule?: string;
}

interface UndefinedUse {
	name: string;
	kind: 'expression' | 'component';
	/** Offsets of the expression or element in the body. */
	start: number;
	end: number;
}

type Outcome = { error: SyntaxError } | { undefined: UndefinedUse[]; plain: boolean };

async function compileForFix(text: string): Promise<Outcome> {
	let found: UndefinedUse[] = [];
	let plain = true;
	try {
		await compile(text, {
			format: 'mdx',
			remarkPlugins: [
				() => (tree: Root) => {
					found = undefinedUses(tree);
					plain = !usesMdx(tree);
				},
			],
		});
	} catch (error) {
		const { place, reason, ruleId } = error as {
			place?: { line?: number; offset?: number; start?: { line?: number; offset?: number } };
			reason?: string;
			ruleId?: string;
		};
		// "Expected a closing tag for `<command>` (13:5-13:14)": the tag is where the reason says.
		const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason ?? '');
		const line = named ? Number(named[1]) : (place?.line ?? place?.start?.line ?? 1);
		const offset = named ? offsetOf(text, line, Number(named[2])) : (place?.offset ?? place?.start?.offset ?? offsetOf(text, line, 1));
		return { error: { line, offset, reason: reason ?? String(error), ...(ruleId ? { rule: ruleId } : {}) } };
	}
	return { undefined: found, plain };
}

/** The check's undefined names, with the offsets of the nodes that use them. */
function undefinedUses(tree: Root): UndefinedUse[] {
	const uses: UndefinedUse[] = [];
	const names = undefinedNames(tree);
	const walk = (node: Nodes) => {
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		const line = node.position?.start.line;
		if (start !== undefined && end !== undefined)
			for (const name of names) {
				if (name.line !== line) continue;
				const isExpression = node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression';
				const isElement = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
				if (name.kind === 'expression' && isExpression && new RegExp(`\\b${name.name}\\b`).test(node.value))
					uses.push({ name: name.name, kind: name.kind, start, end });
				if (name.kind === 'component' && isElement && node.name?.split('.')[0] === name.name)
					uses.push({ name: name.name, kind: name.kind, start, end });
			}
		if ('children' in node) node.children.forEach(walk);
	};
	walk(tree);
	// One rewrite per node, even when it names several undefined things (`{fast, cheap}`).
	return uses.filter((use, index) => uses.findIndex((other) => other.start === use.start) === index);
}

/** Whether a tree uses anything only MDX has: imports, exports, components, expressions other than comments. */
function usesMdx(tree: Root): boolean {
	let uses = false;
	const walk = (node: Nodes) => {
		if (node.type === 'mdxjsEsm' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') uses = true;
		if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value))
			uses = true;
		if ('children' in node) node.children.forEach(walk);
	};
	walk(tree);
	return uses;
}

/** `{TBD}` → `\{TBD\}` (every brace in it); `<Chart />` → `\<Chart />`, and its closing tag likewise. */
function escapeUndefined(text: string, use: UndefinedUse): string {
	const slice = text.slice(use.start, use.end);
	let fixed: string;
	if (use.kind === 'expression') fixed = slice.replace(/(?<!\\)([{}])/g, '\\$1');
	else {
		fixed = `\\${slice}`;
		const closing = `</${slice.match(/^<([\w.:-]+)/)?.[1] ?? ''}>`;
		if (slice.endsWith(closing)) fixed = `${fixed.slice(0, fixed.length - closing.length)}\\${closing}`;
	}
	return text.slice(0, use.start) + fixed + text.slice(use.end);
}

/** The safe rewrite for the syntax error the compiler reported, or undefined when there is none. */
function rewriteSyntaxError(text: string, error: SyntaxError): { text: string; what: string } | undefined {
	const lineStart = offsetOf(text, error.line, 1);
	const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
	const line = text.slice(lineStart, lineEnd);
	const at = Math.max(0, Math.min(error.offset, lineEnd) - lineStart);
	const replaceInLine = (from: number, to: number, by: string) => text.slice(0, lineStart + from) + by + text.slice(lineStart + to);

	// The `<` the error belongs to: the last one at or before where the parser points.
	const opening = line.lastIndexOf('<', at);
	if (opening !== -1 && line[opening - 1] !== '\\') {
		const rest = line.slice(opening);
		const autolink = /^<((?:https?|ftp|mailto):[^\s<>]*)>/i.exec(rest);
		if (autolink)
			return {
				text: replaceInLine(opening, opening + autolink[0].length, `[${autolink[1]}](${autolink[1]})`),
				what: `<${autolink[1]}> → [${autolink[1]}](${autolink[1]})`,
			};
		const email = /^<([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/.exec(rest);
		if (email)
			return {
				text: replaceInLine(opening, opening + email[0].length, `[${email[1]}](mailto:${email[1]})`),
				what: `<${email[1]}> → [${email[1]}](mailto:${email[1]})`,
			};
		if (rest.startsWith('<!--')) {
			const start = lineStart + opening;
			const close = text.indexOf('-->', start + 4);
			if (close === -1) return undefined;
			// `*/` inside would end the MDX comment early.
			const inside = text.slice(start + 4, close).replace(/\*\//g, '* /');
			return { text: `${text.slice(0, start)}{/*${inside}*/}${text.slice(close + 3)}`, what: '<!-- … --> → {/* … */}' };
		}
		if (error.rule !== 'acorn') {
			const tag = /^<\/?[A-Za-z][\w.:-]*>?/.exec(rest)?.[0];
			return { text: replaceInLine(opening, opening, '\\'), what: tag ? `${tag} → \\${tag}` : 'a literal < → \\<' };
		}
	}
	if (error.rule === 'acorn' || /expression/i.test(error.reason)) {
		const brace = lastUnescaped(text, '{', lineStart + at);
		if (brace === -1) return undefined;
		const close = matchingBrace(text, brace);
		const end = close === -1 ? brace + 1 : close + 1;
		const fixed = text.slice(brace, end).replace(/(?<!\\)([{}])/g, '\\$1');
		return {
			text: text.slice(0, brace) + fixed + text.slice(end),
			what: `${text.slice(brace, end)} → ${fixed}`.replace(/\n[\s\S]*→/, '… →'),
		};
	}
	return undefined;
}

/** The last `char` at or before `offset` that no backslash escapes, or -1. */
function lastUnescaped(text: string, char: string, offset: number): number {
	for (let index = Math.min(offset, text.length - 1); index >= 0; index--)
		if (text[index] === char && text[index - 1] !== '\\') return index;
	return -1;
}

/** The `}` closing the `{` at `open`, counting nested pairs, or -1. */
function matchingBrace(text: string, open: number): number {
	let depth = 0;
	for (let index = open; index < text.length; index++) {
		if (text[index - 1] === '\\') continue;
		if (text[index] === '{') depth++;
		if (text[index] === '}' && --depth === 0) return index;
	}
	return -1;
}

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
	let offset = 0;
	for (let current = 1; current < line; current++) {
		const next = text.indexOf('\n', offset);
		if (next === -1) return text.length;
		offset = next + 1;
	}
	return offset + column - 1;
}

/** 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
	return text.slice(0, offset).split('\n').length;
}
