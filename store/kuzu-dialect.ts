/**
 * Rewrites the few Neo4j spellings that Kùzu lacks, outside string literals,
 * so saved queries and ad-hoc Cypher can be written once in Neo4j's dialect:
 *   shortestPath((a)-[r:T*..6]-(b))      → (a)-[r:T* SHORTEST 1..6]-(b)
 *   allShortestPaths((a)-[*..6]-(b))     → (a)-[* ALL SHORTEST 1..6]-(b)
 *   type(r)                              → label(r)
 */
import { mapCode } from './id-labels.js';

const SHORTEST = /\b(shortestPath|allShortestPaths)\s*\(\s*(\([^()]*\))\s*(<?-)\[\s*(\w*)\s*((?::\s*[\w|]+)?)\s*\*\s*(?:(\d+)\s*)?\.\.\s*(\d+)\s*\](->?)\s*(\([^()]*\))\s*\)/g;

function translateCode(code: string): string {
  return code
    .replace(SHORTEST, (_m, fn: string, a: string, left: string, variable: string, types: string, min: string | undefined, max: string, right: string, b: string) => {
      const kind = fn === 'shortestPath' ? 'SHORTEST' : 'ALL SHORTEST';
      return `${a}${left}[${variable}${types.replace(/\s+/g, '')}* ${kind} ${min ?? '1'}..${max}]${right}${b}`;
    })
    .replace(/\btype\s*\(/g, 'label(');
}

export function translateToKuzu(query: string): string {
  return mapCode(query, translateCode);
}
