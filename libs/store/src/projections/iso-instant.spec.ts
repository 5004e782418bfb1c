import { isoInstant } from './iso-instant';

describe('isoInstant: toISOString of an instant', () => {
  it('writes what toISOString writes', () => {
    const instants = [
      0,
      -1,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29, 0, 0, 0, 1),
      Date.UTC(2026, 2, 29, 1, 30),
      Date.UTC(1, 0, 1),
      Date.UTC(1, 0, 1) - 1,
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(-5, 0, 1),
    ];
    let seed = 7;
    for (let index = 0; index < 20_000; index += 1) {
      seed = (seed * 48_271) % 2_147_483_647;
      // Instants from 1900 to 2100, some on the same day as the one before.
      instants.push(
        index % 3
          ? instants[instants.length - 1] + (seed % 3_600_000)
          : -2.2e12 + (seed / 2_147_483_647) * 6.3e12,
      );
    }
    for (const ms of instants.map(Math.floor)) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});
