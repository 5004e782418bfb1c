export { projectAppend } from './project-append';
export type { FoldedStream, ReadModel } from './projection';
export { READ_MODELS, OUTBOX_PROJECTIONS, SUMMED_READ_MODELS } from './read-models';
export { addSums, projectSums, rebuildSums, sumDeltas } from './summed-read-models';
export type { SummedReadModel } from './summed-read-models';
export { rebuildReadModels, READ_MODELS_CHECKPOINT } from './rebuild-read-models';
export { tuneGarbageCollectionForRebuild } from './rebuild-process';
export type { RebuildOptions, RebuildPhases, RebuildResult } from './rebuild-read-models';
export {
  ACTIRIS,
  ENFORCEMENT_OFFICER,
  municipalityPartner,
  NEWCOMER_MUST_REGISTER,
  PARTNER_FORMAT,
  PARTNER_MESSAGE_KINDS,
  partnerMessagesFor,
  testCentrePartner,
  VDAB,
} from './partner-messages';
export type {
  LearnerReferredPayload,
  NewcomerMustRegisterPayload,
  ParticipationPillarEnteredPayload,
  PartnerMessage,
  PartnerMessageKind,
  ViolationFileOpenedPayload,
} from './partner-messages';
