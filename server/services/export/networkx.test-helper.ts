/** Test helper: reads an exported file with python networkx and returns what it saw as JSON. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;

const SCRIPT = `
import json, sys, networkx as nx
kind, path = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path, force_multigraph=True) if kind == 'graphml' else nx.read_gexf(path)
out = {
  'directed': G.is_directed(),
  'multigraph': G.is_multigraph(),
  'nodes': {n: d for n, d in G.nodes(data=True)},
  'edges': [{'source': u, 'target': v, 'key': k, 'data': d} for u, v, k, d in G.edges(keys=True, data=True)]
    if G.is_multigraph() else [{'source': u, 'target': v, 'key': None, 'data': d} for u, v, d in G.edges(data=True)],
}
sys.stdout.buffer.write(json.dumps(out, ensure_ascii=True).encode('ascii'))
`;

export interface NxEdge {
  source: string;
  target: string;
  key: string | number | null;
  data: Record<string, unknown>;
}
export interface NxGraph {
  directed: boolean;
  multigraph: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: NxEdge[];
}

export function readWithNetworkx(kind: 'graphml' | 'gexf', body: string): NxGraph {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-nx-'));
  try {
    const file = join(dir, `graph.${kind}`);
    writeFileSync(file, body, 'utf8');
    const run = spawnSync('python3', ['-c', SCRIPT, kind, file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`networkx failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as NxGraph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
