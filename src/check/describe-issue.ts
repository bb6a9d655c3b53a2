import type { ZodIssue } from 'zod';

/** Turns a Zod issue into "expected …, found …" wording, quoting what the file actually holds. */
export function describeIssue(issue: ZodIssue, input: unknown): { path: Array<string | number>; message: string }[] {
	const found = describeValue(valueAt(input, issue.path));
	switch (issue.code) {
		case 'invalid_type':
			if (issue.expected === 'undefined') return [{ path: issue.path, message: issue.message }];
			return [
				{
					path: issue.path,
					message:
						issue.received === 'undefined'
							? `expected ${article(issue.expected)}, found nothing (the field is required)`
							: `expected ${article(issue.expected)}, found ${found}`,
				},
			];
		case 'invalid_enum_value':
			return [
				{ path: issue.path, message: `expected one of ${issue.options.map((option) => `"${String(option)}"`).join(', ')}, found ${found}` },
			];
		case 'invalid_literal':
			return [{ path: issue.path, message: `expected ${JSON.stringify(issue.expected)}, found ${found}` }];
		case 'unrecognized_keys':
			return issue.keys.map((key) => ({
				path: [...issue.path, key],
				message: 'expected a known field, found an unknown one (check the spelling against the docs)',
			}));
		case 'too_small':
			if (issue.type === 'array')
				return [
					{
						path: issue.path,
						message: issue.message.startsWith('expected')
							? `${issue.message}, found ${found}`
							: `expected at least ${issue.minimum} item(s), found ${found}`,
					},
				];
			if (issue.type === 'string')
				return [
					{
						path: issue.path,
						message: issue.message.startsWith('expected')
							? `${issue.message}`
							: `expected at least ${issue.minimum} characters, found ${found}`,
					},
				];
			return [
				{ path: issue.path, message: `expected ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, found ${found}` },
			];
		case 'too_big':
			if (issue.type === 'string')
				return [
					{
						path: issue.path,
						message: issue.message.startsWith('expected')
							? `${issue.message.replace(/\)$/, '')}, found ${String(valueAt(input, issue.path)).length} characters)`
							: `expected at most ${issue.maximum} characters, found ${found}`,
					},
				];
			if (issue.type === 'array') return [{ path: issue.path, message: `expected at most ${issue.maximum} item(s), found ${found}` }];
			return [
				{ path: issue.path, message: `expected ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, found ${found}` },
			];
		case 'invalid_string':
			if (issue.validation === 'email') return [{ path: issue.path, message: `expected an email address, found ${found}` }];
			if (issue.validation === 'url') return [{ path: issue.path, message: `expected a URL starting with https://, found ${found}` }];
			return [
				{
					path: issue.path,
					message: issue.message.startsWith('expected') ? `${issue.message}, found ${found}` : `expected ${issue.message}, found ${found}`,
				},
			];
		case 'invalid_union_discriminator':
			return [
				{ path: issue.path, message: `expected one of ${issue.options.map((option) => `"${String(option)}"`).join(', ')}, found ${found}` },
			];
		case 'invalid_union': {
			// Report the branch the value was meant for: the one that got past the type check.
			const typeOnly = (branch: { issues: ZodIssue[] }) =>
				branch.issues.every((inner) => inner.code === 'invalid_type' && inner.path.length === issue.path.length);
			const meant = issue.unionErrors.find((branch) => !typeOnly(branch));
			if (meant) return meant.issues.flatMap((inner) => describeIssue(inner, input));
			const expected = [
				...new Set(
					issue.unionErrors.flatMap((branch) => branch.issues.map((inner) => (inner.code === 'invalid_type' ? inner.expected : ''))),
				),
			].filter(Boolean);
			// The date field is a union of a string and a YAML date; name it as a date.
			if (expected.includes('date')) return [{ path: issue.path, message: `expected a date as YYYY-MM-DD, found ${found}` }];
			return [{ path: issue.path, message: `expected ${expected.map(article).join(' or ')}, found ${found}` }];
		}
		case 'not_finite':
		case 'not_multiple_of':
			return [{ path: issue.path, message: `expected a whole number, found ${found}` }];
		default:
			return [
				{
					path: issue.path,
					message:
						issue.message.startsWith('expected') || issue.message.startsWith('is not')
							? issue.message
							: `expected ${issue.message}, found ${found}`,
				},
			];
	}
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
	let value = input;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string | number, unknown>)[segment];
	}
	return value;
}

/** A short, quoted rendering of a YAML value for messages. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'an empty value';
	if (typeof value === 'string') return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') return 'a group of fields';
	return String(value);
}

function article(type: string): string {
	const names: Record<string, string> = {
		string: 'text',
		number: 'a number',
		integer: 'a whole number',
		boolean: 'true or false',
		array: 'a list',
		object: 'a group of fields',
		date: 'a date',
	};
	return names[type] ?? type;
}

/**
 * Says an MDX syntax error in plain words and ends with its fix: MDX reads `<` as the start of a
 * component and `{` as the start of JavaScript, so text pasted from plain Markdown often trips it.
 * `line` is the text of the line the error is on.
 */
export function describeMdxError(reason: string, rule: string | undefined, line: string): string {
	// The parser's own "(note: …)" is replaced by the fix below.
	const what = reason.replace(/\s*\(note: .*\)$/, '');
	return `expected valid MDX, found an error: ${what}; ${mdxFix(what, rule, line)}, or rename the file to .md if it needs no components`;
}

function mdxFix(reason: string, rule: string | undefined, line: string): string {
	const autolink = /<((?:https?|mailto):[^>\s]+)>/.exec(line);
	if (autolink) return `write the link as [text](${autolink[1]}) instead of <${autolink[1]}>`;
	if (line.includes('<!--')) return 'write the comment as {/* … */} instead of <!-- … -->';
	const tag = /`<([^>`\s]+)>`/.exec(reason) ?? /<([A-Za-z][\w.:-]*)[^>]*>/.exec(line);
	if (rule === 'end-tag-mismatch' || rule === 'end-tag-mismatched' || (tag && /tag|name/.test(reason)))
		return `escape the tag as \\<${tag?.[1] ?? 'tag'}> or put it in backticks, or close it if it is an HTML element`;
	if (rule === 'acorn' || /expression/.test(reason))
		return 'braces start a JavaScript expression in MDX: write a literal brace as \\{ (and \\}) or put it in backticks';
	if (line.includes('<')) return 'write a literal < as \\< or put it in backticks';
	return 'see https://mdxjs.com/docs/troubleshooting-mdx/';
}
