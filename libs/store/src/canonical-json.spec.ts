import { canonicalJson, sameJson } from './canonical-json';

describe('sameJson', () => {
  const cases: [unknown, unknown][] = [
    [
      { a: 1, b: [{ c: 2, d: 3 }] },
      { b: [{ d: 3, c: 2 }], a: 1 },
    ],
    [
      { a: 1, b: [2, 3] },
      { a: 1, b: [3, 2] },
    ],
    [{ a: 1, gone: undefined }, { a: 1 }],
    [{ a: 1 }, { a: 1, gone: undefined }],
    [{ a: null }, { a: 1 }],
    [{ a: null }, {}],
    [
      [undefined, 1],
      [null, 1],
    ],
    [[1], { 0: 1 }],
    [{ a: { b: { c: 'x' } } }, { a: { b: { c: 'y' } } }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [
      { a: 1, b: 2 },
      { a: 1, c: 2 },
    ],
    ['1', 1],
    [null, {}],
    [[], {}],
  ];

  it.each(cases)('answers what comparing canonical JSON answers: %j and %j', (a, b) => {
    expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
    expect(sameJson(b, a)).toBe(canonicalJson(a) === canonicalJson(b));
  });

  it('takes a part held by both as alike without walking it', () => {
    const shared = { deep: [1, 2, 3] };
    expect(sameJson({ shared, x: 1 }, { x: 1, shared })).toBe(true);
  });
});
