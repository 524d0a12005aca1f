/**
 * The aggregated overview (the store operations `aggregateOverview` and
 * `groupMembers`), shared by both engines: groups per label and links per
 * (from label, type, to label) with counts, and a group's members a page at a
 * time, the most connected first. Each engine writes its own Cypher
 * (store/kuzu/overview-aggregate.ts, store/neo4j/overview-aggregate.ts).
 * Counting a million relationships takes a scan, so the counts and each
 * label's degree ranking are cached per store and taken again when the
 * graph's node or relationship count changes (an ingest, a reseed) or after a
 * minute.
 */
import type { AggregateOverview, GroupMembers, GroupMembersRequest } from '../shared/aggregate.js';
import { storeUnavailable } from '../shared/errors.js';
import type { GraphNode, PlainValue } from '../shared/graph.js';
import { isNodeLabel, isRelType, NODE_LABELS, type NodeLabel } from '../shared/schema.js';
import type { Health, Runner } from './store.js';

export type AggregateRunner = Runner;
export type AggregateCounts = Pick<AggregateOverview, 'groups' | 'links'>;
export interface LabelDegree {
  id: string;
  degree: number;
}

/** Engine rows → groups and links, every label and type checked against the schema, largest first. */
export function countsFromRows(nodeRows: Record<string, PlainValue>[], relRows: Record<string, PlainValue>[]): AggregateCounts {
  const groups = nodeRows
    .filter((r) => isNodeLabel(String(r.label)))
    .map((r) => ({ label: r.label as NodeLabel, count: Number(r.count) }))
    .filter((g) => g.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const links = relRows
    .filter((r) => isNodeLabel(String(r.from)) && isRelType(String(r.type)) && isNodeLabel(String(r.to)))
    .map((r) => ({ from: r.from as NodeLabel, type: r.type as AggregateOverview['links'][number]['type'], to: r.to as NodeLabel, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || `${a.from}${a.type}${a.to}`.localeCompare(`${b.from}${b.type}${b.to}`));
  return { groups, links };
}

/** What each engine provides, in its own Cypher. */
export interface AggregateEngine {
  counts(run: AggregateRunner): Promise<AggregateCounts>;
  degrees(run: AggregateRunner, label: NodeLabel): Promise<LabelDegree[]>;
  nodes(run: AggregateRunner, label: NodeLabel, ids: readonly string[]): Promise<GraphNode[]>;
}

/** A scan of every relationship: longer than an ordinary operation's timeout at 1M, and then cached. */
const SCAN_TIMEOUT_MS = 60_000;

/** How long counts are trusted without looking at the graph's size again. */
const RECHECK_MS = 2_000;
/** How long they are kept at most, whatever the size says (a reseed of the same size). */
const MAX_AGE_MS = 60_000;

interface Cached {
  key: string;
  takenAt: number;
  checkedAt: number;
  overview: AggregateOverview;
  /** Per label: its nodes ranked by degree (descending), then id. */
  ranked: Map<NodeLabel, Promise<LabelDegree[]>>;
}

export class OverviewAggregator {
  private cached: Promise<Cached> | null = null;
  private readonly run: AggregateRunner;

  constructor(
    private readonly engine: AggregateEngine,
    run: Runner,
    private readonly health: () => Promise<Health>,
    private readonly timing = { recheckMs: RECHECK_MS, maxAgeMs: MAX_AGE_MS },
  ) {
    this.run = (query, params, options) => run(query, params, { mode: 'read', timeoutMs: SCAN_TIMEOUT_MS, ...options });
  }

  private async sizeKey(): Promise<string> {
    const h = await this.health();
    if (!h.ok) throw storeUnavailable(`the ${h.engine} store is unavailable: ${h.message ?? 'no answer'}`);
    return `${h.nodes}:${h.relationships}`;
  }

  private async take(key: string): Promise<Cached> {
    const { groups, links } = await this.engine.counts(this.run);
    const now = Date.now();
    const nodes = groups.reduce((s, g) => s + g.count, 0);
    const relationships = links.reduce((s, l) => s + l.count, 0);
    return { key, takenAt: now, checkedAt: now, overview: { groups, links, nodes, relationships, countedAt: new Date(now).toISOString() }, ranked: new Map() };
  }

  private async current(): Promise<Cached> {
    const now = Date.now();
    const prior = this.cached ? await this.cached.catch(() => null) : null;
    const { recheckMs, maxAgeMs } = this.timing;
    if (prior && now - prior.checkedAt < recheckMs && now - prior.takenAt < maxAgeMs) return prior;
    const key = await this.sizeKey();
    if (prior && prior.key === key && now - prior.takenAt < maxAgeMs) {
      prior.checkedAt = now;
      return prior;
    }
    // Concurrent callers share one recount.
    this.cached = this.take(key);
    return this.cached;
  }

  async overview(): Promise<AggregateOverview> {
    return (await this.current()).overview;
  }

  async members({ label, offset, limit }: GroupMembersRequest): Promise<GroupMembers> {
    if (!NODE_LABELS.includes(label)) throw new Error(`not a node label: ${label}`);
    const cached = await this.current();
    let ranked = cached.ranked.get(label);
    if (!ranked) {
      ranked = this.engine.degrees(this.run, label).then((all) => all.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
      cached.ranked.set(label, ranked);
      ranked.catch(() => cached.ranked.delete(label));
    }
    const all = await ranked;
    const page = all.slice(offset, offset + limit);
    const byId = new Map((await this.engine.nodes(this.run, label, page.map((p) => p.id))).map((n) => [n.id, n]));
    const members = page.flatMap((p) => {
      const node = byId.get(p.id);
      return node ? [{ node, degree: p.degree }] : [];
    });
    return { label, members, total: all.length, offset, limit, truncated: offset + page.length < all.length };
  }
}
