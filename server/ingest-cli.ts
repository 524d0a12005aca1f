/**
 * `npm run ingest -- <article.txt> [--date YYYY-MM-DD] [--outlet NAME] [--accept all|none|0,2,5] [--dry-run --json]`
 *
 * Extracts candidate facts, lets you review them (a prompt per candidate, or
 * --accept), and merges the accepted ones into the configured store. With
 * --dry-run it only prints the candidates: it reads the curated seed for the
 * names it knows and never opens the database, so it works beside a running
 * server. Exit codes: 0 ok, 2 input to fix, 1 anything else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import type { IngestPreviewResponse } from '../shared/api.js';
import { loadConfig } from '../shared/config.js';
import { JejakError } from '../shared/errors.js';
import { buildGazetteer, entitiesFromGraph } from '../extract/entities.js';
import { IngestInputError, validateArticleInput } from '../extract/input.js';
import { loadKnowledgeBase } from '../seed/facts.js';
import { commitIngest, previewFromText, previewIngest } from './services/ingest.js';
import { createStore } from '../store/index.js';

const USAGE = 'usage: npm run ingest -- <article.txt> [--date YYYY-MM-DD] [--outlet NAME] [--accept all|none|0,2,5] [--dry-run --json]';
const VALUED = new Set(['--date', '--outlet', '--accept']);
const FLAGS = new Set(['--dry-run', '--json']);

export interface CliOptions {
  file: string;
  date?: string;
  outlet?: string;
  accept?: string;
  dryRun: boolean;
  json: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { file: '', dryRun: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (VALUED.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new IngestInputError('empty', `${name} needs a value. ${USAGE}`);
      if (name === '--date') opts.date = value;
      else if (name === '--outlet') opts.outlet = value;
      else opts.accept = value;
    } else if (FLAGS.has(a)) {
      if (a === '--dry-run') opts.dryRun = true;
      else opts.json = true;
    } else if (a.startsWith('--')) throw new IngestInputError('empty', `Unknown option ${a}. ${USAGE}`);
    else opts.file = a;
  }
  if (!opts.file) throw new IngestInputError('empty', `Give the article file. ${USAGE}`);
  return opts;
}

/** Candidate numbers from --accept, against the preview's list (the CLI's numbers are positions in what it printed). */
export function parseAccept(value: string, count: number): number[] {
  if (value === 'all') return [...Array(count).keys()];
  if (value === 'none') return [];
  const list = value.split(',').map((v) => Number(v.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 0 || n >= count)) throw new IngestInputError('empty', `--accept takes all, none or candidate numbers from 0 to ${count - 1}`);
  return list;
}

export function summary(p: Pick<IngestPreviewResponse, 'article' | 'candidates' | 'newEntities'>): string {
  const a = p.article;
  const lines = [`${a.headline} (${a.outlet ?? 'outlet unknown'}, ${a.date ?? 'undated: relative dates are left empty'})`, ''];
  for (const [i, c] of p.candidates.entries()) {
    lines.push(`[${i}] ${c.confidence.toFixed(2)} ${c.status.padEnd(11)} ${c.subject.name} ${c.predicate} ${c.object.name}${c.date ? ` @${c.date}` : ''}${c.reportedBy ? ` (per ${c.reportedBy})` : ''}`);
    lines.push(`      "${c.quote}"`);
    lines.push(`      date: ${c.dateNote}`);
  }
  if (p.newEntities.length) {
    lines.push('', 'New entities:');
    for (const e of p.newEntities) lines.push(`  ${e.name} [${e.label ?? '?'}] ${e.reason}${e.sameAs ? `; same as ${e.sameAs.name} (${e.sameAs.reason})` : ''}`);
  }
  return lines.join('\n');
}

async function review(count: number): Promise<number[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const accepted: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const answer = (await rl.question(`accept [${i}]? (y)es / (n)o / (a)ll the rest / (q)uit without loading: `)).trim().toLowerCase();
      if (answer === 'q') throw new Error('stopped: nothing was loaded');
      if (answer === 'a') return [...accepted, ...Array.from({ length: count - i }, (_, k) => i + k)];
      if (answer === 'y' || answer === 'yes') accepted.push(i);
    }
  } finally {
    rl.close();
  }
  return accepted;
}

/** --dry-run: the seed's names as gazetteer, no database. */
async function dryRun(opts: CliOptions): Promise<IngestPreviewResponse> {
  const text = validateArticleInput(readFileSync(opts.file));
  const kb = await loadKnowledgeBase();
  return previewFromText(text, buildGazetteer(entitiesFromGraph(kb.graph)), opts);
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts.dryRun) {
    const preview = await dryRun(opts);
    process.stdout.write(opts.json ? `${JSON.stringify(preview, null, 2)}\n` : `${summary(preview)}\n`);
    return 0;
  }
  const store = await createStore(loadConfig());
  try {
    const raw = readFileSync(opts.file);
    const preview = await previewIngest(store, raw, opts);
    console.log(summary(preview));
    if (preview.candidates.length === 0) {
      console.log('no candidate facts found: nothing to load');
      return 0;
    }
    if (!opts.accept && !process.stdin.isTTY) throw new Error('not a terminal: say what to load with --accept all, --accept none or --accept 0,2,5');
    const picked = opts.accept ? parseAccept(opts.accept, preview.candidates.length) : await review(preview.candidates.length);
    const report = await commitIngest(store, raw, { ...opts, accept: picked.map((i) => preview.candidates[i].id) });
    console.log(
      `ingest: ${report.articleId}: ${report.accepted} accepted; ${report.nodesCreated} nodes and ${report.edgesCreated} relationships created (+${report.mentionsCreated} article mentions), ${report.claimsAdded} claims added to existing facts, ${report.unchanged} already known`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`ingest: ${message}`);
      const input = err instanceof IngestInputError || (err instanceof JejakError && err.status < 500);
      process.exit(input ? 2 : 1);
    },
  );
}
