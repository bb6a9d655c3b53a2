import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '@/runtime/after-paint';

/** A stand-in for the browser's frames: `frame()` runs the animation-frame callbacks queued so far. */
function frames() {
	const queued: Array<() => void> = [];
	vi.stubGlobal('requestAnimationFrame', (callback: () => void) => queued.push(callback));
	return { frame: () => queued.splice(0).forEach((callback) => callback()) };
}

afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('afterPaint', () => {
	it('runs the work in a task after the next frame, once, and resolves with its result', async () => {
		vi.useFakeTimers();
		const { frame } = frames();
		const work = vi.fn(() => 'done');
		const result = afterPaint(work, 250);
		await vi.advanceTimersByTimeAsync(100);
		// No frame yet: nothing ran, even after a task or two.
		expect(work).not.toHaveBeenCalled();
		frame();
		expect(work).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(0);
		expect(work).toHaveBeenCalledTimes(1);
		await expect(result).resolves.toBe('done');
		// The fallback timer was cleared: it does not run the work a second time.
		await vi.advanceTimersByTimeAsync(1000);
		expect(work).toHaveBeenCalledTimes(1);
	});

	it('runs the work after the fallback delay where no frame comes (a tab in the background)', async () => {
		vi.useFakeTimers();
		const { frame } = frames();
		const work = vi.fn(async () => 7);
		const result = afterPaint(work, 250);
		await vi.advanceTimersByTimeAsync(249);
		expect(work).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(work).toHaveBeenCalledTimes(1);
		await expect(result).resolves.toBe(7);
		// A frame that comes later does not run it again.
		frame();
		await vi.advanceTimersByTimeAsync(10);
		expect(work).toHaveBeenCalledTimes(1);
	});

	it('rejects with the error of work that fails, so a caller awaiting it hears of it', async () => {
		vi.useFakeTimers();
		frames();
		const result = afterPaint(() => {
			throw new Error('storage blocked');
		}, 10);
		const settled = expect(result).rejects.toThrow('storage blocked');
		await vi.advanceTimersByTimeAsync(10);
		await settled;
	});
});
