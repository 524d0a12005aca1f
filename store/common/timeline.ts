/** The same Cypher on every engine (Kùzu and Neo4j spell this one alike), so one file serves both. */
import { mergeGraphs, type GraphNode } from '../../shared/graph.js';
import { REL_TYPES } from '../../shared/schema.js';
import { typeFilter } from '../cypher-names.js';
import { timelineEntries } from '../results.js';
import type { Runner, Timeline, TimelineRequest } from '../store.js';

const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

/** Events and facts whose date or dateFrom..dateTo range overlaps the window. */
export async function timeline(run: Runner, request: TimelineRequest): Promise<Timeline> {
  const params = { from: request.from ?? EARLIEST, to: request.to ?? LATEST, limit: request.limit };
  const rel = `[r${typeFilter(request.types.length ? request.types : REL_TYPES)}]`;
  const [events, facts] = await Promise.all([
    run(
      'MATCH (e:Event) WITH e, coalesce(e.dateFrom, e.date) AS firstDay, coalesce(e.dateTo, e.date) AS lastDay ' +
        'WHERE firstDay <= date($to) AND lastDay >= date($from) RETURN e ORDER BY coalesce(e.date, firstDay), e.id LIMIT $limit',
      params,
      { maxRows: request.limit },
    ),
    run(
      `MATCH (a)-${rel}->(b) WITH a, r, b, coalesce(r.dateFrom, r.date) AS firstDay, coalesce(r.dateTo, r.date) AS lastDay ` +
        'WHERE firstDay <= date($to) AND lastDay >= date($from) RETURN a, r, b ORDER BY coalesce(r.date, firstDay), r.id LIMIT $limit',
      params,
      { maxRows: request.limit },
    ),
  ]);
  const { entries, truncated } = timelineEntries(events.graph.nodes as GraphNode[], facts.graph.edges, request.limit);
  return { entries, graph: mergeGraphs(events.graph, facts.graph), truncated: truncated || events.truncated || facts.truncated };
}
