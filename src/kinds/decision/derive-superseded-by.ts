/** Decision number → the number of the decision whose `supersedes` names it. */
export function deriveSupersededBy(decisions: ReadonlyArray<{ number: number; supersedes?: number }>): Map<number, number> {
	const supersededBy = new Map<number, number>();
	for (const decision of decisions) {
		if (decision.supersedes !== undefined) supersededBy.set(decision.supersedes, decision.number);
	}
	return supersededBy;
}

/** The whole chain a decision belongs to, oldest first (e.g. [2, 5, 7]). */
export function supersessionChain(number: number, decisions: ReadonlyArray<{ number: number; supersedes?: number }>): number[] {
	const supersedes = new Map(decisions.map((decision) => [decision.number, decision.supersedes]));
	const supersededBy = deriveSupersededBy(decisions);
	const chain = [number];
	const seen = new Set(chain);
	for (let older = supersedes.get(number); older !== undefined && !seen.has(older); older = supersedes.get(older)) {
		chain.unshift(older);
		seen.add(older);
	}
	for (let newer = supersededBy.get(number); newer !== undefined && !seen.has(newer); newer = supersededBy.get(newer)) {
		chain.push(newer);
		seen.add(newer);
	}
	return chain;
}
