/**
 * How well the extractor finds the curated facts: for each corpus article, its
 * candidates against the facts the curated seed cites from that article (same
 * predicate, subject id and object id; MET_WITH in either direction).
 * Candidates with an endpoint the seed does not know (id null) count as false
 * positives and are also reported apart as `unresolved`.
 *
 *   npx tsx seed/eval-extract.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RelType } from '../shared/schema.js';
import type { KnowledgeBase } from './facts.js';
import { buildGazetteer, entitiesFromGraph } from '../extract/entities.js';
import { extractCandidates, type Candidate } from '../extract/extract.js';

/** The relation types the extractor has patterns for; the others are not scored. */
export const EXTRACTED_TYPES: readonly RelType[] = ['SIGNED', 'RATIFIED', 'DEPLOYED_TROOPS_TO', 'MET_WITH', 'VISITED', 'LAUNCHED', 'ACCUSED', 'SUPPLIED'];
const SYMMETRIC = new Set<RelType>(['MET_WITH']);

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Candidates with an endpoint unknown to the seed (part of fp). */
  unresolved: number;
}

export interface Evaluation {
  byType: Record<string, Score>;
  total: Score;
  /** Per article and type: what was missed and what was wrong, for reading. */
  details: Array<{ file: string; type: RelType; missed: string[]; wrong: string[] }>;
}

export type KnowledgeBaseLike = Pick<KnowledgeBase, 'graph' | 'articles' | 'facts'>;

function key(type: RelType, from: string, to: string): string {
  const [a, b] = SYMMETRIC.has(type) && to < from ? [to, from] : [from, to];
  return `${type}|${a}|${b}`;
}

function score(tp: number, fp: number, fn: number, unresolved: number): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, unresolved };
}

const DEFAULT_CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

export function evaluate(kb: KnowledgeBaseLike, corpusDir = DEFAULT_CORPUS): Evaluation {
  const gazetteer = buildGazetteer(entitiesFromGraph(kb.graph));
  const counts = new Map<RelType, { tp: number; fp: number; fn: number; unresolved: number }>();
  for (const t of EXTRACTED_TYPES) counts.set(t, { tp: 0, fp: 0, fn: 0, unresolved: 0 });
  const details: Evaluation['details'] = [];

  for (const article of kb.articles) {
    const raw = readFileSync(path.join(corpusDir, article.file), 'utf8');
    const { candidates } = extractCandidates(raw, { gazetteer });
    const expected = new Set<string>();
    for (const fact of kb.facts) {
      if (!EXTRACTED_TYPES.includes(fact.type)) continue;
      if (fact.claims.some((c) => c.file === article.file || c.article === article.id)) expected.add(key(fact.type, fact.from, fact.to));
    }
    const found = new Set<string>();
    const unresolved = new Map<RelType, number>();
    for (const c of candidates as Candidate[]) {
      if (c.subject.id === null || c.object.id === null) {
        unresolved.set(c.predicate, (unresolved.get(c.predicate) ?? 0) + 1);
        found.add(`${c.predicate}|?${c.subject.name}|?${c.object.name}`);
      } else found.add(key(c.predicate, c.subject.id, c.object.id));
    }
    for (const t of EXTRACTED_TYPES) {
      const exp = [...expected].filter((k) => k.startsWith(`${t}|`));
      const got = [...found].filter((k) => k.startsWith(`${t}|`));
      const c = counts.get(t)!;
      const missed = exp.filter((k) => !found.has(k));
      const wrong = got.filter((k) => !expected.has(k));
      c.tp += exp.length - missed.length;
      c.fn += missed.length;
      c.fp += wrong.length;
      c.unresolved += unresolved.get(t) ?? 0;
      if (missed.length || wrong.length) details.push({ file: article.file, type: t, missed, wrong });
    }
  }

  const byType: Record<string, Score> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let un = 0;
  for (const [t, c] of counts) {
    byType[t] = score(c.tp, c.fp, c.fn, c.unresolved);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    un += c.unresolved;
  }
  return { byType, total: score(tp, fp, fn, un), details };
}

export function formatTable(ev: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(11);
  const row = (name: string, s: Score) =>
    `${name.padEnd(20)}${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}${pct(s.precision)}${pct(s.recall)}${String(s.unresolved).padStart(12)}`;
  const lines = [`${'type'.padEnd(20)}${'tp'.padStart(4)}${'fp'.padStart(4)}${'fn'.padStart(4)}${'precision'.padStart(11)}${'recall'.padStart(11)}${'unresolved'.padStart(12)}`];
  for (const [t, s] of Object.entries(ev.byType)) lines.push(row(t, s));
  lines.push(row('ALL', ev.total));
  return lines.join('\n');
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { loadKnowledgeBase } = await import('./facts.js');
  const kb = await loadKnowledgeBase();
  const ev = evaluate(kb);
  console.log(formatTable(ev));
  if (argv.includes('--details')) {
    for (const d of ev.details) {
      for (const m of d.missed) console.log(`${d.file}  missed  ${m}`);
      for (const w of d.wrong) console.log(`${d.file}  wrong   ${w}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
