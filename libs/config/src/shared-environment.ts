import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { PAYLOAD_KEYS_FORMAT } from '../../codec/src/payload-keys';

/** What every process of the system needs: the database and the Temporal cluster. */
export class SharedEnvironment {
  @IsString()
  @IsNotEmpty({ message: 'DATABASE_URL must be set (postgres://user@host:port/database)' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL = '';

  /**
   * The schema owner, for migrations (RUN_MIGRATIONS) and owner-only commands (rebuild, verify:events), when
   * DATABASE_URL is the application role (inburgering_app, which cannot alter the events). Default: DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'DATABASE_OWNER_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_OWNER_URL?: string = undefined;

  @IsString()
  @IsNotEmpty()
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_TASK_QUEUE = 'trajectories';

  /**
   * The payload codec's AES-256 keys (libs/codec): `id:base64key[,id:base64key...]`, the first encrypts, all
   * decrypt. Every Temporal payload is encrypted with it, so the Temporal UI shows no personal data.
   */
  @Matches(PAYLOAD_KEYS_FORMAT, {
    message:
      'TEMPORAL_PAYLOAD_KEYS must be id:key pairs separated by commas, each key 32 bytes in base64 (openssl rand -base64 32)',
  })
  TEMPORAL_PAYLOAD_KEYS = '';
}
