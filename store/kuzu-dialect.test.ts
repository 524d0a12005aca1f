import { describe, expect, it } from 'vitest';
import { translateToKuzu } from './kuzu-dialect.js';

describe('translateToKuzu', () => {
  it('rewrites shortestPath into Kùzu SHORTEST syntax', () => {
    expect(translateToKuzu('MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p')).toBe('MATCH p = (a)-[* SHORTEST 1..6]-(b) RETURN p');
    expect(translateToKuzu('MATCH p = shortestPath((a {id: $x})-[r:SIGNED|MET_WITH*..4]->(b)) RETURN p')).toBe(
      'MATCH p = (a {id: $x})-[r:SIGNED|MET_WITH* SHORTEST 1..4]->(b) RETURN p',
    );
    expect(translateToKuzu('MATCH p = allShortestPaths((a)-[*2..5]-(b)) RETURN p')).toBe('MATCH p = (a)-[* ALL SHORTEST 2..5]-(b) RETURN p');
  });

  it('rewrites type(r) to label(r) but leaves string literals alone', () => {
    expect(translateToKuzu("MATCH ()-[r]->() WHERE r.summary = 'type(r)' RETURN type(r)")).toBe(
      "MATCH ()-[r]->() WHERE r.summary = 'type(r)' RETURN label(r)",
    );
    expect(translateToKuzu("RETURN 'it''s shortestPath((a)-[*..2]-(b))'")).toBe("RETURN 'it''s shortestPath((a)-[*..2]-(b))'");
  });
});
