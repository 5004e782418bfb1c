export * from './encryption-codec';
export * from './payload-keys';

import { DefaultFailureConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';
import { parsePayloadKeys } from './payload-keys';

/**
 * The data converter options of every Temporal client and worker of the system: payloads encrypted, and failures'
 * messages and stack traces moved into an (encrypted) payload too, so that a rule's refusal shows nothing either.
 */
export function payloadCodecFrom(keys: string): {
  payloadCodecs: EncryptionCodec[];
  failureConverter: DefaultFailureConverter;
} {
  return {
    payloadCodecs: [new EncryptionCodec(parsePayloadKeys(keys))],
    failureConverter: new DefaultFailureConverter({ encodeCommonAttributes: true }),
  };
}
