import type { Role } from './access-policy';

/** Who calls, as the verified access token says: the actor recorded in every event they cause. */
export interface Principal {
  /** The token's `sub`: a person's account or a partner system's client id. */
  subject: string;
  role: Role;
  /** An agency code (AGII, ATLAS, IN_GENT), VDAB, ACTIRIS, ABB, a municipality or a course provider. */
  organisation: string;
  /** The municipality a coordinator works for. */
  municipality?: string;
  /** The region a work partner serves. */
  region?: 'FLANDERS' | 'BRUSSELS';
}
