/** Test helpers for the write operations: a seeded store per engine, and one article's claim as mergeFacts input. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphEdge, GraphNode } from '../../shared/graph.js';
import { loadConfig } from '../../shared/config.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { seedStore } from '../../seed/seed.js';
import { KuzuStore } from '../../store/kuzu/store.js';
import type { FactBatch, Store } from '../../store/store.js';

export interface SeededStore {
  store: Store;
  /** Opens a second store on the same data (a restart), for Kùzu after closing the first. */
  reopen(): Promise<Store>;
  close(): Promise<void>;
}

/** The seed corpus in a fresh Kùzu file, or in the Neo4j of NEO4J_URI (whose Jejak graph it replaces). */
export async function seededStore(engine: 'kuzu' | 'neo4j'): Promise<SeededStore> {
  const graph = (await loadKnowledgeBase()).graph;
  if (engine === 'kuzu') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-write-'));
    const file = path.join(dir, 'jejak.kuzu');
    const stores: Store[] = [new KuzuStore(file, 256)];
    await seedStore(stores[0], graph);
    return {
      store: stores[0],
      async reopen() {
        stores.push(new KuzuStore(file, 256));
        return stores.at(-1)!;
      },
      async close() {
        for (const s of stores) await s.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { createNeo4jStore } = await import('../../store/neo4j/store.js');
  const config = loadConfig(process.env).neo4j!;
  const stores: Store[] = [await createNeo4jStore(config)];
  await seedStore(stores[0], graph);
  return {
    store: stores[0],
    async reopen() {
      stores.push(await createNeo4jStore(config));
      return stores.at(-1)!;
    },
    async close() {
      for (const s of stores) await s.close();
    },
  };
}

export function articleNode(id: string, date = '2025-03-14'): GraphNode {
  return {
    id,
    label: 'Article',
    properties: { name: `Test article ${id}`, aliases: [], description: 'test article', searchText: id, outlet: 'Contoh', headline: id, byline: null, publishedAt: date, language: 'id', file: null, text: `text of ${id}` },
  };
}

/** One claim of `articleId` for the fact `type(source → target)`, dated and placed as given. */
export function claimEdge(
  articleId: string,
  fact: { id: string; type: string; source: string; target: string; date?: string | null; datePrecision?: string | null; place?: string | null },
  quote = `quote from ${articleId}`,
): GraphEdge {
  return {
    id: fact.id,
    type: fact.type,
    source: fact.source,
    target: fact.target,
    properties: {
      summary: `${fact.type} (test)`,
      date: fact.date ?? null,
      datePrecision: fact.date ? (fact.datePrecision ?? 'day') : null,
      dateFrom: null,
      dateTo: null,
      place: fact.place ?? null,
      sourceArticles: [articleId],
      sourceQuotes: [quote],
      sourceOffsets: [0],
      sourceClaims: [''],
      sourceDateNotes: [''],
    },
  };
}

/** One article with one claim on one fact, as ingest would hand it to the store. */
export function oneClaim(articleId: string, fact: Parameters<typeof claimEdge>[1], quote?: string): FactBatch {
  return { articleId, nodes: [articleNode(articleId)], edges: [claimEdge(articleId, fact, quote)] };
}

/** Every edge of `type` from `source` to `target`. */
export async function edgesBetween(store: Store, type: string, source: string, target: string, fromLabel = 'Person', toLabel = 'Person'): Promise<GraphEdge[]> {
  const r = await store.run(`MATCH (a:${fromLabel} {id: $s})-[r:${type}]->(b:${toLabel} {id: $t}) RETURN a, r, b`, { s: source, t: target });
  return r.graph.edges.sort((a, b) => a.id.localeCompare(b.id));
}
