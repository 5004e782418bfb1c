import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the partner's endpoint received, and what it answered. */
export interface ReceivedDelivery {
  receivedAt: number;
  path: string;
  messageId: string;
  timestamp: number;
  signature: string;
  rawBody: string;
  body: {
    id: string;
    type: string;
    trajectoryId: string;
    trajectoryVersion: number;
    data: Record<string, unknown>;
  };
  status: number;
  /** The endpoint processed it (a 2xx, or an answer it delayed past the relay's timeout after processing). */
  processed: boolean;
}

export type EndpointBehaviour = (delivery: ReceivedDelivery) => { status: number; delayMs?: number };

/**
 * A partner's endpoint: a real HTTP server on 127.0.0.1 that can be down (not listening: connection refused),
 * answer what `behaviour` says, and records every request it received.
 */
export class PartnerEndpoint {
  readonly received: ReceivedDelivery[] = [];
  behaviour: EndpointBehaviour = () => ({ status: 200 });
  private server: Server | undefined;

  private constructor(readonly port: number) {}

  /** Reserves a free port and leaves it closed: the partner is down. */
  static async reserve(): Promise<PartnerEndpoint> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return new PartnerEndpoint(port);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const delivery: ReceivedDelivery = {
      receivedAt: Date.now(),
      path: request.url ?? '',
      messageId: String(request.headers['webhook-id']),
      timestamp: Number(request.headers['webhook-timestamp']),
      signature: String(request.headers['webhook-signature']),
      rawBody,
      body: JSON.parse(rawBody) as ReceivedDelivery['body'],
      status: 0,
      processed: false,
    };
    const { status, delayMs } = this.behaviour(delivery);
    delivery.status = status;
    delivery.processed = status >= 200 && status < 300;
    this.received.push(delivery);
    if (delayMs)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        response.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    if (!response.destroyed) response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
  }

  /** The partner's deduplication: the first processed delivery of each message id, in the order processed. */
  processedOnce(path: string): ReceivedDelivery[] {
    const seen = new Set<string>();
    return this.received.filter((delivery) => {
      if (delivery.path !== path || !delivery.processed || seen.has(delivery.messageId)) return false;
      seen.add(delivery.messageId);
      return true;
    });
  }
}

/** The partner's own check of the signature, written from the documented scheme (not the relay's code). */
export function signatureVerifies(delivery: ReceivedDelivery, secret: Buffer): boolean {
  const expected = createHmac('sha256', secret)
    .update(`${delivery.messageId}.${delivery.timestamp}.${delivery.rawBody}`)
    .digest('base64');
  return delivery.signature.split(' ').includes(`v1,${expected}`);
}
