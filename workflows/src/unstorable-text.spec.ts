import { unstorableTextField } from './unstorable-text';

describe('unstorableTextField', () => {
  it('names the path of the first string with a NUL character or a lone surrogate', () => {
    expect(unstorableTextField({ type: 'X', newcomer: { givenName: 'A\u0000' } })).toBe('newcomer.givenName');
    expect(unstorableTextField({ course: { provider: 'CVO \ud800' } })).toBe('course.provider');
    expect(unstorableTextField({ items: ['ok', 'bad \udc00'] })).toBe('items[1]');
  });

  it('accepts text PostgreSQL can store, surrogate pairs (emoji) included', () => {
    expect(unstorableTextField({ name: 'Amélie 😀', hours: 4, when: null })).toBeUndefined();
  });
});
