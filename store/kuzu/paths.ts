import { FACT_TYPES, hopBound, typeFilter } from '../cypher-names.js';
import { pathsByHops } from '../results.js';
import { MAX_PATH_HOPS, type Paths, type PathsRequest, type Runner } from '../store.js';
import { nodeById } from './match.js';

/** Kùzu spells shortest paths in the relationship pattern: `[* SHORTEST 1..k]`; hop bounds are validated integers. */
export async function paths(run: Runner, request: PathsRequest): Promise<Paths> {
  const maxHops = hopBound(request.maxHops, MAX_PATH_HOPS);
  const types = typeFilter(request.types.length ? request.types : FACT_TYPES);
  const ends = `MATCH ${nodeById('a', 'from', request.from)}, ${nodeById('b', 'to', request.to)}`;
  const params = { from: request.from, to: request.to };
  if (request.mode === 'shortest') {
    if (request.from === request.to) {
      const r = await run(`MATCH ${nodeById('a', 'from', request.from)} RETURN a`, { from: request.from });
      return { paths: r.rows.length ? [r.graph] : [], truncated: false };
    }
    const r = await run(`${ends} MATCH p = (a)-[r${types}* SHORTEST 1..${maxHops}]-(b) RETURN p LIMIT 1`, params, { maxRows: 1 });
    return { paths: r.rows.length ? [r.graph] : [], truncated: false };
  }
  return pathsByHops(maxHops, request.limit, (hops, cap) =>
    run(`${ends} MATCH p = (a)-[r${types}*${hops}..${hops}]-(b) RETURN p LIMIT $cap`, { ...params, cap }, { maxRows: cap }),
  );
}
