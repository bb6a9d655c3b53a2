/**
 * Runs `work` once the browser has painted what is on screen now: in a task after the next
 * animation frame, or after `fallbackMs` where no frame comes (a tab in the background draws
 * none). The gate puts here what the visitor does not need to see the page (remembering the key,
 * the rollback check): each is a wait for the browser process, IndexedDB's or localStorage's, that
 * held up the page's first paint when it ran before it. Resolves with what `work` returns.
 */
export function afterPaint<T>(work: () => T | Promise<T>, fallbackMs = 250): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let started = false;
		const start = () => {
			if (started) return;
			started = true;
			clearTimeout(fallback);
			Promise.resolve().then(work).then(resolve, reject);
		};
		const fallback = setTimeout(start, fallbackMs);
		requestAnimationFrame(() => setTimeout(start));
	});
}
