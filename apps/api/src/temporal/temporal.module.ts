import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { payloadCodecFrom } from '../../../../libs/codec/src';
import { ApiConfig } from '../config/api-config.service';

/**
 * Connects to the Temporal frontend once at start-up; the gRPC channel reconnects by itself afterwards. Payloads are
 * encrypted (libs/codec) before they leave the API.
 */
async function connectClient(config: ApiConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporalAddress });
  return new Client({
    connection,
    namespace: config.temporalNamespace,
    dataConverter: payloadCodecFrom(config.temporalPayloadKeys),
  });
}

@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('Temporal');

  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.client.connection.close();
    } catch (error) {
      this.logger.warn(`closing the Temporal connection failed: ${(error as Error).message}`);
    }
  }
}

@Global()
@Module({
  providers: [{ provide: Client, useFactory: connectClient, inject: [ApiConfig] }, TemporalConnectionCloser],
  exports: [Client],
})
export class TemporalModule {}
