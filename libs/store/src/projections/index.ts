export { projectEvent } from './projector';
export type { Projection } from './projection';
export { rebuildReadModels, READ_MODELS_CHECKPOINT } from './rebuild-read-models';
export type { RebuildResult } from './rebuild-read-models';
export { NEWCOMER_MUST_REGISTER, VDAB } from './vdab-outbox.projection';
export type { NewcomerMustRegisterPayload } from './vdab-outbox.projection';
