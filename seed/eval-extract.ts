/**
 * How well the extractor finds facts, by (subject, relation, object):
 *
 * - `evaluate(kb)`: on the five corpus articles against the curated facts the
 *   seed cites from each (in-sample: the extractor was written against them);
 * - `evaluateDevset(dir)`: on the development set (`seed/devset/dev/`, tuned on)
 *   and the held-out part (`seed/devset/heldout/`, never tuned on), each article
 *   `NAME.txt` beside `NAME.json` with its expected facts.
 *
 * MET_WITH counts in either direction. An end is a seed id, or for an entity the
 * seed does not know, its name (normalised: case, accents and hyphens ignored).
 * Dates and statuses are scored on the matched facts that state them.
 *
 *   npx tsx seed/eval-extract.ts [--details]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { normalizeText } from '../shared/graph.js';
import { REL_TYPES, type RelType } from '../shared/schema.js';
import type { KnowledgeBase } from './facts.js';
import { buildGazetteer, entitiesFromGraph, type Gazetteer } from '../extract/entities.js';
import { extractCandidates, type Candidate } from '../extract/extract.js';

/** The relation types the extractor has patterns for; the others are not scored. */
export const EXTRACTED_TYPES: readonly RelType[] = ['SIGNED', 'RATIFIED', 'DEPLOYED_TROOPS_TO', 'MET_WITH', 'VISITED', 'LAUNCHED', 'ACCUSED', 'SUPPLIED'];
const SYMMETRIC = new Set<RelType>(['MET_WITH']);
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEVSET_DIR = path.join(HERE, 'devset');

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Candidates with an endpoint unknown to the seed (counted in tp or fp like the others). */
  unresolved: number;
}

export interface Evaluation {
  byType: Record<string, Score>;
  total: Score;
  /** Matched facts whose expected date was given, and how many of those the extractor dated the same. */
  dates: { checked: number; right: number };
  /** Matched facts and how many got the expected claim status. */
  statuses: { checked: number; right: number };
  /** Per article and type: what was missed and what was wrong, for reading. */
  details: Array<{ file: string; type: RelType; missed: string[]; wrong: string[] }>;
}

export type KnowledgeBaseLike = Pick<KnowledgeBase, 'graph' | 'articles' | 'facts'>;

export interface ExpectedFact {
  subject: string;
  relation: RelType;
  object: string;
  /** YYYY-MM-DD as the text gives it (the first day for a month), or null when it gives none. */
  date?: string | null;
  status?: string;
}

/** One article to score: what the extractor proposed and what a reader finds in it. */
export interface ScoredArticle {
  file: string;
  candidates: readonly Candidate[];
  expected: readonly ExpectedFact[];
}

const ID_RE = /^(?:person|state|organization|place|agreement|event):/;

/** An end as a comparable key: the seed id, or the normalised name of a proposed entity. */
function endKey(idOrName: string | null, name: string): string {
  if (idOrName && ID_RE.test(idOrName)) return idOrName;
  return `name:${normalizeText(idOrName ?? name)}`;
}

function factKey(type: RelType, from: string, to: string): string {
  const [a, b] = SYMMETRIC.has(type) && to < from ? [to, from] : [from, to];
  return `${type}|${a}|${b}`;
}

function score(tp: number, fp: number, fn: number, unresolved: number): Score {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, unresolved };
}

/** Scores candidates against expected facts, article by article, per relation type. */
export function scoreArticles(articles: readonly ScoredArticle[]): Evaluation {
  const counts = new Map<RelType, { tp: number; fp: number; fn: number; unresolved: number }>();
  for (const t of EXTRACTED_TYPES) counts.set(t, { tp: 0, fp: 0, fn: 0, unresolved: 0 });
  const details: Evaluation['details'] = [];
  const dates = { checked: 0, right: 0 };
  const statuses = { checked: 0, right: 0 };

  for (const article of articles) {
    const expected = new Map<string, ExpectedFact[]>();
    for (const f of article.expected) {
      if (!EXTRACTED_TYPES.includes(f.relation)) continue;
      const k = factKey(f.relation, endKey(f.subject, f.subject), endKey(f.object, f.object));
      expected.set(k, [...(expected.get(k) ?? []), f]);
    }
    const found = new Map<string, Candidate[]>();
    for (const c of article.candidates) {
      const k = factKey(c.predicate, endKey(c.subject.id, c.subject.name), endKey(c.object.id, c.object.name));
      found.set(k, [...(found.get(k) ?? []), c]);
      if (c.subject.id === null || c.object.id === null) counts.get(c.predicate)!.unresolved++;
    }
    for (const [k, facts] of expected) {
      const got = found.get(k);
      if (!got) continue;
      for (const f of facts) {
        if (f.date) {
          dates.checked++;
          if (got.some((c) => c.date === f.date)) dates.right++;
        }
        if (f.status) {
          statuses.checked++;
          if (got.some((c) => c.status === f.status)) statuses.right++;
        }
      }
    }
    for (const t of EXTRACTED_TYPES) {
      const exp = [...expected.keys()].filter((k) => k.startsWith(`${t}|`));
      const got = [...found.keys()].filter((k) => k.startsWith(`${t}|`));
      const c = counts.get(t)!;
      const missed = exp.filter((k) => !found.has(k));
      const wrong = got.filter((k) => !expected.has(k));
      c.tp += exp.length - missed.length;
      c.fn += missed.length;
      c.fp += wrong.length;
      if (missed.length || wrong.length) details.push({ file: article.file, type: t, missed, wrong });
    }
  }

  const byType: Record<string, Score> = {};
  const sum = { tp: 0, fp: 0, fn: 0, un: 0 };
  for (const [t, c] of counts) {
    byType[t] = score(c.tp, c.fp, c.fn, c.unresolved);
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.un += c.unresolved;
  }
  return { byType, total: score(sum.tp, sum.fp, sum.fn, sum.un), dates, statuses, details };
}

