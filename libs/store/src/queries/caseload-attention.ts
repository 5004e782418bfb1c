import { ATTENTION_GROUPS, AttentionGroup } from '../../../domain/src/caseload/attention';

/** A group's rank in a caseload's order: its index in ATTENTION_GROUPS, the most urgent 0. */
export function attentionRank(group: AttentionGroup): number {
  return ATTENTION_GROUPS.indexOf(group);
}

/** The group of a rank attentionRank gave. */
export function attentionGroupOfRank(value: number): AttentionGroup {
  const group = ATTENTION_GROUPS[value];
  if (group === undefined) throw new RangeError(`no attention group has rank ${value}`);
  return group;
}

/**
 * An attention group (as the domain's attentionOf decides it on the day `today`) as slices of trajectory_summaries
 * row `summary`, each one range of a caseload index (owner, attention_rank, next_deadline_due_on, registered_on,
 * trajectory_id) read in its order: the groups move with the day, but each of their slices is a range of that order,
 * so a page is read from the index however large the caseload. The stored attention_rank (the summary projection):
 * 0 with an open violation file, 1 with a missed deadline, 2 waiting for the counsellor, 3 otherwise. `today` and
 * `dueSoonUntil` give SQL date expressions (the latter today + CASELOAD_DUE_SOON_DAYS), asked for only when the
 * group's slices need them.
 */
export function attentionSlices(
  group: AttentionGroup,
  today: () => string,
  dueSoonUntil: () => string,
): string[] {
  const due = 'summary.next_deadline_due_on';
  const ranked = (rank: number, slice?: string) =>
    `summary.attention_rank = ${rank}${slice ? ` AND ${slice}` : ''}`;
  // Nothing due within the window: a later deadline, or none (after those, as NULLS LAST orders them).
  const later = (rank: number) => [
    ranked(rank, `${due} > ${dueSoonUntil()}`),
    ranked(rank, `${due} IS NULL`),
  ];
  switch (group) {
    case 'OVERDUE':
      return [ranked(0), ranked(1), ranked(2, `${due} < ${today()}`), ranked(3, `${due} < ${today()}`)];
    case 'DUE_SOON':
      return [2, 3].map((rank) => ranked(rank, `${due} >= ${today()} AND ${due} <= ${dueSoonUntil()}`));
    case 'WAITING_FOR_ME':
      return later(2);
    case 'ON_TRACK':
      return later(3);
  }
}
