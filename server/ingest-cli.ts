/**
 * `npm run ingest -- <article.txt> [--date YYYY-MM-DD] [--outlet NAME] [--accept all|none|0,2,5] [--dry-run --json]`
 *
 * Extracts candidate facts, lets you review them (a prompt per candidate, or
 * --accept), and merges the accepted ones into the configured store. With
 * --dry-run it only prints the candidates (see extract/cli.ts).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../shared/config.js';
import { JejakError } from '../shared/errors.js';
import { commitIngest, previewIngest } from './services/ingest.js';
import { createStore } from '../store/index.js';
import { main as dryRun, summary } from '../extract/cli.js';

const USAGE = 'usage: npm run ingest -- <article.txt> [--date YYYY-MM-DD] [--outlet NAME] [--accept all|none|0,2,5] [--dry-run --json]';

function option(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
}

function parseAccept(value: string, count: number): number[] {
  if (value === 'all') return [...Array(count).keys()];
  if (value === 'none') return [];
  const list = value.split(',').map((v) => Number(v.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 0 || n >= count)) throw new Error(`--accept takes all, none or candidate numbers from 0 to ${count - 1}`);
  return list;
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

async function run(argv: string[]): Promise<number> {
  if (argv.includes('--dry-run')) return dryRun(argv);
  const file = argv.find((a, i) => !a.startsWith('--') && !['--date', '--outlet', '--accept'].includes(argv[i - 1]));
  if (!file) throw new Error(USAGE);
  const opts = { date: option(argv, '--date'), outlet: option(argv, '--outlet') };
  const config = loadConfig();
  const store = await createStore(config);
  try {
    const preview = await previewIngest(store, readFileSync(file), opts);
    console.log(summary(preview));
    if (preview.candidates.length === 0) {
      console.log('no candidate facts found: nothing to load');
      return 0;
    }
    const acceptArg = option(argv, '--accept');
    if (!acceptArg && !process.stdin.isTTY) throw new Error('not a terminal: say what to load with --accept all, --accept none or --accept 0,2,5');
    const accept = acceptArg ? parseAccept(acceptArg, preview.candidates.length) : await review(preview.candidates.length);
    const report = await commitIngest(store, readFileSync(file), { ...opts, accept });
    console.log(
      `ingest: ${report.articleId}: ${report.accepted} accepted; ${report.nodesCreated} nodes and ${report.edgesCreated} relationships created (+${report.mentionsCreated} article mentions), ${report.claimsAdded} claims added to existing facts, ${report.unchanged} already known`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof JejakError || err instanceof Error ? err.message : String(err);
    console.error(`ingest: ${message}`);
    process.exit(err instanceof JejakError && err.status < 500 ? 2 : 1);
  },
);
