/**
 * The ranking rule both engines apply to their search candidates, so they
 * answer the same: exact name > prefix > word prefix > substring, entities
 * before articles, then shorter names, then by name.
 */
import { normalizeText, type GraphNode } from '../shared/graph.js';
import type { SearchHit } from './store.js';

function bestMatch(node: GraphNode, q: string): { score: number; matched: string } {
  const names = [String(node.properties.name ?? ''), ...((node.properties.aliases as string[] | null) ?? [])];
  let best = { score: 0, matched: names[0] };
  for (const name of names) {
    const n = normalizeText(name);
    const score = n === q ? 100 : n.startsWith(q) ? 80 : n.split(' ').some((w) => w.startsWith(q)) ? 60 : n.includes(q) ? 40 : 0;
    if (score > best.score || (score === best.score && score > 0 && name.length < best.matched.length)) best = { score, matched: name };
  }
  // Entities before articles when equally good: analysts look for actors first.
  if (node.label === 'Article') best.score -= 5;
  return best;
}

/** Scores and orders candidate nodes for the normalised query `q`. */
export function rankHits(nodes: readonly GraphNode[], q: string): SearchHit[] {
  return nodes
    .map((node) => ({ node, ...bestMatch(node, q) }))
    .sort((a, b) => b.score - a.score || String(a.node.properties.name).localeCompare(String(b.node.properties.name)) || a.node.id.localeCompare(b.node.id));
}
