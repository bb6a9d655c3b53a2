/** Where a long phase of the build is: `done` of `total` (when known) things counted in `unit`. */
export interface ProgressState {
	phase: string;
	done: number;
	total?: number;
	/** What is counted, plural: "pages", "steps". */
	unit: string;
}

/**
 * One line of progress for a terminal, at most `columns` wide:
 *   `Rendering pages     412 pages  0:37`
 *   `Post-build: search index  [██████░░░░░░░░░░░░]  2/6 steps  1:02`
 * A bar only where the total is known; the elapsed time says the build is alive either way.
 */
export function renderProgress(state: ProgressState, elapsedMs: number, columns = 80): string {
	const seconds = Math.floor(elapsedMs / 1000);
	const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
	const count = state.total === undefined ? `${state.done} ${state.unit}` : `${state.done}/${state.total} ${state.unit}`;
	const plain = `${state.phase}  ${count}  ${clock}`;
	if (state.total === undefined || state.total <= 0) return plain.slice(0, columns);
	const room = columns - plain.length - 4;
	if (room < 10) return plain.slice(0, columns);
	const width = Math.min(30, room);
	const filled = Math.round((Math.min(state.done, state.total) / state.total) * width);
	return `${state.phase}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}]  ${count}  ${clock}`;
}

/** A stream as the progress needs it: `process.stderr`, or a test's stand-in (`columns` is 0 on some terminals). */
export interface ProgressStream {
	isTTY?: boolean;
	columns?: number;
	write(text: string): unknown;
}

/** The transient progress line of a terminal, which other output must clear before it writes. */
export interface ProgressLine {
	/** Shows `state`, replacing the line shown before; `undefined` removes it. */
	show(state: ProgressState | undefined): void;
	/** Runs `write` (another message) with the line removed, then shows it again. */
	around(write: () => void): void;
}

/** Redraws at most this often: a terminal over SSH should not get a line per page. */
const REDRAW_MS = 100;

/**
 * The progress line on a terminal (`stream.isTTY`), redrawn in place with a carriage return;
 * `undefined` elsewhere (a pipe, a CI log), where the build prints plain phase lines instead.
 * `now` is the clock (for tests).
 */
export function terminalProgress(stream: ProgressStream, now: () => number = () => performance.now()): ProgressLine | undefined {
	if (!stream.isTTY) return undefined;
	let current: ProgressState | undefined;
	let phaseStarted = now();
	let drawnAt = -Infinity;
	let drawn = false;
	const clear = () => {
		if (drawn) stream.write('\r\u001b[K');
		drawn = false;
	};
	const draw = () => {
		if (!current) return;
		stream.write(`\r\u001b[K${renderProgress(current, now() - phaseStarted, (stream.columns || 80) - 1)}`);
		drawn = true;
		drawnAt = now();
	};
	return {
		show(state) {
			if (!state) {
				current = undefined;
				clear();
				return;
			}
			const newPhase = state.phase !== current?.phase;
			if (newPhase) phaseStarted = now();
			current = state;
			// A new phase and the last step of one always show; counts in between at most every REDRAW_MS.
			if (newPhase || state.done === state.total || now() - drawnAt >= REDRAW_MS) draw();
		},
		around(write) {
			const wasDrawn = drawn;
			clear();
			write();
			if (wasDrawn) draw();
		},
	};
}

/**
 * What the build calls as it goes: on a terminal it moves the progress line; elsewhere it prints
 * one plain line when a phase starts (`Rendering pages…`), since a CI log keeps every line.
 */
export function phaseReporter(
	line: ProgressLine | undefined,
	print: (message: string) => void,
): (state: ProgressState | undefined) => void {
	let phase: string | undefined;
	return (state) => {
		if (line) return line.show(state);
		if (state && state.phase !== phase) print(`${state.phase}…`);
		phase = state?.phase;
	};
}
