export { projectAppend } from './project-append';
export type { FoldedStream, ReadModel } from './projection';
export { READ_MODELS, OUTBOX_PROJECTIONS } from './read-models';
export { rebuildReadModels, READ_MODELS_CHECKPOINT } from './rebuild-read-models';
export type { RebuildOptions, RebuildResult } from './rebuild-read-models';
export { NEWCOMER_MUST_REGISTER, VDAB } from './vdab-outbox.projection';
export type { NewcomerMustRegisterPayload } from './vdab-outbox.projection';
