import neo4j, { int } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { collectNodeIds, recordsToResult, toPlain } from './convert.js';

const { Node, Relationship, Path, PathSegment, Record } = neo4j.types;

const putin = new Node(int(1), ['Person'], { id: 'person:putin', name: 'Vladimir Putin', aliases: ['Putin'] }, 'el-putin');
const kim = new Node(int(2), ['Person'], { id: 'person:kim-jong-un', name: 'Kim Jong-un' }, 'el-kim');
const treaty = new Node(
  int(3),
  ['Agreement'],
  { id: 'agreement:treaty', name: 'Treaty', dateSigned: new neo4j.types.Date(int(2024), int(6), int(19)) },
  'el-treaty',
);
const noId = new Node(int(4), ['Tag', 'Place'], { name: 'Somewhere' }, 'el-noid');

const met = new Relationship(
  int(10),
  int(1),
  int(2),
  'MET_WITH',
  { id: 'rel:met', date: new neo4j.types.Date(int(2024), int(6), int(19)), sourceOffsets: [int(12), int(400)] },
  'el-met',
  'el-putin',
  'el-kim',
);
const signed = new Relationship(int(11), int(1), int(3), 'SIGNED', { id: 'rel:signed' }, 'el-signed', 'el-putin', 'el-treaty');

function record(keys: string[], fields: unknown[]) {
  return new Record(keys, fields);
}

