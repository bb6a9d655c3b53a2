/**
 * `source` without its first `bytes` bytes, whatever the pieces' sizes. The download worker uses it
 * when it takes over a download from a decrypt worker that went away part way: it opens the file
 * again from the start and must hand on only what follows the bytes the browser already has.
 */
export async function* skipBytes(source: AsyncIterable<Uint8Array>, bytes: number): AsyncGenerator<Uint8Array> {
	if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`bytes to skip must be a whole number of at least 0, not ${bytes}`);
	let left = bytes;
	for await (const piece of source) {
		if (left >= piece.length) left -= piece.length;
		else {
			yield left ? piece.subarray(left) : piece;
			left = 0;
		}
	}
	if (left > 0) throw new RangeError(`the source ended ${left} bytes before the ${bytes} to skip`);
}
