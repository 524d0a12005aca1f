/**
 * Before/after rows for the read path's indexes and caches (issue 16): each
 * query shape the store used before (bench/before/index.ts, `beforeShapes`)
 * timed on the same store, in the same run, beside the operation that
 * replaced it (the "after" figure comes from the API suite's own rows).
 */
import { beforeShapes, type BeforeProbe, type BeforeShape } from '../before/index.js';
import type { Store } from '../../store/store.js';
import { percentile, round, since } from '../stats.js';
import type { IngestRow, LatencyRow, Probes } from './api.js';

export interface BeforeAfterRow {
  id: string;
  operation: BeforeShape['operation'];
  describe: string;
  /** The old shape, in-process on this store: p50 / max over the samples, ms (null when it failed). */
  beforeP50: number | null;
  beforeMax: number | null;
  samples: number;
  /** What answers the same request now, in-process p50 ms (the ingest preview: over HTTP), and where it was taken. */
  afterP50: number | null;
  afterFrom: string;
  /** beforeP50 / afterP50. */
  speedup: number | null;
  error?: string;
}

export function beforeProbe(p: Probes): BeforeProbe {
  const a = p.articles[0];
  return { hub: p.hub, word: p.searchWord, typo: p.searchTypo, week: p.week, pair: p.pairs[0], article: a ? { raw: a.raw, date: a.date, outlet: a.outlet } : undefined };
}

/** The API suite's row that answers the same request as `shape` now. */
function afterOf(shape: BeforeShape, latency: LatencyRow[], ingest: IngestRow | null): { p50: number | null; from: string } {
  const row = (prefix: string) => latency.find((x) => x.endpoint.startsWith(prefix));
  const direct = (prefix: string) => {
    const r = row(prefix);
    return { p50: r?.directP50 ?? null, from: r ? `${r.endpoint}, in-process` : `${prefix}: not measured` };
  };
  switch (shape.operation) {
    case 'search':
      return direct(shape.id.includes('typo') ? 'search (one typo)' : 'search (a word)');
    case 'neighbours':
      return direct('neighbours of the hub');
    case 'timeline':
      return direct('timeline of one week');
    case 'paths':
      return direct('shortest path');
    case 'ingest-preview':
      return { p50: ingest?.previewP50 ?? null, from: ingest ? 'POST /api/ingest/preview, over HTTP' : 'ingest preview: not measured' };
  }
}

/**
 * Times every shape of `engine` on `store`: one warm-up call, then up to
 * `samples` calls within `budgetMs` (at least one; the old shapes take seconds at 1M).
 */
export async function runBeforeAfter(
  store: Store,
  engine: string,
  probes: Probes,
  after: { latency: LatencyRow[]; ingest: IngestRow | null },
  o: { samples: number; budgetMs: number; log: (line: string) => void },
): Promise<BeforeAfterRow[]> {
  const probe = beforeProbe(probes);
  const rows: BeforeAfterRow[] = [];
  for (const shape of beforeShapes.filter((s) => s.engine === engine)) {
    const a = afterOf(shape, after.latency, after.ingest);
    const row: BeforeAfterRow = { id: shape.id, operation: shape.operation, describe: shape.describe, beforeP50: null, beforeMax: null, samples: 0, afterP50: a.p50, afterFrom: a.from, speedup: null };
    try {
      const times: number[] = [];
      const started = performance.now();
      await shape.run(store, probe);
      while (times.length < o.samples && (times.length === 0 || since(started) < o.budgetMs)) {
        const t = performance.now();
        await shape.run(store, probe);
        times.push(since(t));
      }
      row.beforeP50 = round(percentile(times, 50), 2);
      row.beforeMax = round(Math.max(...times), 2);
      row.samples = times.length;
      row.speedup = row.afterP50 && row.afterP50 > 0 ? round(row.beforeP50 / row.afterP50, 1) : null;
    } catch (err) {
      row.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    o.log(`api ${engine}: before/after ${shape.id}: before p50 ${row.beforeP50 ?? '—'} ms (${row.samples} samples), after p50 ${row.afterP50 ?? '—'} ms${row.error ? ` ERROR ${row.error}` : ''}`);
    rows.push(row);
  }
  return rows;
}
