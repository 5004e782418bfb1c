import { Logger } from '@nestjs/common';
import { createApiApp } from './api-app';
import { ApiConfig } from './config/api-config.service';

export { createApiApp } from './api-app';
export type { ApiAppOptions } from './api-app';

/** Starts the API on PORT. */
export async function bootstrap(): Promise<void> {
  const app = await createApiApp();
  const port = app.get(ApiConfig).port;
  await app.listen(port);
  new Logger('Api').log(`listening on ${await app.getUrl()} (OpenAPI at /docs)`);
}

if (require.main === module) {
  bootstrap().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
