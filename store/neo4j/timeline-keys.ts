/**
 * The timeline's sort keys on Neo4j: properties the adapter writes on every
 * relationship it creates, so the timeline's indexes (schema.ts) can hand
 * out a window's facts in the timeline's own order and stop at the page.
 * They are derived from the schema's dates by one Cypher expression (here),
 * kept in step by every write path that creates a relationship (bulk create,
 * replaceGraph, bulkLoad, mergeFacts), and never part of what the API returns
 * (convert.ts leaves them out).
 *
 * With the timeline's rule (store/common/timeline.ts): first day
 * f = coalesce(dateFrom, date), last day l = coalesce(dateTo, date), order key
 * k = coalesce(date, f):
 * - jejakTimelineKey = k on every dated relationship;
 * - jejakTimelineSpan = k only where l > k (a range running past its key: the
 *   facts that can overlap a window whose start is after their key);
 * - jejakTimelineEarly = f only where f < k (a range starting before its key:
 *   the facts that can overlap a window whose end is before their key).
 * A property that is null is not stored, so the last two indexes hold only
 * those few facts.
 */

export const TIMELINE_KEY = 'jejakTimelineKey';
export const TIMELINE_SPAN = 'jejakTimelineSpan';
export const TIMELINE_EARLY = 'jejakTimelineEarly';

/** Relationship properties of the adapter's own, left out of every answer. */
export const HIDDEN_REL_PROPS: ReadonlySet<string> = new Set([TIMELINE_KEY, TIMELINE_SPAN, TIMELINE_EARLY]);

/** `r.jejakTimelineKey = …, …`: the SET items that derive the keys of relationship `v` from its dates (`v` is the code's own variable). */
export function timelineKeysSet(v: string): string {
  if (!/^[a-z]\w*$/.test(v)) throw new Error(`not a variable name: ${v}`);
  const k = `coalesce(${v}.date, ${v}.dateFrom)`;
  const f = `coalesce(${v}.dateFrom, ${v}.date)`;
  const l = `coalesce(${v}.dateTo, ${v}.date)`;
  return [
    `${v}.${TIMELINE_KEY} = ${k}`,
    `${v}.${TIMELINE_SPAN} = CASE WHEN ${l} > ${k} THEN ${k} END`,
    `${v}.${TIMELINE_EARLY} = CASE WHEN ${f} < ${k} THEN ${f} END`,
  ].join(', ');
}
