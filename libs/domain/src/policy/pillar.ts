/** The four pillars of a trajectory (domain README §3.4); `PARTICIPATION` exists from the 2023 policy version. */
export const PILLARS = ['MO', 'NT2', 'WORK', 'PARTICIPATION'] as const;

export type Pillar = (typeof PILLARS)[number];

/** Levels of the Common European Framework used in inburgering (BBT 2020-2021 l.1114-1116). */
export type Nt2Level = 'A1' | 'A2' | 'B1';

/** The four language skills; the literacy track (alfa) and the follow-up track test the oral ones only. */
export const NT2_SKILLS = ['LISTENING', 'SPEAKING', 'READING', 'WRITING'] as const;
export type Nt2Skill = (typeof NT2_SKILLS)[number];
export const ORAL_SKILLS: readonly Nt2Skill[] = ['LISTENING', 'SPEAKING'];
