/**
 * Mermaid sources of five kinds, numbered so each is a distinct diagram (and a distinct cache
 * entry). Shared by the content generator and `npm run bench:diagrams`.
 */
export const DIAGRAM_SOURCES: ReadonlyArray<(n: number) => string> = [
	(n) =>
		`flowchart LR\n  A${n}["Request ${n}"] --> B{"Approved?"}\n  B -->|Yes| C["Build step ${n}"]\n  B -->|No| D["Revise ${n}"]\n  D --> A${n}`,
	(n) =>
		`sequenceDiagram\n  participant Client\n  participant Agency\n  Client->>Agency: Change request ${n}\n  Agency-->>Client: Estimate for ${n}\n  Client->>Agency: Approval`,
	(n) =>
		`gantt\n  dateFormat YYYY-MM-DD\n  todayMarker off\n  section Work ${n}\n  Design ${n} :a${n}, 2026-01-05, 10d\n  Build ${n} :after a${n}, 15d`,
	(n) => `pie title Hours in sprint ${n}\n  "Build" : ${40 + (n % 7)}\n  "Test" : 20\n  "Meetings" : 10`,
	(n) => `stateDiagram-v2\n  [*] --> Draft${n}\n  Draft${n} --> Review\n  Review --> Done\n  Done --> [*]`,
];

/** The `n`th diagram, cycling through the kinds. */
export function diagramSource(n: number): string {
	return DIAGRAM_SOURCES[n % DIAGRAM_SOURCES.length]!(n);
}
