/**
 * A Neo4j database written by an earlier Jejak, brought up to this one when a
 * server opens it: the schema's indexes created where missing, and the
 * timeline's sort keys (timeline-keys.ts) written on the dated relationships
 * that have none, in batches with progress. Without them the timeline would
 * leave those facts out and its index hints would name indexes that are not
 * there. Idempotent: on an up-to-date database it costs the index check and one
 * count of the relationships without keys.
 */
import { REL_TYPES } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import type { ProgressFn } from '../store.js';
import type { CountRunner } from './replace-graph.js';
import { TIMELINE_KEY, timelineKeysSet } from './timeline-keys.js';

const WITHOUT_KEYS = `MATCH ()-[r${typeFilter(REL_TYPES)}]->() WHERE r.${TIMELINE_KEY} IS NULL AND coalesce(r.date, r.dateFrom) IS NOT NULL`;
export const COUNT_WITHOUT_KEYS_QUERY = `${WITHOUT_KEYS} RETURN count(r)`;
export const KEY_BATCH_QUERY = `${WITHOUT_KEYS} WITH r LIMIT $batch SET ${timelineKeysSet('r')} RETURN count(r)`;

/** Relationships keyed per write transaction. */
export const KEY_BATCH_ROWS = 10_000;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Writes the timeline keys where a dated relationship has none; returns how many were written. */
export async function writeMissingTimelineKeys(count: CountRunner, progress: ProgressFn, batch = KEY_BATCH_ROWS): Promise<number> {
  const missing = await count(COUNT_WITHOUT_KEYS_QUERY);
  if (!missing) return 0;
  progress(`neo4j: ${fmt(missing)} dated relationships were written by an earlier Jejak without the timeline's sort keys; writing them`);
  let done = 0;
  for (;;) {
    const written = await count(KEY_BATCH_QUERY, { batch });
    if (written === 0) return done;
    done += written;
    progress(`neo4j: timeline keys: ${fmt(done)}/${fmt(Math.max(missing, done))}`);
  }
}
