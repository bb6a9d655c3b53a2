import { describe, expect, it } from 'vitest';
import { skipBytes } from '@/runtime/attachments/skip-bytes';

async function* pieces(...sizes: number[]): AsyncGenerator<Uint8Array> {
	let next = 0;
	for (const size of sizes) yield Uint8Array.from({ length: size }, () => next++ % 256);
}
async function collect(source: AsyncIterable<Uint8Array>): Promise<number[]> {
	const out: number[] = [];
	for await (const piece of source) out.push(...piece);
	return out;
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, at) => (from + at) % 256);

describe('skipBytes', () => {
	it('hands on exactly what follows the skipped bytes, across piece boundaries', async () => {
		for (const skip of [0, 1, 4, 5, 9, 10, 11, 23])
			expect(await collect(skipBytes(pieces(5, 5, 1, 12), skip)), `skipping ${skip}`).toEqual(range(skip, 23));
	});
	it('refuses a source shorter than the bytes to skip', async () => {
		await expect(collect(skipBytes(pieces(3, 3), 7))).rejects.toThrow('ended 1 bytes before the 7 to skip');
	});
	it('passes on the source’s own failure', async () => {
		async function* failing(): AsyncGenerator<Uint8Array> {
			yield new Uint8Array(4);
			throw new Error('chunk 1 failed authentication');
		}
		await expect(collect(skipBytes(failing(), 2))).rejects.toThrow('chunk 1 failed authentication');
	});
});
