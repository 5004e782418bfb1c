import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../../libs/logging/src';
import { createApiApp } from './api-app';
import { ApiConfig } from './config/api-config.service';

export { createApiApp } from './api-app';
export type { ApiAppOptions } from './api-app';

/** Starts the API on HOST:PORT (127.0.0.1:3000 by default) and logs the address it really listens on. */
export async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const config = app.get(ApiConfig);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  new Logger('Api').log(
    { host: address.address, port: address.port },
    `listening on http://${host}:${address.port} (OpenAPI at /docs)`,
  );
}

if (require.main === module) {
  bootstrap().catch((error: Error) => {
    createLogger('api').fatal(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'the API did not start',
    );
    process.exit(1);
  });
}
