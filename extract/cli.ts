/**
 * Candidate facts for one article, printed, nothing written:
 *
 *   npx tsx extract/cli.ts <article.txt> [--date YYYY-MM-DD] [--outlet NAME] [--allow-no-date] --dry-run --json
 *
 * The gazetteer is the curated seed (loadKnowledgeBase). Without --json a short
 * human-readable list is printed instead. Exit codes: 0 ok, 2 bad input, 1 other.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanArticle } from './clean.js';
import { buildGazetteer, entitiesFromGraph } from './entities.js';
import { extractCandidates, type ExtractResult } from './extract.js';
import { IngestInputError, requireArticleDate, validateArticleInput } from './input.js';

export interface CliOptions {
  file: string;
  date?: string;
  outlet?: string;
  json: boolean;
  dryRun: boolean;
  allowNoDate: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { file: '', json: false, dryRun: false, allowNoDate: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--date') opts.date = argv[++i];
    else if (a.startsWith('--date=')) opts.date = a.slice(7);
    else if (a === '--outlet') opts.outlet = argv[++i];
    else if (a.startsWith('--outlet=')) opts.outlet = a.slice(9);
    else if (a === '--json') opts.json = true;
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--allow-no-date') opts.allowNoDate = true;
    else if (a.startsWith('--')) throw new IngestInputError('empty', `Unknown option ${a}. Usage: cli.ts <article.txt> [--date YYYY-MM-DD] [--outlet NAME] --dry-run --json`);
    else opts.file = a;
  }
  if (!opts.file) throw new IngestInputError('empty', 'Give the article file: cli.ts <article.txt> [--date YYYY-MM-DD] [--outlet NAME] --dry-run --json');
  if (!opts.dryRun) throw new IngestInputError('empty', 'This prints candidates only: add --dry-run, or use `npm run ingest` to review and load them.');
  return opts;
}

/** Reads, validates and extracts; throws IngestInputError for input the user must fix. */
export async function runExtraction(opts: CliOptions, seedDir?: string): Promise<ExtractResult> {
  const text = validateArticleInput(readFileSync(opts.file));
  const date = opts.allowNoDate && !opts.date ? (cleanArticle(text).date ?? undefined) : requireArticleDate(cleanArticle(text).date, opts.date);
  const { loadKnowledgeBase } = await import('../seed/facts.js');
  const kb = await loadKnowledgeBase(seedDir);
  const gazetteer = buildGazetteer(entitiesFromGraph(kb.graph));
  return extractCandidates(text, { gazetteer, date, outlet: opts.outlet });
}

export function summary(r: { article: Pick<ExtractResult['article'], 'headline' | 'outlet' | 'date'> } & Pick<ExtractResult, 'candidates' | 'newEntities'>): string {
  const lines = [`${r.article.headline} (${r.article.outlet ?? 'outlet unknown'}, ${r.article.date ?? 'date unknown'})`, ''];
  for (const [i, c] of r.candidates.entries()) {
    lines.push(`[${i}] ${c.confidence.toFixed(2)}  ${c.subject.name} ${c.predicate} ${c.object.name}${c.date ? ` @${c.date}` : ''}${c.reportedBy ? ` (reported by ${c.reportedBy})` : ''}`);
    lines.push(`      "${c.quote}"`);
  }
  if (r.newEntities.length) lines.push('', 'New entities:', ...r.newEntities.map((e) => `  ${e.name} [${e.label ?? '?'}] ${e.reason}`));
  return lines.join('\n');
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  try {
    const opts = parseArgs(argv);
    const result = await runExtraction(opts);
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${summary(result)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof IngestInputError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => process.exit(code));
}
