import { PROVENANCE_PROPS } from '../../shared/schema.js';
import { createEdgeStatement, createNodeStatement, planMerge, type MergePlan, type Statement } from '../merge-plan.js';
import type { FactBatch, MergeReport, Runner } from '../store.js';
import { ANY_LABEL } from './match.js';

/** Appends claims inside the database: `+` on the stored lists, never a rewrite from what was read. */
function appendStatement({ edge, claims, fromLabel, toLabel }: MergePlan['appends'][number]): Statement {
  const sets = PROVENANCE_PROPS.map((k) => `r.${k} = coalesce(r.${k}, []) + $${k}`).join(', ');
  return {
    query: `MATCH (a:${fromLabel} {id: $from})-[r:${edge.type}]->(b:${toLabel} {id: $to}) WHERE r.id = $id SET ${sets}`,
    params: { from: edge.source, to: edge.target, id: edge.id, ...claims },
  };
}

export async function mergeFacts(run: Runner, write: (steps: Statement[]) => Promise<void>, batch: FactBatch): Promise<MergeReport> {
  const nodeIds = [...new Set([...batch.nodes.map((n) => n.id), ...batch.edges.flatMap((e) => [e.source, e.target])])];
  const edgeIds = batch.edges.map((e) => e.id);
  const [nodes, edges] = await Promise.all([
    run(`MATCH (n:${ANY_LABEL}) WHERE n.id IN $ids RETURN n`, { ids: nodeIds }),
    // With its end nodes, so the edge's source and target are their ids (the append matches on them), not element ids.
    run(`MATCH (a:${ANY_LABEL})-[r]->(b:${ANY_LABEL}) WHERE r.id IN $ids RETURN a, r, b`, { ids: edgeIds }),
  ]);
  const plan = planMerge(batch, nodes.graph.nodes, edges.graph.edges);
  const steps = [...plan.nodes.map(createNodeStatement), ...plan.edges.map(createEdgeStatement), ...plan.appends.map(appendStatement)];
  if (steps.length) await write(steps);
  return plan.report;
}
