/**
 * The JSDoc of every field of a content schema, read from the TypeScript source with the compiler
 * API and keyed by the field's path (`team.name`, `access.passwordEnv`): the same paths the Zod
 * walk in field-tables.ts produces, with list levels left out. Identifiers are followed through
 * imports (`team: z.array(ContactSchema)` reads ContactSchema's fields where it is declared), so a
 * field is documented once, next to its schema, and nowhere else.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A declaration's JSDoc and the field paths under it. */
export interface SchemaComments {
	/** The JSDoc of the schema's own declaration (or of the schema it is derived from). */
	summary: string;
	/** Field path (`project.objectives`) → the JSDoc written on that field. */
	fields: Map<string, string>;
}

interface Declaration {
	file: string;
	initializer: ts.Expression;
	doc: string;
}

const sources = new Map<string, ts.SourceFile>();

function sourceOf(file: string): ts.SourceFile {
	let source = sources.get(file);
	if (!source) {
		source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		sources.set(file, source);
	}
	return source;
}

/** The comment text of a node's JSDoc, on one line. */
function jsDocOf(node: ts.Node): string {
	return ts
		.getJSDocCommentsAndTags(node)
		.filter(ts.isJSDoc)
		.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
		.join(' ')
		.replace(/\s*\n\s*/g, ' ')
		.trim();
}

/** `@/kinds/common` or `./access` from `file` → the TypeScript file it names. */
function resolveImport(specifier: string, file: string, srcDir: string): string | undefined {
	const base = specifier.startsWith('@/')
		? path.join(srcDir, specifier.slice(2))
		: specifier.startsWith('.')
			? path.resolve(path.dirname(file), specifier)
			: undefined;
	if (!base) return undefined;
	return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Where `name`, as used in `file`, is declared: in the file itself, or in the file it is imported from. */
function findDeclaration(name: string, file: string, srcDir: string): Declaration | undefined {
	const source = sourceOf(file);
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer)
					return { file, initializer: declaration.initializer, doc: jsDocOf(declaration) };
			}
		}
		if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
			const bindings = statement.importClause?.namedBindings;
			if (!bindings || !ts.isNamedImports(bindings)) continue;
			const element = bindings.elements.find((candidate) => candidate.name.text === name);
			if (!element) continue;
			const target = resolveImport(statement.moduleSpecifier.text, file, srcDir);
			if (target) return findDeclaration((element.propertyName ?? element.name).text, target, srcDir);
		}
	}
	return undefined;
}

/** The identifier a chain like `UpdateObjectSchema.superRefine(rules)` or `TextSchema.optional()` starts from. */
function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
	if (ts.isIdentifier(expression)) return expression;
	if (ts.isCallExpression(expression)) return rootIdentifier(expression.expression);
	if (ts.isPropertyAccessExpression(expression)) return rootIdentifier(expression.expression);
	return undefined;
}

/** Reads the JSDoc of the schema declared as `name` in `file` and of every field under it. */
export function schemaComments(file: string, name: string, srcDir: string): SchemaComments {
	const declaration = findDeclaration(name, file, srcDir);
	if (!declaration) throw new Error(`${path.relative(process.cwd(), file)} declares no ${name}`);
	const fields = new Map<string, string>();
	const visiting = new Set<ts.Node>();

	const record = (key: string, doc: string) => {
		const known = fields.get(key);
		// The same field in two options of a union (an access entry's `id`) is documented once.
		if (known === undefined || known === '') fields.set(key, doc);
		else if (doc && !known.includes(doc)) fields.set(key, `${known} ${doc}`);
	};

	function properties(literal: ts.ObjectLiteralExpression, at: string, prefix: string) {
		for (const property of literal.properties) {
			if (ts.isSpreadAssignment(property)) {
				const spread = ts.isIdentifier(property.expression) ? findDeclaration(property.expression.text, at, srcDir) : undefined;
				if (spread && ts.isObjectLiteralExpression(spread.initializer)) properties(spread.initializer, spread.file, prefix);
				continue;
			}
			if (!ts.isPropertyAssignment(property)) continue;
			const key = prefix + property.name.getText(property.getSourceFile()).replace(/^['"]|['"]$/g, '');
			record(key, jsDocOf(property));
			visit(property.initializer, at, `${key}.`);
		}
	}

	function visit(node: ts.Expression, at: string, prefix: string) {
		if (visiting.has(node)) return;
		visiting.add(node);
		if (ts.isIdentifier(node)) {
			const found = findDeclaration(node.text, at, srcDir);
			if (found) visit(found.initializer, found.file, prefix);
		} else if (ts.isCallExpression(node)) {
			const callee = node.expression;
			const literal = node.arguments[0];
			if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'object' && literal && ts.isObjectLiteralExpression(literal))
				properties(literal, at, prefix);
			else for (const argument of node.arguments) visit(argument, at, prefix);
			visit(callee, at, prefix);
		} else if (ts.isPropertyAccessExpression(node)) {
			visit(node.expression, at, prefix);
		} else if (ts.isArrayLiteralExpression(node)) {
			for (const element of node.elements) visit(element, at, prefix);
		} else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
			visit(node.expression, at, prefix);
		}
		visiting.delete(node);
	}

	visit(declaration.initializer, declaration.file, '');
	let summary = declaration.doc;
	if (!summary) {
		// `UpdateSchema = UpdateObjectSchema.superRefine(updateRules)`: the comment is on the object.
		const root = rootIdentifier(declaration.initializer);
		summary = (root && findDeclaration(root.text, declaration.file, srcDir)?.doc) ?? '';
	}
	return { summary, fields };
}