/** In-sample: the corpus articles against the curated facts that cite them. */
export function evaluate(kb: KnowledgeBaseLike, corpusDir = path.join(HERE, 'corpus')): Evaluation {
  const gazetteer = buildGazetteer(entitiesFromGraph(kb.graph));
  return scoreArticles(
    kb.articles.map((article) => {
      const raw = readFileSync(path.join(corpusDir, article.file), 'utf8');
      const expected = kb.facts
        .filter((fact) => fact.claims.some((c) => c.file === article.file || c.article === article.id))
        .map((fact) => ({ subject: fact.from, relation: fact.type, object: fact.to }));
      return { file: article.file, candidates: extractCandidates(raw, { gazetteer }).candidates, expected };
    }),
  );
}

const ExpectedFile = z.object({
  facts: z.array(
    z.object({
      subject: z.string().min(1),
      relation: z.enum(REL_TYPES as [RelType, ...RelType[]]),
      object: z.string().min(1),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
      status: z.string().optional(),
    }),
  ),
});

/** The articles of one part of the development set with their expected facts. */
export function loadDevset(dir: string): Array<{ file: string; raw: string; expected: ExpectedFact[] }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const json = path.join(dir, file.replace(/\.txt$/, '.json'));
      const parsed = ExpectedFile.safeParse(JSON.parse(readFileSync(json, 'utf8')));
      if (!parsed.success) throw new Error(`${json}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { file, raw: readFileSync(path.join(dir, file), 'utf8'), expected: parsed.data.facts };
    });
}

/** Out-of-sample: one part of the development set (`dev` or `heldout`). */
export function evaluateDevset(gazetteer: Gazetteer, dir: string): Evaluation {
  return scoreArticles(loadDevset(dir).map((a) => ({ file: a.file, candidates: extractCandidates(a.raw, { gazetteer }).candidates, expected: a.expected })));
}

export function formatTable(ev: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(11);
  const row = (name: string, s: Score) =>
    `${name.padEnd(20)}${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}${pct(s.precision)}${pct(s.recall)}${String(s.unresolved).padStart(12)}`;
  const lines = [`${'type'.padEnd(20)}${'tp'.padStart(4)}${'fp'.padStart(4)}${'fn'.padStart(4)}${'precision'.padStart(11)}${'recall'.padStart(11)}${'unresolved'.padStart(12)}`];
  for (const [t, s] of Object.entries(ev.byType)) lines.push(row(t, s));
  lines.push(row('ALL', ev.total));
  lines.push(`dates right ${ev.dates.right}/${ev.dates.checked}, statuses right ${ev.statuses.right}/${ev.statuses.checked} (of the matched facts that give one)`);
  return lines.join('\n');
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { loadKnowledgeBase } = await import('./facts.js');
  const kb = await loadKnowledgeBase();
  const gazetteer = buildGazetteer(entitiesFromGraph(kb.graph));
  const parts: Array<[string, Evaluation]> = [
    ['corpus (in-sample, the curated facts)', evaluate(kb)],
    ['development set (tuned on)', evaluateDevset(gazetteer, path.join(DEVSET_DIR, 'dev'))],
    ['held-out set (never tuned on)', evaluateDevset(gazetteer, path.join(DEVSET_DIR, 'heldout'))],
  ];
  for (const [name, ev] of parts) {
    console.log(`\n${name}\n${formatTable(ev)}`);
    // Details of the held-out part are not printed: reading its misses is tuning on it.
    if (argv.includes('--details') && !name.startsWith('held-out')) {
      for (const d of ev.details) {
        for (const m of d.missed) console.log(`${d.file}  missed  ${m}`);
        for (const w of d.wrong) console.log(`${d.file}  wrong   ${w}`);
      }
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
