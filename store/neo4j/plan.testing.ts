/**
 * For tests: the operators and their details of a query's plan on the Neo4j
 * at NEO4J_URI (EXPLAIN, nothing runs), so a test can say which index or
 * degree lookup a query shape is planned with.
 */
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../shared/config.js';
import { toNeo4jParams } from './store.js';

export interface PlanStep {
  operator: string;
  details: string;
}

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

export async function planOf(query: string, params: Record<string, unknown> = {}): Promise<PlanStep[]> {
  const c = loadConfig(process.env).neo4j;
  if (!c) throw new Error('NEO4J_URI is not set');
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  const session = driver.session({ database: c.database, defaultAccessMode: neo4j.session.READ });
  try {
    const summary = await session.run(`EXPLAIN ${query}`, toNeo4jParams(params) as Record<string, unknown>).summary();
    const steps: PlanStep[] = [];
    const walk = (p: PlanNode) => {
      // Operator names end in the runtime's tag (`@neo4j`) on newer servers.
      steps.push({ operator: p.operatorType.replace(/@.*$/, ''), details: String(p.arguments.Details ?? '') });
      p.children.forEach(walk);
    };
    walk(summary.plan as unknown as PlanNode);
    return steps;
  } finally {
    await session.close();
    await driver.close();
  }
}
