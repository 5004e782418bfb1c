import type { ViolationFileDocument } from '../../../../../libs/domain/src';

const KIND_NL: Record<string, string> = {
  VDAB_REGISTRATION_DEADLINE_MISSED: 'Termijn voor inschrijving bij VDAB niet nageleefd',
  AGENCY_REGISTRATION_DEADLINE_MISSED: 'Termijn voor aanmelding bij het agentschap niet nageleefd',
  FOLLOW_UP_DEADLINE_MISSED: 'Termijn van het vervolgtraject (B1 mondeling) niet nageleefd',
  REFUSAL_TO_SIGN: 'Weigering om het inburgeringscontract te ondertekenen',
  IRREGULAR_ATTENDANCE: 'Onregelmatige aanwezigheid',
};
const STATE_NL: Record<string, string> = {
  OPEN: 'open',
  DECIDED: 'beslist',
  WITHDRAWN: 'ingetrokken',
  MET: 'nageleefd',
  MISSED: 'verstreken',
  SUSPENDED: 'opgeschort',
  WAIVED: 'vervallen',
};
const DEADLINE_NL: Record<string, string> = {
  VDAB_REGISTRATION: 'Inschrijving bij VDAB',
  ACTIRIS_REGISTRATION: 'Inschrijving bij Actiris',
  AGENCY_REGISTRATION: 'Aanmelding bij het agentschap',
  FOLLOW_UP_B1_ORAL: 'Vervolgtraject: B1 mondeling',
};
const STATUS_NL: Record<string, string> = {
  OBLIGED: 'inburgeringsplichtig',
  ENTITLED: 'inburgeringsgerechtigd (vrijwillig contract)',
  EXEMPT: 'vrijgesteld',
  UNDETERMINED: 'nog niet bepaald',
  NOT_IN_TARGET_GROUP: 'niet tot de doelgroep',
};

/**
 * The violation file as a printable Dutch page (A4, print CSS) for the enforcement officer: the same document as
 * the JSON, every value escaped. The PDF is this page printed by the printing module (apps/api/src/printing).
 */
export function violationDocumentHtml(document: ViolationFileDocument): string {
  const { violation, person, obligation } = document;
  const decision = violation.decision
    ? violation.decision.decision === 'FINE'
      ? `Administratieve geldboete van ${violation.decision.amountEuro} euro, beslist op ${violation.decision.decidedOn}`
      : `Geen geldboete, beslist op ${violation.decision.decidedOn}`
    : 'Nog geen beslissing';
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Inbreukdossier ${escape(violation.violationId)}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #111; margin: 2em; }
  h1 { font-size: 16pt; margin-bottom: 0.2em; }
  h2 { font-size: 12.5pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: 0.25em 0.5em; border-bottom: 1px solid #ddd; }
  th { width: 14em; font-weight: 600; }
  .events th, .deadlines th { width: auto; background: #f2f2f2; }
  .ofThisFile { font-weight: 600; }
  .facts { white-space: pre-wrap; border: 1px solid #ccc; padding: 0.6em; }
  footer { margin-top: 2em; font-size: 9pt; color: #555; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { margin: 0; }
    h2 { break-after: avoid; }
    tr { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
</style>
</head>
<body>
<h1>Inbreukdossier</h1>
<p>${escape(KIND_NL[violation.kind] ?? violation.kind)} &middot; dossier ${escape(violation.violationId)}</p>

<h2>De persoon</h2>
<table>
  <tr><th>Naam</th><td>${escape(person.givenName)} ${escape(person.familyName)}</td></tr>
  <tr><th>Rijksregisternummer</th><td>${escape(person.nationalNumber)}</td></tr>
  <tr><th>Gemeente</th><td>${escape(person.municipality)}</td></tr>
</table>

<h2>De verplichting</h2>
<table>
  <tr><th>Statuut</th><td>${escape(obligation.targetGroupStatus ? (STATUS_NL[obligation.targetGroupStatus] ?? obligation.targetGroupStatus) : 'onbekend')}</td></tr>
  ${obligation.obligationStartsOn ? `<tr><th>Plicht sinds</th><td>${escape(obligation.obligationStartsOn)}</td></tr>` : ''}
  ${obligation.rule ? `<tr><th>Regel</th><td>${escape(obligation.rule.id)}<br><small>Bron: ${escape(obligation.rule.source)}</small></td></tr>` : ''}
  <tr><th>Agentschap</th><td>${escape(obligation.agency)}</td></tr>
  <tr><th>Aangemeld op</th><td>${escape(obligation.registeredOn)}</td></tr>
  <tr><th>Contract</th><td>${obligation.contract ? `ondertekend op ${escape(obligation.contract.signedOn)} (beleidsversie ${escape(obligation.contract.policyVersion)})` : 'niet ondertekend'}</td></tr>
  ${obligation.fineRange ? `<tr><th>Geldboete</th><td>van ${obligation.fineRange.minimumEuro} tot ${obligation.fineRange.maximumEuro} euro<br><small>Bron: ${escape(obligation.fineRange.source)}</small></td></tr>` : ''}
</table>

<h2>De feiten</h2>
<table>
  <tr><th>Geopend op</th><td>${escape(violation.openedAt.slice(0, 10))}</td></tr>
  <tr><th>Stand</th><td>${escape(STATE_NL[violation.state] ?? violation.state)}</td></tr>
  <tr><th>Beslissing</th><td>${escape(decision)}</td></tr>
</table>
<p class="facts">${escape(violation.facts)}</p>

<h2>Termijnen</h2>
<table class="deadlines">
  <tr><th>Termijn</th><th>Uiterlijk</th><th>Loopt vanaf</th><th>Stand</th><th>Regel en bron</th></tr>
  ${document.deadlines
    .map(
      (deadline) =>
        `<tr${deadline.ofThisFile ? ' class="ofThisFile"' : ''}><td>${escape(DEADLINE_NL[deadline.kind] ?? deadline.kind)}${deadline.ofThisFile ? ' (dit dossier)' : ''}</td><td>${escape(deadline.dueOn)}</td><td>${deadline.countsFrom ? `${escape(deadline.countsFrom.on)} (${escape(deadline.countsFrom.anchor)})` : ''}</td><td>${escape(STATE_NL[deadline.state] ?? deadline.state)}${deadline.metOn ? ` op ${escape(deadline.metOn)}` : ''}</td><td>beleidsversie ${escape(deadline.policyVersion)}<br><small>${escape(deadline.source)}</small></td></tr>`,
    )
    .join('\n  ')}
</table>

<h2>Gebeurtenissen</h2>
<table class="events">
  <tr><th>Datum</th><th>Gebeurtenis</th><th>Omschrijving</th></tr>
  ${document.events
    .map(
      (event) =>
        `<tr><td>${escape(event.occurredAt.slice(0, 10))}</td><td>${escape(event.type)}</td><td>${escape(event.description)}</td></tr>`,
    )
    .join('\n  ')}
</table>

<footer>Document versie ${document.documentVersion}. Bevat enkel de feiten van het dossier, voor de beslissing van de handhavingsambtenaar.</footer>
</body>
</html>
`;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
