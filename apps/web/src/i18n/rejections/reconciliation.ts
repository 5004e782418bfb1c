import type { DutchRejections } from './dutch-rejections';

/** The reconciliation queue's reasons (libs/domain/src/trajectory/rejection-reasons/reconciliation.ts) in Dutch. */
export const RECONCILIATION_IN_DUTCH = {
  RECONCILIATION_ITEM_RESOLVED: 'Deze rij is intussen al afgehandeld ({itemState}).',
  RECONCILIATION_LINK_NO_OPEN_TRAJECTORY: 'Dit traject kan de inschrijving niet krijgen: het is niet open.',
  RECONCILIATION_LINK_NATIONAL_NUMBER_MISMATCH:
    'Dit traject kan de inschrijving niet krijgen: het rijksregisternummer hoort niet bij het traject.',
  RECONCILIATION_LINK_TRAJECTORY_CLOSED: 'Dit traject kan de inschrijving niet krijgen: het is afgesloten.',
  RECONCILIATION_LINK_OTHER_REGISTRATION:
    'Dit traject heeft al een andere VDAB-inschrijving (een andere datum of een ander dossiernummer).',
} as const satisfies DutchRejections;
