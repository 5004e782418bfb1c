import { AGENCIES, AGENCY_CODES } from '../../../../libs/domain/src';
import type { KeyFigureResult } from '../key-figures/key-figures.service';
import type { AnnualReport } from './annual-report.service';
import { escapeHtml, formatNumber, formatShare } from './html';
import { barChart } from './svg-charts';

const AGENCY_COLORS = { AGII: '#1f5f8b', ATLAS: '#e07b00', IN_GENT: '#2e8b57' } as const;
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const ACTIVITY_KINDS: Record<string, string> = {
  BUDDY: 'Buddy',
  INTRODUCTORY_INTERNSHIP: 'Kennismakingsstage',
  VOLUNTEERING: 'Vrijwilligerswerk',
  LANGUAGE_INTERNSHIP: 'Taalstage',
  CLUB_INTRODUCTION: 'Verenigingsleven',
  OTHER: 'Andere',
};

/** The annual report as one self-contained Dutch HTML page: inline styles and SVG, nothing fetched. */
export function annualReportHtml(report: AnnualReport): string {
  const title = `Jaarrapport inburgering ${report.year}`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; margin: 24px auto; max-width: 820px; font-size: 13px; }
  h1 { font-size: 24px; margin-bottom: 4px; color: #1f5f8b; }
  h2 { font-size: 17px; margin-top: 28px; border-bottom: 2px solid #1f5f8b; padding-bottom: 3px; }
  p.lead { color: #555; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin: 8px 0; }
  th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: right; vertical-align: top; }
  th:first-child, td:first-child { text-align: left; }
  thead th { background: #eef3f7; }
  .source { color: #666; font-size: 11px; }
  section { break-inside: avoid; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="lead">Cijfers over ${escapeHtml(report.period.from)} tot ${escapeHtml(report.period.to)}, zoals gekend op
${escapeHtml(report.knownOn)}, berekend uit de gebeurtenissen van de trajecten. Kerncijfers per agentschap, naast elkaar
(benchmarking tussen de agentschappen). Bron van het rapport: Beleids- en begrotingstoelichting 2020-2021 (jaarrapport
inburgering en dashboard met kernindicatoren).</p>
</header>
${openingsSection(report)}
${deadlinesSection(report)}
${keyFiguresSection(report)}
${participationSection(report)}
${definitionsSection(report)}
</body>
</html>
`;
}

function openingsSection(report: AnnualReport): string {
  const series = AGENCY_CODES.map((agency) => ({
    name: AGENCIES[agency],
    color: AGENCY_COLORS[agency],
    values: MONTHS.map(
      (_, index) =>
        report.openings.find((row) => row.month === index + 1 && row.agency === agency)?.openings ?? 0,
    ),
  }));
  const total = report.openings.reduce((sum, row) => sum + row.openings, 0);
  return `<section>
<h2>Aanmeldingen per maand</h2>
<p>${formatNumber(total)} trajecten geopend (datum van aanmelding) in ${report.year}.</p>
${barChart({ title: `Aanmeldingen per maand in ${report.year}, per agentschap`, categories: MONTHS, series, stacked: true })}
</section>`;
}

function deadlinesSection(report: AnnualReport): string {
  const outcomes = [
    { key: 'metOnTime', name: 'Tijdig nagekomen', color: '#2e8b57' },
    { key: 'metLate', name: 'Laattijdig nagekomen', color: '#e0b000' },
    { key: 'missed', name: 'Gemist', color: '#c0392b' },
    { key: 'pending', name: 'Nog open', color: '#9aa5ad' },
  ] as const;
  const categories = report.deadlines.map((row) => row.agency);
  const series = outcomes.map((outcome) => ({
    name: outcome.name,
    color: outcome.color,
    values: report.deadlines.map((row) => row[outcome.key]),
  }));
  const rows = report.deadlines
    .map(
      (row) =>
        `<tr><td>${escapeHtml(AGENCIES[row.agency])}</td><td>${formatNumber(row.fallingDue)}</td>` +
        outcomes.map((outcome) => `<td>${formatNumber(row[outcome.key])}</td>`).join('') +
        '</tr>',
    )
    .join('');
  return `<section>
<h2>Termijnen: afloop</h2>
<p>Termijnen die vervielen in de ISO-weken die in ${report.year} beginnen, en hoe ze afliepen zoals gekend op ${escapeHtml(report.knownOn)}.</p>
${barChart({ title: 'Afloop van de termijnen per agentschap', categories, series, stacked: true, height: 240 })}
<table><thead><tr><th>Agentschap</th><th>Vervallen</th>${outcomes.map((outcome) => `<th>${outcome.name}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}

function figureValue(figure: Pick<KeyFigureResult, 'unit'>, value: number | null): string {
  switch (figure.unit) {
    case 'share':
      return formatShare(value);
    case 'count':
      return formatNumber(value);
    case 'euro':
      return value === null ? '–' : `€ ${formatNumber(value)}`;
    default:
      return formatNumber(value, 1);
  }
}

function keyFiguresSection(report: AnnualReport): string {
  const figures = report.keyFigures.figures;
  const head = AGENCY_CODES.map((agency) => `<th>${escapeHtml(agency)}</th>`).join('');
  const rows = figures
    .map((figure) => {
      const cells = AGENCY_CODES.map((agency) => {
        const group = figure.groups?.find((row) => row.group === agency);
        return `<td>${figureValue(figure, group?.value ?? null)}</td>`;
      }).join('');
      return `<tr><td>${escapeHtml(figure.label.nl)}</td>${cells}<td><strong>${figureValue(figure, figure.value)}</strong></td></tr>`;
    })
    .join('');
  const shares = figures.filter((figure) => figure.unit === 'share');
  const chart = barChart({
    title: 'Aandelen per agentschap (procent)',
    categories: shares.map((_, index) => `K${index + 1}`),
    series: AGENCY_CODES.map((agency) => ({
      name: AGENCIES[agency],
      color: AGENCY_COLORS[agency],
      values: shares.map((figure) => 100 * (figure.groups?.find((row) => row.group === agency)?.value ?? 0)),
    })),
    height: 240,
  });
  const legend = shares.map((figure, index) => `K${index + 1}: ${escapeHtml(figure.label.nl)}`).join(' · ');
  return `<section>
<h2>Kerncijfers per agentschap</h2>
<table><thead><tr><th>Kerncijfer</th>${head}<th>Totaal</th></tr></thead><tbody>${rows}</tbody></table>
${chart}
<p class="source">${legend}</p>
</section>`;
}

function participationSection(report: AnnualReport): string {
  const rows = report.participation
    .map(
      (row) =>
        `<tr><td>${escapeHtml(AGENCIES[row.agency])}</td><td>${formatNumber(row.required)}</td>` +
        `<td>${formatNumber(row.completed)}</td><td>${formatNumber(row.hours, 1)}</td>` +
        `<td>${row.required ? formatNumber(row.hours / row.required, 1) : '–'}</td></tr>`,
    )
    .join('');
  const kinds = report.participationKinds;
  const chart = barChart({
    title: 'Participatie-uren per soort activiteit',
    categories: kinds.map((row) => ACTIVITY_KINDS[row.kind] ?? row.kind),
    series: [{ name: 'Uren', color: '#1f5f8b', values: kinds.map((row) => row.hours) }],
    height: 220,
  });
  return `<section>
<h2>De vierde pijler: sociale netwerking en participatie</h2>
<p>Trajecten met een contract ondertekend in ${report.year} waarvoor de participatiepijler verplicht is (40 uur, Beleidsplan 2020-2024).</p>
<table><thead><tr><th>Agentschap</th><th>Verplicht</th><th>Voltooid</th><th>Uren</th><th>Uren per persoon</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">Geen trajecten.</td></tr>'}</tbody></table>
${chart}
</section>`;
}

function definitionsSection(report: AnnualReport): string {
  const items = report.keyFigures.figures
    .map(
      (figure) =>
        `<li><strong>${escapeHtml(figure.label.nl)}</strong>: ${escapeHtml(figure.definition.nl)}
<span class="source">Bron: ${escapeHtml(figure.source.document)} ${escapeHtml(figure.source.passage)}</span></li>`,
    )
    .join('');
  return `<section>
<h2>Definities en bronnen</h2>
<ul>${items}</ul>
</section>`;
}
