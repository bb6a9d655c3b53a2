import type { Node as EstreeNode, Program } from 'estree';
import type { Nodes, Root } from 'mdast';

/** A name an MDX body uses without importing or defining it; the build fails on it ("TBD is not defined"). */
export interface UndefinedName {
	/** Line in the body (1-based). */
	line: number;
	name: string;
	kind: 'expression' | 'component';
}

/**
 * Names every MDX body may use without importing them: the page's props, the front matter Astro
 * exports, the components map, and JavaScript's own globals (`Math`, `Date`…).
 */
const PROVIDED = new Set(['props', 'frontmatter', 'components', 'undefined', 'NaN', 'Infinity']);

/**
 * Walks a compiled MDX tree for `{expressions}` and `<Components>` that name something neither
 * imported nor exported by the body itself: MDX compiles them, and the page fails only when it
 * renders. Markdown (`.md`) trees hold no such nodes, so they never have any.
 */
export function undefinedNames(tree: Root): UndefinedName[] {
	const defined = new Set<string>();
	const uses: Array<{ line: number; program: Program } | { line: number; component: string }> = [];
	const walk = (node: Nodes) => {
		const line = node.position?.start.line ?? 1;
		if (node.type === 'mdxjsEsm' && node.data?.estree) for (const name of declaredNames(node.data.estree)) defined.add(name);
		if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && node.data?.estree)
			uses.push({ line, program: node.data.estree });
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			// Lower-case names are HTML elements; `<Foo>` and `<foo.Bar>` are components.
			const root = node.name?.split('.')[0];
			if (root && (/^[A-Z]/.test(root) || node.name!.includes('.'))) uses.push({ line, component: root });
			for (const attribute of node.attributes) {
				const estree =
					attribute.type === 'mdxJsxExpressionAttribute'
						? attribute.data?.estree
						: typeof attribute.value === 'object'
							? attribute.value?.data?.estree
							: undefined;
				if (estree) uses.push({ line, program: estree });
			}
		}
		if ('children' in node) node.children.forEach(walk);
	};
	walk(tree);
	const known = (name: string) => defined.has(name) || PROVIDED.has(name) || name in globalThis;
	const found: UndefinedName[] = [];
	for (const use of uses) {
		if ('component' in use) {
			if (!known(use.component)) found.push({ line: use.line, name: use.component, kind: 'component' });
			continue;
		}
		for (const name of freeNames(use.program)) if (!known(name)) found.push({ line: use.line, name, kind: 'expression' });
	}
	return found;
}

/** Names an `import`/`export` block brings into scope. */
function declaredNames(program: Program): string[] {
	const names: string[] = [];
	for (const statement of program.body) {
		if (statement.type === 'ImportDeclaration') names.push(...statement.specifiers.map((specifier) => specifier.local.name));
		const declaration =
			statement.type === 'ExportNamedDeclaration'
				? statement.declaration
				: statement.type === 'VariableDeclaration' || statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration'
					? statement
					: undefined;
		if (declaration?.type === 'VariableDeclaration')
			for (const declarator of declaration.declarations) names.push(...patternNames(declarator.id));
		else if (declaration && 'id' in declaration && declaration.id) names.push(declaration.id.name);
	}
	return names;
}

function patternNames(pattern: EstreeNode | null): string[] {
	if (!pattern) return [];
	switch (pattern.type) {
		case 'Identifier':
			return [pattern.name];
		case 'ObjectPattern':
			return pattern.properties.flatMap((property) => patternNames(property.type === 'RestElement' ? property.argument : property.value));
		case 'ArrayPattern':
			return pattern.elements.flatMap((element) => patternNames(element));
		case 'RestElement':
			return patternNames(pattern.argument);
		case 'AssignmentPattern':
			return patternNames(pattern.left);
		default:
			return [];
	}
}

/**
 * Identifiers an expression reads from outside itself. A deliberately small scope model: names
 * bound by the expression's own functions (parameters) are set aside; property names and object
 * keys are not reads.
 */
function freeNames(program: Program): string[] {
	const free: string[] = [];
	const visit = (node: EstreeNode, bound: ReadonlySet<string>) => {
		if (node.type === 'Identifier') {
			if (!bound.has(node.name)) free.push(node.name);
			return;
		}
		if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') {
			const inner = new Set([
				...bound,
				...node.params.flatMap(patternNames),
				...(node.type === 'FunctionExpression' && node.id ? [node.id.name] : []),
			]);
			visit(node.body, inner);
			return;
		}
		if (node.type === 'MemberExpression') {
			visit(node.object, bound);
			if (node.computed) visit(node.property, bound);
			return;
		}
		if (node.type === 'Property') {
			if (node.computed) visit(node.key, bound);
			visit(node.value, bound);
			return;
		}
		if (node.type === ('JSXIdentifier' as string)) return;
		for (const [key, value] of Object.entries(node)) {
			if (key === 'loc' || key === 'range' || key === 'position') continue;
			for (const child of Array.isArray(value) ? value : [value])
				if (child && typeof child === 'object' && typeof (child as EstreeNode).type === 'string') visit(child as EstreeNode, bound);
		}
	};
	visit(program, new Set());
	return free;
}
