import { Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec, parsePayloadKeys } from '../../../../libs/codec/src';
import { ApiConfig } from '../config/api-config.service';
import { badRequest } from '../http/validation-errors';
import type { JsonPayload } from './codec-payloads.dto';

/** The system's payload codec behind the codec server protocol (what `temporal --codec-endpoint` calls). */
@Injectable()
export class CodecService {
  private readonly codec: EncryptionCodec;

  constructor(config: ApiConfig) {
    this.codec = new EncryptionCodec(parsePayloadKeys(config.temporalPayloadKeys));
  }

  /** A payload the configured keys cannot decrypt (another key, altered bytes) is refused by its index. */
  async decode(payloads: JsonPayload[]): Promise<JsonPayload[]> {
    return Promise.all(
      payloads.map(fromJson).map(async (payload, index) => {
        try {
          const [decoded] = await this.codec.decode([payload]);
          return toJson(decoded);
        } catch {
          throw badRequest([
            {
              field: `payloads[${index}]`,
              reason: 'cannot be decrypted with the configured TEMPORAL_PAYLOAD_KEYS',
            },
          ]);
        }
      }),
    );
  }

  async encode(payloads: JsonPayload[]): Promise<JsonPayload[]> {
    return (await this.codec.encode(payloads.map(fromJson))).map(toJson);
  }
}

function fromJson(payload: JsonPayload, index: number): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(payload.metadata)) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw badRequest([{ field: `payloads[${index}].metadata.${key}`, reason: 'must be base64' }]);
    }
    metadata[key] = Buffer.from(value, 'base64');
  }
  return { metadata, data: payload.data === undefined ? undefined : Buffer.from(payload.data, 'base64') };
}

function toJson(payload: Payload): JsonPayload {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload.metadata ?? {})) {
    metadata[key] = Buffer.from(value ?? new Uint8Array()).toString('base64');
  }
  return { metadata, ...(payload.data ? { data: Buffer.from(payload.data).toString('base64') } : {}) };
}
