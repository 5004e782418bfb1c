import { describe, expect, it } from 'vitest';
import { ROW_PROBLEM_REASONS, rowProblem } from '../../../../libs/domain/src/exchange/row-problem';
import { translate } from './i18n';
import { nl } from './nl';
import { ROW_PROBLEMS_IN_DUTCH, rowProblemText } from './row-problems';

const label = (prefix: string, value: string | null | undefined) =>
  (nl as Record<string, string>)[`${prefix}${value}`] ?? String(value);
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('nl', key, params);
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));

describe('the problems of a file row in Dutch', () => {
  it("use the placeholders of the domain's English wording, no others", () => {
    for (const [key, english] of Object.entries(ROW_PROBLEM_REASONS)) {
      const dutch = ROW_PROBLEMS_IN_DUTCH[key as keyof typeof ROW_PROBLEMS_IN_DUTCH];
      expect({ key, placeholders: [...placeholders(dutch)] }).toEqual({
        key,
        placeholders: [...placeholders(english)],
      });
    }
  });

  it("put the field's label first and write numbers without grouping (a row number, a length)", () => {
    expect(rowProblemText(rowProblem('row', 'ROW_TOO_LONG', { maxLength: 32768 }), 'nl', t, label)).toBe(
      'Rij: is langer dan 32768 tekens',
    );
    expect(rowProblemText(rowProblem('office', 'FIELD_REQUIRED'), 'nl', t, label)).toBe(
      'Kantoor: is verplicht',
    );
  });

  it('leave the English reason to an English reader and to a problem without a key', () => {
    expect(rowProblemText(rowProblem('office', 'FIELD_REQUIRED'), 'en', t, label)).toBeUndefined();
    expect(rowProblemText({ field: 'office', reason: 'is required' }, 'nl', t, label)).toBeUndefined();
    expect(
      rowProblemText({ field: 'row', reason: 'x', key: 'FROM_A_NEWER_API' as never }, 'nl', t, label),
    ).toBe(undefined);
  });
});
