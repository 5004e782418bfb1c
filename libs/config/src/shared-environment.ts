import { IsNotEmpty, IsString, Matches } from 'class-validator';

/** What every process of the system needs: the database and the Temporal cluster. */
export class SharedEnvironment {
  @IsString()
  @IsNotEmpty({ message: 'DATABASE_URL must be set (postgres://user@host:port/database)' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL = '';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_TASK_QUEUE = 'trajectories';
}
