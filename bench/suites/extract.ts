/**
 * Extraction throughput: `extractCandidates` over a batch of synthetic
 * corpus-like pages, when extract/ exists (it is optional: skipped with a note otherwise).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Graph } from '../../shared/graph.js';
import type { NodeLabel } from '../../shared/schema.js';
import { round, since } from '../stats.js';
import { syntheticArticles } from '../synthetic.js';

export interface ExtractResult {
  skipped?: string;
  articles?: number;
  gazetteerEntities?: number;
  totalMs?: number;
  articlesPerSec?: number;
  /** Articles per second of this process's CPU time: what the extractor does when it has a core to itself (other work on the machine inflates the wall time, not this). */
  articlesPerCpuSec?: number;
  cpuMs?: number;
  charsPerSec?: number;
  candidates?: number;
}

interface ExtractModule {
  extractCandidates(raw: string, opts: { date?: string; outlet?: string; gazetteer: unknown }): { candidates: unknown[] };
}
interface EntitiesModule {
  buildGazetteer(entities: Array<{ id: string; label: NodeLabel; name: string; aliases: string[] }>): unknown;
}

const EXTRACT = new URL('../../extract/extract.ts', import.meta.url);
const ENTITIES = new URL('../../extract/entities.ts', import.meta.url);

export async function runExtract(graph: Graph, quick: boolean): Promise<ExtractResult> {
  if (!fs.existsSync(fileURLToPath(EXTRACT)) || !fs.existsSync(fileURLToPath(ENTITIES)))
    return { skipped: 'extract/extract.ts or entities.ts not found: extraction not measured' };
  const { extractCandidates } = (await import(EXTRACT.href)) as ExtractModule;
  const { buildGazetteer } = (await import(ENTITIES.href)) as EntitiesModule;
  const entities = graph.nodes
    .filter((n) => n.label !== 'Article')
    .map((n) => ({ id: n.id, label: n.label as NodeLabel, name: String(n.properties.name), aliases: (n.properties.aliases as string[] | null) ?? [] }));
  const gazetteer = buildGazetteer(entities);
  const batch = syntheticArticles(graph, quick ? 100 : 500);
  for (const a of batch.slice(0, 10)) extractCandidates(a.raw, { date: a.date, outlet: a.outlet, gazetteer });
  let candidates = 0;
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const a of batch) candidates += extractCandidates(a.raw, { date: a.date, outlet: a.outlet, gazetteer }).candidates.length;
  const ms = since(t);
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const chars = batch.reduce((s, a) => s + a.raw.length, 0);
  return {
    articles: batch.length,
    gazetteerEntities: entities.length,
    totalMs: round(ms),
    articlesPerSec: round(batch.length / (ms / 1000), 1),
    articlesPerCpuSec: round(batch.length / (cpuMs / 1000), 1),
    cpuMs: round(cpuMs),
    charsPerSec: Math.round(chars / (ms / 1000)),
    candidates,
  };
}
