/**
 * One SVG for both colour schemes, when Mermaid drew the light and the dark rendering alike but for
 * the colours in their stylesheets (Gantt charts and timelines, the diagrams every overview and
 * decisions page carries). Mermaid's stylesheet is about 7 to 14 kB a drawing, and a page that
 * carries both drawings sends it twice: on the overview, this was a third of the page's gzipped
 * bytes, and so of the encrypted shell a visitor waits for before unlocking.
 *
 * Every value that differs between the two stylesheets becomes a custom property, set on the
 * drawing's root element for the light scheme and overridden for a dark screen:
 *   `#root .task{fill:var(--gh-c3)}`, `#root{--gh-c3:#e2e8f0}`,
 *   `@media screen and (prefers-color-scheme: dark){#root{--gh-c3:#334155}}`.
 * Every declaration stays in its place, so the cascade between Mermaid's rules is exactly what
 * each rendering had. Paper is white: print keeps the light colours (`screen`), as the site's
 * print stylesheet does for drawings that stay separate.
 *
 * Anything else that differs (markup, a colour in an attribute, a rule only one stylesheet has,
 * a property or `!important` on one side only, an at-rule's contents) and there is no merging:
 * `undefined`, and the page carries both drawings as before.
 */
export function oneDrawing(light: string, dark: string, rootId: string): string | undefined {
	const lightStyle = onlyStyle(light);
	const darkStyle = onlyStyle(dark);
	if (!lightStyle || !darkStyle) return undefined;
	// Everything but the stylesheet must be the same, byte for byte.
	if (light.slice(0, lightStyle.start) !== dark.slice(0, darkStyle.start) || light.slice(lightStyle.end) !== dark.slice(darkStyle.end))
		return undefined;
	const lightBlocks = topLevelBlocks(lightStyle.css);
	const darkBlocks = topLevelBlocks(darkStyle.css);
	if (!lightBlocks || !darkBlocks || lightBlocks.length !== darkBlocks.length) return undefined;

	/** One custom property per pair of values (light, dark): the text colour appears in dozens of rules. */
	const properties = new Map<string, { name: string; light: string; dark: string }>();
	const merged: string[] = [];
	for (const [index, block] of lightBlocks.entries()) {
		const other = darkBlocks[index]!;
		if (block.prelude !== other.prelude) return undefined;
		if (block.body === other.body) {
			merged.push(`${block.prelude}{${block.body}}`);
			continue;
		}
		// An at-rule (`@keyframes`) holds rules of its own: not taken apart.
		if (block.nested || other.nested) return undefined;
		const lightDeclarations = declarations(block.body);
		const darkDeclarations = declarations(other.body);
		if (!lightDeclarations || !darkDeclarations || lightDeclarations.length !== darkDeclarations.length) return undefined;
		const body: string[] = [];
		for (const [at, declaration] of lightDeclarations.entries()) {
			const counterpart = darkDeclarations[at]!;
			if (declaration.property !== counterpart.property || declaration.important !== counterpart.important) return undefined;
			if (declaration.value === counterpart.value) {
				body.push(declaration.text);
				continue;
			}
			// A custom property's own value, or one already holding var(): left to a drawing of its own.
			if (declaration.property.startsWith('--') || /var\(/i.test(declaration.value + counterpart.value)) return undefined;
			const pair = JSON.stringify([declaration.value, counterpart.value]);
			let property = properties.get(pair);
			if (!property) {
				property = { name: `--gh-c${properties.size}`, light: declaration.value, dark: counterpart.value };
				properties.set(pair, property);
			}
			body.push(`${declaration.property}:var(${property.name})${declaration.important ? '!important' : ''}`);
		}
		merged.push(`${block.prelude}{${body.join(';')}}`);
	}
	if (properties.size === 0) return light;
	const root = `#${rootId}`;
	const values = (scheme: 'light' | 'dark') => [...properties.values()].map((property) => `${property.name}:${property[scheme]}`).join(';');
	const css = `${root}{${values('light')}}${merged.join('')}@media screen and (prefers-color-scheme: dark){${root}{${values('dark')}}}`;
	return light.slice(0, lightStyle.start) + css + light.slice(lightStyle.end);
}

/** Where the one `<style>` element's text is, if the SVG has exactly one. */
function onlyStyle(svg: string): { start: number; end: number; css: string } | undefined {
	const styles = [...svg.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
	if (styles.length !== 1) return undefined;
	const [whole, css] = styles[0] as unknown as [string, string];
	const start = styles[0]!.index! + whole.indexOf('>') + 1;
	return { start, end: start + css.length, css };
}

interface Block {
	prelude: string;
	body: string;
	/** Whether the body holds blocks of its own (an at-rule such as `@keyframes`). */
	nested: boolean;
}

/**
 * The stylesheet's top-level rules, or `undefined` if it is not the flat, well-formed CSS Mermaid
 * writes (stray braces, an unterminated string or comment): nothing is merged from CSS not fully
 * understood. Braces inside strings and comments are skipped.
 */
function topLevelBlocks(css: string): Block[] | undefined {
	const blocks: Block[] = [];
	let depth = 0;
	let preludeStart = 0;
	let bodyStart = 0;
	let nested = false;
	for (let index = 0; index < css.length; index++) {
		const char = css[index]!;
		if (char === '"' || char === "'") {
			const close = css.indexOf(char, index + 1);
			if (close < 0) return undefined;
			index = close;
		} else if (char === '/' && css[index + 1] === '*') {
			const close = css.indexOf('*/', index + 2);
			if (close < 0) return undefined;
			index = close + 1;
		} else if (char === '{') {
			if (depth === 0) bodyStart = index + 1;
			else nested = true;
			depth++;
		} else if (char === '}') {
			if (depth === 0) return undefined;
			depth--;
			if (depth === 0) {
				blocks.push({ prelude: css.slice(preludeStart, bodyStart - 1), body: css.slice(bodyStart, index), nested });
				preludeStart = index + 1;
				nested = false;
			}
		}
	}
	// Anything after the last rule but white space is not understood.
	return depth === 0 && css.slice(preludeStart).trim() === '' ? blocks : undefined;
}

interface Declaration {
	text: string;
	property: string;
	value: string;
	important: boolean;
}

/** A rule's declarations, split at semicolons outside strings and parentheses; `undefined` if one is malformed. */
function declarations(body: string): Declaration[] | undefined {
	const parts: string[] = [];
	let start = 0;
	let parentheses = 0;
	for (let index = 0; index < body.length; index++) {
		const char = body[index]!;
		if (char === '"' || char === "'") {
			const close = body.indexOf(char, index + 1);
			if (close < 0) return undefined;
			index = close;
		} else if (char === '(') parentheses++;
		else if (char === ')') parentheses--;
		else if (char === ';' && parentheses === 0) {
			parts.push(body.slice(start, index));
			start = index + 1;
		}
	}
	parts.push(body.slice(start));
	const result: Declaration[] = [];
	for (const text of parts) {
		if (text.trim() === '') continue;
		const match = /^\s*(--[\w-]+|-?[A-Za-z][\w-]*)\s*:([\s\S]*?)(\s*!\s*important)?\s*$/i.exec(text);
		if (!match) return undefined;
		result.push({ text, property: match[1]!.toLowerCase(), value: match[2]!.trim(), important: match[3] !== undefined });
	}
	return result;
}
