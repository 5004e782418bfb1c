import { readAhead } from './events-in-stream-order';

async function* pieces(sizes: number[], read: number[], failAt?: number): AsyncGenerator<Buffer> {
  for (const [index, size] of sizes.entries()) {
    await new Promise((resolve) => setImmediate(resolve));
    if (index === failAt) throw new Error('the reader failed');
    read.push(index);
    yield Buffer.alloc(size, index);
  }
}

describe('readAhead: pieces read ahead of the caller, within a bound', () => {
  it('answers every piece in order', async () => {
    const answered: number[] = [];
    for await (const piece of readAhead(pieces([3, 1, 4, 1, 5], []), 4)) answered.push(piece[0]);
    expect(answered).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads ahead while the caller waits, up to the bound', async () => {
    const read: number[] = [];
    const iterator = readAhead(pieces([2, 2, 2, 2, 2, 2], read), 4);
    await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first piece went to the caller, two more are held (4 bytes); the reading waits for room.
    expect(read).toEqual([0, 1, 2]);
    await iterator.return(undefined);
  });

  it('answers the pieces before a failure, then the failure', async () => {
    const answered: number[] = [];
    await expect(
      (async () => {
        for await (const piece of readAhead(pieces([1, 1, 1], [], 2), 10)) answered.push(piece[0]);
      })(),
    ).rejects.toThrow('the reader failed');
    expect(answered).toEqual([0, 1]);
  });

  it('stops reading when the caller stops', async () => {
    const read: number[] = [];
    for await (const piece of readAhead(pieces([1, 1, 1, 1, 1, 1], read), 2)) if (piece[0] === 0) break;
    const readThen = read.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read.length).toBe(readThen);
    expect(readThen).toBeLessThan(6);
  });
});
