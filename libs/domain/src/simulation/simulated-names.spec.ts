import { simulatedName } from './simulated-names';

describe('simulatedName', () => {
  it('gives the same name for the same key', () => {
    expect(simulatedName(12_345)).toEqual(simulatedName(12_345));
    expect(simulatedName(0)).toEqual({ givenName: 'Amina', familyName: 'Abdi' });
  });

  it('gives varied names: thousands of family names, no family name for more than a few in a thousand', () => {
    const families = new Map<string, number>();
    const given = new Set<string>();
    for (let key = 0; key < 100_000; key += 1) {
      const name = simulatedName(key);
      families.set(name.familyName, (families.get(name.familyName) ?? 0) + 1);
      given.add(name.givenName);
    }
    expect(families.size).toBeGreaterThan(10_000);
    expect(Math.max(...families.values())).toBeLessThan(300);
    expect(given.size).toBe(100);
  });
});
