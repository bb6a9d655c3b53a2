import { describe, expect, it } from 'vitest';
import { mapLimit } from '@/lib/map-limit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapLimit', () => {
	it('keeps the order of the items and never runs more than the limit at once', async () => {
		let running = 0;
		let most = 0;
		const results = await mapLimit([5, 1, 4, 2, 3], 2, async (item, index) => {
			most = Math.max(most, ++running);
			for (let wait = 0; wait < item; wait++) await tick();
			running--;
			return `${index}:${item}`;
		});
		expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
		expect(most).toBe(2);
	});

	it('rejects with the first failure and starts nothing after it', async () => {
		const started: number[] = [];
		const run = mapLimit([1, 2, 3, 4, 5], 1, async (item) => {
			started.push(item);
			if (item === 2) throw new Error('two');
			return item;
		});
		await expect(run).rejects.toThrow('two');
		expect(started).toEqual([1, 2]);
	});

	it('handles an empty list', async () => {
		expect(await mapLimit([], 4, async () => 1)).toEqual([]);
	});
});
