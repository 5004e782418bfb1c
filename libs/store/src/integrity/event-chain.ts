import { DataSource } from 'typeorm';

/** An event whose stored hash does not follow from its content and its predecessor's hash, or a missing version. */
export interface BrokenLink {
  streamId: string;
  version: number;
  position: string;
  problem: 'content or hash altered' | 'version missing before this one';
}

export interface ChainVerification {
  eventsChecked: number;
  streamsChecked: number;
  /** Every broken link, in stream and version order. Empty: the chain holds. */
  brokenLinks: BrokenLink[];
  /**
   * SHA-256 over the last hash of every stream, in stream order: record it outside the database (a ticket, a
   * signed log) to detect later a rewrite by someone who also recomputed the hashes after it.
   */
  headDigest: string | null;
}

/**
 * Recomputes the hash chain of one stream or of the whole store (migration 1796700000000, event_chain_link) in one
 * pass over the events, set-based. Runs as any role that may read the events.
 */
export async function verifyEventChain(
  dataSource: DataSource,
  streamId?: string,
): Promise<ChainVerification> {
  const filter = streamId === undefined ? '' : 'WHERE stream_id = $1';
  const parameters = streamId === undefined ? [] : [streamId];
  const brokenLinks = await dataSource.query<Array<Omit<BrokenLink, 'problem'> & { gap: boolean }>>(
    `WITH chained AS (
       SELECT e AS event, e.stream_id, e.version, e.position, e.hash,
              lag(e.hash) OVER stream AS previous_hash,
              coalesce(lag(e.version) OVER stream, 0) AS previous_version
         FROM events e ${filter}
       WINDOW stream AS (PARTITION BY e.stream_id ORDER BY e.version))
     SELECT stream_id AS "streamId", version, position::text AS position, version <> previous_version + 1 AS gap
       FROM chained
      WHERE version <> previous_version + 1 OR hash IS DISTINCT FROM event_chain_link(previous_hash, event)
      ORDER BY stream_id, version`,
    parameters,
  );
  const [totals] = await dataSource.query<Array<{ events: number; streams: number; head: string | null }>>(
    `SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS streams,
            encode(sha256(string_agg(last_hash, ''::bytea ORDER BY stream_id)), 'hex') AS head
       FROM (SELECT stream_id, hash,
                    CASE WHEN version = max(version) OVER (PARTITION BY stream_id) THEN hash END AS last_hash
               FROM events ${filter}) streams`,
    parameters,
  );
  return {
    eventsChecked: totals.events,
    streamsChecked: totals.streams,
    brokenLinks: brokenLinks.map(({ gap, ...link }) => ({
      ...link,
      version: Number(link.version),
      problem: gap ? 'version missing before this one' : 'content or hash altered',
    })),
    headDigest: totals.head,
  };
}
