import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PlainValue } from '../../../shared/graph.js';
import { provenanceOf } from '../../../shared/graph.js';
import { csvField, renderCsvZip, renderEdgesCsv, renderNodesCsv } from './csv.js';
import { fixtureGraph, SIGNED_EDGE_ID, TRICKY_QUOTE } from './fixture.test-data.js';

/** A strict RFC 4180 parser: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const r of rows) expect(r.length).toBe(header.length);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function asCsvText(value: PlainValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

describe('CSV export', () => {
  const { body, filename } = renderCsvZip(fixtureGraph);
  const files = unzipSync(body as Uint8Array);

  it('zips nodes.csv and edges.csv, UTF-8 without BOM', () => {
    expect(filename).toBe('jejak-subgraph.zip');
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    for (const bytes of Object.values(files)) expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['nodes.csv'])).toBe(renderNodesCsv(fixtureGraph));
    expect(strFromU8(files['edges.csv'])).toBe(renderEdgesCsv(fixtureGraph));
  });

  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('“curly” & <b>')).toBe('“curly” & <b>');
  });

  it('round-trips every node value, embedded newlines and quotes included', () => {
    const text = strFromU8(files['nodes.csv']);
    const [header] = parseCsv(text);
    expect(header.slice(0, 3)).toEqual(['id', 'label', 'name']);
    const rows = records(text);
    expect(rows.length).toBe(fixtureGraph.nodes.length);
    fixtureGraph.nodes.forEach((node, i) => {
      expect(rows[i].id).toBe(node.id);
      expect(rows[i].label).toBe(node.label);
      for (const [k, v] of Object.entries(node.properties)) expect(rows[i][k]).toBe(asCsvText(v));
    });
    expect(rows[7].text).toContain('\n');
    expect(JSON.parse(rows[0].aliases)).toEqual(['Putin', 'Presiden Putin', 'Vladimir Vladimirovich Putin']);
  });

  it('round-trips every edge value, provenance lists as JSON', () => {
    const text = strFromU8(files['edges.csv']);
    expect(parseCsv(text)[0].slice(0, 4)).toEqual(['id', 'type', 'source', 'target']);
    const rows = records(text);
    expect(rows.length).toBe(fixtureGraph.edges.length);
    fixtureGraph.edges.forEach((edge, i) => {
      expect([rows[i].id, rows[i].type, rows[i].source, rows[i].target]).toEqual([edge.id, edge.type, edge.source, edge.target]);
      for (const [k, v] of Object.entries(edge.properties)) expect(rows[i][k]).toBe(asCsvText(v));
    });
    const signed = rows.find((r) => r.id === SIGNED_EDGE_ID)!;
    const props = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k, /^source[A-Z]/.test(k) ? JSON.parse(v) : v]));
    expect(props.sourceQuotes[0]).toBe(TRICKY_QUOTE);
    expect(provenanceOf(props)).toEqual(provenanceOf(fixtureGraph.edges[0].properties));
  });

  const hasPython = spawnSync('python3', ['-c', 'import csv'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasPython)('parses the same with python csv', () => {
    const script =
      'import csv, io, json, sys\n' +
      'rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))\n' +
      'sys.stdout.write(json.dumps(rows, ensure_ascii=True))';
    for (const name of ['nodes.csv', 'edges.csv']) {
      const text = strFromU8(files[name]);
      const run = spawnSync('python3', ['-c', script], { input: text, encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(parseCsv(text));
    }
  });
});
