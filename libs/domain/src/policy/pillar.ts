/** The four pillars of a trajectory (domain README §3.4); `PARTICIPATION` exists from the 2023 policy version. */
export const PILLARS = ['MO', 'NT2', 'WORK', 'PARTICIPATION'] as const;

export type Pillar = (typeof PILLARS)[number];

/** Levels of the Common European Framework used in inburgering (seed 003 l.1114-1116). */
export type Nt2Level = 'A1' | 'A2' | 'B1';
