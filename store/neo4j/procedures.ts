/**
 * What the Neo4j adapter lets ad-hoc Cypher call, decided on the server's own
 * EXPLAIN plan: only these read procedures, no SHOW commands. The ad-hoc
 * guard (server/services/cypher-guard.ts) refuses the rest earlier on the
 * parse tree; this is the second wall, and it names what it refused.
 */
import type { ProfiledPlan, Plan } from 'neo4j-driver';
import { badQuery } from '../../shared/errors.js';
import { NEO4J_READ_PROCEDURES, procedureRefused } from '../../shared/read-procedures.js';

type PlanNode = Pick<Plan | ProfiledPlan, 'operatorType' | 'arguments' | 'children'>;

function operators(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(operators)];
}

/** `ProcedureCall@neo4j` → `ProcedureCall`. */
const operatorName = (op: PlanNode) => op.operatorType.split('@')[0];

/** The procedure a ProcedureCall operator runs: its Details read `db.labels() :: (label :: STRING)`. */
function procedureOf(op: PlanNode): string {
  const details = String(op.arguments.Details ?? op.arguments.Signature ?? '');
  return details.split('(')[0].trim();
}

/** Throws BadQuery when the plan calls a procedure off the list or runs a SHOW command. */
export function assertAllowedPlan(plan: PlanNode | false): void {
  if (!plan) return;
  for (const op of operators(plan)) {
    const name = operatorName(op);
    if (name === 'ProcedureCall') {
      const procedure = procedureOf(op);
      if (!NEO4J_READ_PROCEDURES.has(procedure.toLowerCase())) throw procedureRefused(procedure, NEO4J_READ_PROCEDURES);
    } else if (name.startsWith('Show') || name.startsWith('Terminate')) {
      throw badQuery('ad-hoc Cypher may not run SHOW or TERMINATE commands: query the graph with MATCH … RETURN');
    }
  }
}
