/**
 * For tests on the Neo4j at NEO4J_URI: a seeded store for a describe block,
 * and the operators and their details of a query's plan (EXPLAIN, nothing
 * runs), so a test can say which index or degree lookup a shape is planned with.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { seededStore, type SeededStore } from '../../server/testing/harness.js';
import { loadConfig } from '../../shared/config.js';
import type { Runner, Store } from '../store.js';
import { Neo4jStore, toNeo4jParams } from './store.js';

/** The seed loaded into Neo4j for the describe block this is called in (its hooks), with a read-only runner on it. */
export function useSeededNeo4j(): { readonly store: Store; run: Runner } {
  let seeded: SeededStore | undefined;
  beforeAll(async () => {
    seeded = await seededStore('neo4j');
  }, 120_000);
  afterAll(async () => seeded?.close());
  const store = (): Store => {
    if (!seeded) throw new Error('the seeded Neo4j store is used outside its describe block');
    return seeded.store;
  };
  return {
    get store() {
      return store();
    },
    run: (q, p, o) => store().run(q, p, { ...o, mode: 'read' }),
  };
}

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

/** A store of its own on the Neo4j at NEO4J_URI that counts the driver sessions it opens (`sessions`, set back with `reset`). */
export function sessionCountingStore(): { store: Neo4jStore; sessions(): number; reset(): void } {
  const c = loadConfig(process.env).neo4j;
  if (!c) throw new Error('NEO4J_URI is not set');
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  let sessions = 0;
  const counting = new Proxy(driver, { get: (d, k) => (k === 'session' ? (...a: Parameters<Driver['session']>) => (sessions++, d.session(...a)) : Reflect.get(d, k)) });
  const store = new Neo4jStore(counting, { uri: c.uri, user: c.user, password: c.password, database: c.database, reloadCheckMs: 60_000 });
  return { store, sessions: () => sessions, reset: () => void (sessions = 0) };
}
