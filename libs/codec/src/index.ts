export * from './encryption-codec';
export * from './payload-keys';

import { EncryptionCodec } from './encryption-codec';
import { parsePayloadKeys } from './payload-keys';

/** The data converter options of every Temporal client and worker of the system. */
export function payloadCodecFrom(keys: string): { payloadCodecs: EncryptionCodec[] } {
  return { payloadCodecs: [new EncryptionCodec(parsePayloadKeys(keys))] };
}
