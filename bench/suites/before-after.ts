/**
 * Before/after rows for the read path's indexes and caches (issue 16): each
 * query shape the store used before (bench/before/index.ts, `beforeShapes`)
 * timed on the same store, in the same run, beside the operation that
 * replaced it: the API suite's in-process call for the same request, each
 * sample right after or before one of the old shape's, in turn (so both see
 * the same moment of a shared machine); the ingest preview's "after" is the
 * API suite's row over HTTP.
 */
import { beforeShapes, type BeforeProbe, type BeforeShape } from '../before/index.js';
import type { Store } from '../../store/store.js';
import { percentile, round, since } from '../stats.js';
import type { Endpoint, IngestRow, Probes } from './api.js';

export interface BeforeAfterRow {
  id: string;
  operation: BeforeShape['operation'];
  describe: string;
  /** The old shape, in-process on this store: p50 / max over the samples, ms (null when it failed). */
  beforeP50: number | null;
  beforeMax: number | null;
  samples: number;
  /** What answers the same request now, in-process p50 ms over samples taken in turn with the old shape's (the ingest preview: over HTTP, the API suite's row), and where it was taken. */
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

/** The API suite's endpoint that answers the same request as `shape` now (the ingest preview has none in-process). */
function afterOf(shape: BeforeShape, endpoints: Endpoint[]): Endpoint | undefined {
  const named = (prefix: string) => endpoints.find((e) => e.name.startsWith(prefix));
  switch (shape.operation) {
    case 'search':
      return named(shape.id.includes('typo') ? 'search (one typo)' : 'search (a word)');
    case 'neighbours':
      return named('neighbours of the hub');
    case 'timeline':
      return named('timeline of one week');
    case 'paths':
      return named('shortest path');
    case 'ingest-preview':
      return undefined;
  }
}

/**
 * Times every shape of `engine` on `store`: one warm-up call, then up to
 * `samples` calls within `budgetMs` (at least one; the old shapes take seconds
 * at 1M), each beside a call of what replaced it, which goes first every other time.
 */
export async function runBeforeAfter(
  store: Store,
  engine: string,
  probes: Probes,
  after: { endpoints: Endpoint[]; ingest: IngestRow | null },
  o: { samples: number; budgetMs: number; log: (line: string) => void },
): Promise<BeforeAfterRow[]> {
  const probe = beforeProbe(probes);
  const rows: BeforeAfterRow[] = [];
  for (const shape of beforeShapes.filter((s) => s.engine === engine)) {
    const now = afterOf(shape, after.endpoints);
    // The paths shape asks for the probe's first pair: so does its "after", at index 0.
    const current = now ? () => now.direct(store, 0) : undefined;
    const afterFrom = now ? `${now.name}, in-process, in turn with the before` : after.ingest ? 'POST /api/ingest/preview, over HTTP' : 'ingest preview: not measured';
    const row: BeforeAfterRow = { id: shape.id, operation: shape.operation, describe: shape.describe, beforeP50: null, beforeMax: null, samples: 0, afterP50: now ? null : (after.ingest?.previewP50 ?? null), afterFrom, speedup: null };
    const afterTimes: number[] = [];
    const timed = async (fn: () => Promise<unknown>, into: number[]) => {
      const t = performance.now();
      await fn();
      into.push(since(t));
    };
    try {
      const times: number[] = [];
      const started = performance.now();
      await shape.run(store, probe);
      await current?.();
      while (times.length < o.samples && (times.length === 0 || since(started) < o.budgetMs)) {
        const old = () => timed(() => shape.run(store, probe), times);
        const mine = () => (current ? timed(current, afterTimes) : Promise.resolve());
        if (times.length % 2) await mine().then(old);
        else await old().then(mine);
      }
      row.beforeP50 = round(percentile(times, 50), 2);
      row.beforeMax = round(Math.max(...times), 2);
      row.samples = times.length;
    } catch (err) {
      row.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    // An old shape that failed still gets the figure of what replaced it, timed alone.
    if (current) {
      while (afterTimes.length < o.samples) await timed(current, afterTimes).catch(() => afterTimes.push(Number.NaN));
      const ok = afterTimes.filter((t) => Number.isFinite(t));
      row.afterP50 = ok.length ? round(percentile(ok, 50), 2) : null;
    }
    row.speedup = row.beforeP50 !== null && row.afterP50 && row.afterP50 > 0 ? round(row.beforeP50 / row.afterP50, 1) : null;
    o.log(`api ${engine}: before/after ${shape.id}: before p50 ${row.beforeP50 ?? '—'} ms (${row.samples} samples), after p50 ${row.afterP50 ?? '—'} ms${row.error ? ` ERROR ${row.error}` : ''}`);
    rows.push(row);
  }
  return rows;
}
