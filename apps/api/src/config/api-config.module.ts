import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApiConfig } from './api-config.service';
import { EnvironmentOverrides, validateEnvironment } from './environment';

@Global()
@Module({})
export class ApiConfigModule {
  /**
   * The environment is read from process.env (no .env file: the deployment sets it) with `overrides` on top,
   * validated as a whole. It is loaded as configuration rather than through ConfigModule's `validate` option,
   * which would copy the values into process.env and leak one app's overrides into the next.
   */
  static forRoot(overrides: EnvironmentOverrides = {}): DynamicModule {
    const environment = validateEnvironment({ ...process.env, ...overrides });
    return {
      module: ApiConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => ({ ...environment })],
        }),
      ],
      providers: [ApiConfig],
      exports: [ApiConfig],
    };
  }
}
