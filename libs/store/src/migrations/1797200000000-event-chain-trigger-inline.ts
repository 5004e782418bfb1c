import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 7 §2 (bulk opening). The hash-chain trigger (migration 1796700000000) computed each link by calling
 * event_chain_link(previous_hash, NEW): passing the row as a composite value to an SQL function costs about three
 * times what the rest of an event's insert does. The trigger now computes the very same bytes inline (the expression
 * of event_chain_link, which stays the definition `npm run verify:events` checks against), and looks up the previous
 * link only where there is one (version 1 starts its stream's chain).
 */
export class EventChainTriggerInline1797200000000 implements MigrationInterface {
  name = 'EventChainTriggerInline1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous_hash bytea;
      BEGIN
        IF NEW.version > 1 THEN
          SELECT hash INTO previous_hash FROM events WHERE stream_id = NEW.stream_id AND version = NEW.version - 1;
        END IF;
        -- Keep equal to event_chain_link(previous_hash, NEW).
        NEW.hash := sha256(coalesce(previous_hash, ''::bytea) || convert_to(
          concat_ws(E'\\x1f', NEW.stream_id, NEW.version::text, NEW.type, NEW.schema_version::text,
                    NEW.data::text, NEW.metadata::text,
                    to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')),
          'UTF8'));
        RETURN NEW;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.hash := event_chain_link(
          (SELECT hash FROM events WHERE stream_id = NEW.stream_id AND version = NEW.version - 1), NEW);
        RETURN NEW;
      END
      $$`);
  }
}
