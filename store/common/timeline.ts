/** The same Cypher on every engine (Kùzu and Neo4j spell this one alike), so one file serves both. */
import { mergeGraphs, type GraphNode } from '../../shared/graph.js';
import { REL_TYPES } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { timelineEntries } from '../results.js';
import type { RunResult, Runner, Timeline, TimelineRequest } from '../store.js';

const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

/** The window's bounds, an open side as the earliest or latest day. */
export function windowOf(request: TimelineRequest): { from: string; to: string } {
  return { from: request.from ?? EARLIEST, to: request.to ?? LATEST };
}

/** Events whose date or dateFrom..dateTo range overlaps the window, by date then id, at most `limit`. */
export function eventsInWindow(run: Runner, request: TimelineRequest): Promise<RunResult> {
  return run(
    'MATCH (e:Event) WITH e, coalesce(e.dateFrom, e.date) AS firstDay, coalesce(e.dateTo, e.date) AS lastDay ' +
      'WHERE firstDay <= date($to) AND lastDay >= date($from) RETURN e ORDER BY coalesce(e.date, firstDay), e.id LIMIT $limit',
    { ...windowOf(request), limit: request.limit },
    { maxRows: request.limit },
  );
}

/** The timeline from the window's events and its first `limit` facts (in the facts' order: date, then id). */
export function timelineOf(events: RunResult, facts: Pick<RunResult, 'graph' | 'truncated'>, limit: number): Timeline {
  const { entries, truncated } = timelineEntries(events.graph.nodes as GraphNode[], facts.graph.edges, limit);
  return { entries, graph: mergeGraphs(events.graph, facts.graph), truncated: truncated || events.truncated || facts.truncated };
}

/** Events and facts whose date or dateFrom..dateTo range overlaps the window. */
export async function timeline(run: Runner, request: TimelineRequest): Promise<Timeline> {
  const rel = `[r${typeFilter(request.types.length ? request.types : REL_TYPES)}]`;
  const [events, facts] = await Promise.all([
    eventsInWindow(run, request),
    run(
      `MATCH (a)-${rel}->(b) WITH a, r, b, coalesce(r.dateFrom, r.date) AS firstDay, coalesce(r.dateTo, r.date) AS lastDay ` +
        'WHERE firstDay <= date($to) AND lastDay >= date($from) RETURN a, r, b ORDER BY coalesce(r.date, firstDay), r.id LIMIT $limit',
      { ...windowOf(request), limit: request.limit },
      { maxRows: request.limit },
    ),
  ]);
  return timelineOf(events, facts, request.limit);
}
