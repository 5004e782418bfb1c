export * from './outbox.types';
export { OutboxRelayStore } from './outbox-relay.store';
export type { RelayStepOptions } from './outbox-relay.store';
export { OutboxOperationsStore } from './outbox-operations.store';
