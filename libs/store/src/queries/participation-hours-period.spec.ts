import { splitPeriod } from './participation-hours-period';

describe('splitPeriod', () => {
  it('splits a period into its whole months and the days at its edges', () => {
    expect(splitPeriod('2024-03-15', '2024-06-13')).toEqual({
      months: { first: '2024-04-01', last: '2024-05-01', lastDay: '2024-05-31' },
      edges: [
        { from: '2024-03-15', to: '2024-03-31' },
        { from: '2024-06-01', to: '2024-06-13' },
      ],
      before: { from: '2024-03-01', to: '2024-03-14' },
    });
  });

  it('has no edges when the period is whole months, across a year and a leap day', () => {
    expect(splitPeriod('2023-12-01', '2024-02-29')).toEqual({
      months: { first: '2023-12-01', last: '2024-02-01', lastDay: '2024-02-29' },
      edges: [],
    });
  });

  it('is all edge when the period holds no whole month', () => {
    expect(splitPeriod('2024-03-05', '2024-03-20')).toEqual({
      edges: [{ from: '2024-03-05', to: '2024-03-20' }],
    });
    expect(splitPeriod('2024-03-05', '2024-04-20')).toEqual({
      edges: [{ from: '2024-03-05', to: '2024-04-20' }],
    });
    expect(splitPeriod('2024-03-31', '2024-03-31')).toEqual({
      edges: [{ from: '2024-03-31', to: '2024-03-31' }],
    });
  });

  it('takes a month that ends the period on its last day whole', () => {
    expect(splitPeriod('2024-02-10', '2024-03-31')).toEqual({
      months: { first: '2024-03-01', last: '2024-03-01', lastDay: '2024-03-31' },
      edges: [{ from: '2024-02-10', to: '2024-02-29' }],
      before: { from: '2024-02-01', to: '2024-02-09' },
    });
  });
});
