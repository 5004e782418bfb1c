import { createLogger } from '../../logging/src';
import { createDataSource } from './data-source';
import { verifyEventChain } from './integrity/event-chain';
import { ownerUrlOf } from './postgres/application-role';

const log = createLogger('verify-events');

/**
 * Command: checks the events' hash chain, of the whole store or of one stream
 * (`npm run verify:events [-- <trajectory id>]`). Exit code 1 when a link is broken; the broken events are named
 * by stream, version and position (no content: events hold personal data).
 */
async function main(): Promise<void> {
  const databaseUrl = ownerUrlOf(process.env);
  if (!databaseUrl) {
    log.error(
      'DATABASE_OWNER_URL or DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/inburgering)',
    );
    process.exitCode = 2;
    return;
  }
  const streamId = process.argv[2];
  const dataSource = await createDataSource(databaseUrl, {
    poolSize: 1,
    applicationName: 'verify-events',
  }).initialize();
  try {
    const started = performance.now();
    const result = await verifyEventChain(dataSource, streamId);
    const seconds = (performance.now() - started) / 1000;
    const summary = {
      events: result.eventsChecked,
      streams: result.streamsChecked,
      brokenLinks: result.brokenLinks.length,
      headDigest: result.headDigest,
      seconds,
    };
    if (result.brokenLinks.length === 0) {
      log.info(
        summary,
        `the hash chain of ${result.eventsChecked} events in ${result.streamsChecked} streams holds`,
      );
      return;
    }
    for (const link of result.brokenLinks) log.error(link, `broken link: ${link.problem}`);
    log.error(summary, `${result.brokenLinks.length} broken link(s) in the hash chain`);
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log.error({ err: error }, 'verifying the event chain failed');
    process.exitCode = 1;
  });
}
