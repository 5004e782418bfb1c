import { useI18n } from '../i18n/i18n';
import { AGENCY_COLUMNS, formatFigure, groupValue, KeyFiguresAnswer } from './key-figures';

/** Every key figure of the answer: the three agencies side by side and all together, its definition and source. */
export function KeyFiguresTable({ answer }: { answer: KeyFiguresAnswer }) {
  const { t, language } = useI18n();
  const locale = language === 'nl' ? 'nl-BE' : 'en-BE';
  const first = answer.figures[0];
  const agencyName = (agency: string) => (first && groupValue(first, agency)?.label) || agency;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('keyFigures.table.caption', { from: answer.period.from, to: answer.period.to })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('keyFigures.col.figure')}</th>
            {AGENCY_COLUMNS.map((agency) => (
              <th scope="col" key={agency}>
                {agencyName(agency)}
              </th>
            ))}
            <th scope="col">{t('keyFigures.col.total')}</th>
            <th scope="col">{t('keyFigures.col.definition')}</th>
          </tr>
        </thead>
        <tbody>
          {answer.figures.map((figure) => (
            <tr key={figure.id} data-figure={figure.id}>
              <th scope="row">{figure.label[language]}</th>
              {AGENCY_COLUMNS.map((agency) => (
                <td key={agency}>
                  {formatFigure(groupValue(figure, agency)?.value ?? null, figure.unit, locale)}
                </td>
              ))}
              <td>{formatFigure(figure.value, figure.unit, locale)}</td>
              <td>
                {figure.definition[language]}
                <br />
                <span className="source">
                  {t('keyFigures.source', {
                    document: figure.source.document,
                    passage: figure.source.passage,
                  })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