describe('toPlain', () => {
  it('converts integers: safe ones to numbers, larger ones to exact strings', () => {
    expect(toPlain(int(42))).toBe(42);
    expect(toPlain(int(-7))).toBe(-7);
    expect(toPlain(int(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(toPlain(int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(int('-9223372036854775808'))).toBe('-9223372036854775808');
    expect(toPlain(9007199254740993n)).toBe('9007199254740993');
    expect(toPlain(12n)).toBe(12);
  });

  it('keeps plain scalars and maps non-finite numbers to strings', () => {
    expect(toPlain('x')).toBe('x');
    expect(toPlain(true)).toBe(true);
    expect(toPlain(1.5)).toBe(1.5);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(Number.NaN)).toBe('NaN');
  });

  it('converts temporal and spatial types', () => {
    expect(toPlain(new neo4j.types.Date(int(2024), int(1), int(5)))).toBe('2024-01-05');
    expect(toPlain(new neo4j.types.Date(987, 12, 31))).toBe('0987-12-31');
    expect(toPlain(new neo4j.types.DateTime(2024, 1, 2, 3, 4, 5, 0, 3600))).toBe('2024-01-02T03:04:05+01:00');
    expect(toPlain(new neo4j.types.DateTime(2024, 1, 2, 3, 4, 5, 0, undefined, 'Asia/Jakarta'))).toBe('2024-01-02T03:04:05[Asia/Jakarta]');
    expect(toPlain(new neo4j.types.LocalDateTime(2024, 1, 2, 3, 4, 5, 123000000))).toBe('2024-01-02T03:04:05.123000000');
    expect(toPlain(new neo4j.types.LocalTime(int(3), int(4), int(5), int(0)))).toBe('03:04:05');
    expect(toPlain(new neo4j.types.Duration(int(1), int(2), int(3), int(0)))).toBe('P1M2DT3S');
    expect(toPlain(new neo4j.types.Point(int(4326), 106.8, -6.2))).toEqual({ x: 106.8, y: -6.2, srid: 4326 });
    expect(toPlain(new neo4j.types.Point(int(9157), 1, 2, 3))).toEqual({ x: 1, y: 2, z: 3, srid: 9157 });
  });

  it('converts nested lists and maps recursively', () => {
    const value = {
      counts: [int(1), int('1234567890123456789'), [int(3), { deep: new neo4j.types.Date(2020, 2, 29) }]],
      meta: { n: int(5), s: 'ok', none: null },
    };
    expect(toPlain(value)).toEqual({
      counts: [1, '1234567890123456789', [3, { deep: '2020-02-29' }]],
      meta: { n: 5, s: 'ok', none: null },
    });
  });

  it('converts a node with its id property, schema label and plain properties', () => {
    expect(toPlain(treaty)).toEqual({
      id: 'agreement:treaty',
      label: 'Agreement',
      properties: { id: 'agreement:treaty', name: 'Treaty', dateSigned: '2024-06-19' },
    });
  });

  it('falls back to elementId and prefers a schema label', () => {
    expect(toPlain(noId)).toEqual({ id: 'el-noid', label: 'Place', properties: { name: 'Somewhere' } });
  });

  it('resolves relationship endpoints through the elementId → id map, else keeps elementIds', () => {
    const ids = collectNodeIds([putin, kim]);
    expect(toPlain(met, ids)).toEqual({
      id: 'rel:met',
      type: 'MET_WITH',
      source: 'person:putin',
      target: 'person:kim-jong-un',
      properties: { id: 'rel:met', date: '2024-06-19', sourceOffsets: [12, 400] },
    });
    expect(toPlain(met)).toMatchObject({ source: 'el-putin', target: 'el-kim' });
  });

  it('converts a path into its nodes and edges', () => {
    // (kim)<-[:MET_WITH]-(putin)-[:SIGNED]->(treaty), walked from kim.
    const path = new Path(kim, treaty, [new PathSegment(kim, met, putin), new PathSegment(putin, signed, treaty)]);
    const plain = toPlain(path, collectNodeIds(path)) as { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };
    expect(plain.nodes.map((n) => n.id)).toEqual(['person:kim-jong-un', 'person:putin', 'agreement:treaty']);
    expect(plain.edges).toMatchObject([
      { id: 'rel:met', source: 'person:putin', target: 'person:kim-jong-un' },
      { id: 'rel:signed', source: 'person:putin', target: 'agreement:treaty' },
    ]);
  });
});

describe('recordsToResult', () => {
  it('fills rows with plain values and graph with deduplicated nodes and edges', () => {
    const path = new Path(putin, treaty, [new PathSegment(putin, signed, treaty)]);
    const records = [
      record(['a', 'r', 'b', 'n'], [putin, met, kim, int(1)]),
      record(['a', 'r', 'b', 'n'], [putin, signed, treaty, int('9007199254740993')]),
      record(['a', 'r', 'b', 'n'], [treaty, null, null, path]),
    ];
    const result = recordsToResult(records, ['a', 'r', 'b', 'n'], true);

    expect(result.columns).toEqual(['a', 'r', 'b', 'n']);
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toMatchObject({
      a: { id: 'person:putin', label: 'Person' },
      r: { id: 'rel:met', source: 'person:putin', target: 'person:kim-jong-un' },
      b: { id: 'person:kim-jong-un' },
      n: 1,
    });
    expect(result.rows[1].n).toBe('9007199254740993');
    expect(result.rows[2].r).toBeNull();
    expect(result.rows[2].n).toMatchObject({ nodes: [{ id: 'person:putin' }, { id: 'agreement:treaty' }], edges: [{ id: 'rel:signed' }] });

    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual(['agreement:treaty', 'person:kim-jong-un', 'person:putin']);
    expect(result.graph.edges.map((e) => e.id).sort()).toEqual(['rel:met', 'rel:signed']);
  });

  it('resolves a relationship returned alone from nodes in other records', () => {
    const records = [record(['x'], [met]), record(['x'], [putin]), record(['x'], [kim])];
    const result = recordsToResult(records, ['x'], false);
    expect(result.rows[0].x).toMatchObject({ source: 'person:putin', target: 'person:kim-jong-un' });
    expect(result.graph.edges).toEqual([expect.objectContaining({ id: 'rel:met', source: 'person:putin', target: 'person:kim-jong-un' })]);
  });

  it('finds nodes and relationships inside lists and maps', () => {
    const records = [record(['m'], [{ people: [putin, kim], link: met }])];
    const result = recordsToResult(records, ['m'], false);
    expect(result.graph.nodes).toHaveLength(2);
    expect(result.graph.edges).toEqual([expect.objectContaining({ source: 'person:putin', target: 'person:kim-jong-un' })]);
  });

  it('keeps the startNodeElementId when an endpoint appears nowhere', () => {
    const result = recordsToResult([record(['r'], [signed])], ['r'], false);
    expect(result.rows[0].r).toMatchObject({ source: 'el-putin', target: 'el-treaty' });
    expect(result.graph.nodes).toEqual([]);
  });

  it('returns columns for an empty result', () => {
    expect(recordsToResult([], ['a', 'b'], false)).toEqual({ columns: ['a', 'b'], rows: [], graph: { nodes: [], edges: [] }, truncated: false });
  });

  it('never leaks driver types', () => {
    const path = new Path(putin, treaty, [new PathSegment(putin, signed, treaty)]);
    const result = recordsToResult([record(['a', 'p', 'r'], [putin, path, met])], ['a', 'p', 'r'], false);
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== 'object') return;
      const proto = Object.getPrototypeOf(v);
      expect(proto === Object.prototype || proto === Array.prototype || proto === null).toBe(true);
      for (const x of Object.values(v)) walk(x);
    };
    walk(result);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
