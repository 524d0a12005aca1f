import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse, HealthResponse } from '../../shared/api.js';
import { provenanceOf } from '../../shared/graph.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

const TOKEN = 'ingest-token';

const ARTICLE = [
  'Kim Jong Un Terima Menhan Rusia di Pyongyang',
  '',
  'Senin, 2 Desember 2024 10:00 WIB',
  '',
  'PYONGYANG - Pemimpin Korea Utara Kim Jong Un bertemu dengan Menteri Pertahanan Rusia Andrei Belousov di Pyongyang pada Jumat, 29 November 2024.',
  '',
  'Vladimir Putin dan Kim Jong Un menandatangani Perjanjian Kemitraan Strategis Komprehensif pada 19 Juni 2024 di Pyongyang.',
  '',
  'Korea Utara tidak menandatangani perjanjian dengan Ukraina.',
].join('\n');

describe('ingest API', () => {
  let s: TestServer;
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(s.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const counts = async () => {
    const h = (await (await fetch(`${s.url}/api/health`)).json()) as HealthResponse;
    return [h.nodes, h.relationships];
  };

  beforeAll(async () => {
    s = await startTestServer('kuzu', { JEJAK_WRITE_TOKEN: TOKEN });
  });
  afterAll(async () => s?.close());

  it('previews candidate facts with quotes and dates, and writes nothing', async () => {
    const before = await counts();
    const { status, body } = await post('/api/ingest/preview', { text: ARTICLE, outlet: 'Contoh' });
    expect(status).toBe(200);
    const met = body.candidates.find((c: any) => c.predicate === 'MET_WITH');
    expect(met.subject.id).toBe('person:kim-jong-un');
    expect(met.object.id).toBe('person:andrei-belousov');
    expect(met.date).toBe('2024-11-29');
    expect(body.article.text.slice(met.offset, met.offset + met.quote.length)).toBe(met.quote);
    expect(body.candidates.some((c: any) => c.object.id === 'state:ukraine')).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('needs the write token to load', async () => {
    expect((await post('/api/ingest', { text: ARTICLE })).status).toBe(401);
  });

  it('merges accepted facts: a known fact gains a claim, a new one is created, and a second ingest changes nothing', async () => {
    const before = await counts();
    const first = await post('/api/ingest', { text: ARTICLE, outlet: 'Contoh' }, TOKEN);
    expect(first.status).toBe(200);
    expect(first.body.claimsAdded).toBeGreaterThan(0);
    const after = await counts();
    expect(after[0]).toBe(before[0] + first.body.nodesCreated);
    expect(after[1]).toBe(before[1] + first.body.edgesCreated + first.body.mentionsCreated);

    const graph = (await (await fetch(`${s.url}/api/graph?limit=10000`)).json()) as GraphResponse;
    const signed = graph.graph.edges.filter(
      (e) => e.type === 'SIGNED' && e.source === 'person:vladimir-putin' && e.target === 'agreement:comprehensive-strategic-partnership-treaty' && e.properties.date === '2024-06-19',
    );
    expect(signed).toHaveLength(1);
    expect(provenanceOf(signed[0].properties).some((c) => c.article === first.body.articleId)).toBe(true);

    const again = await post('/api/ingest', { text: ARTICLE, outlet: 'Contoh' }, TOKEN);
    expect(again.body).toMatchObject({ nodesCreated: 0, edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0 });
    expect(await counts()).toEqual(after);
  });

  it.each([
    [{ text: '' }, 400, /article text/],
    [{ text: 'Kim Jong Un bertemu dengan Andrei Belousov.' }, 400, /date/i],
    [{ text: 'abc\u0000\u0000\u0000\u0001\u0002binary' }, 400, /binary|text/i],
    [{ text: ARTICLE, date: '2024-13-45' }, 400, /date/i],
  ])('rejects bad input %# with a clear message and loads nothing', async (input, status, message) => {
    const before = await counts();
    const r = await post('/api/ingest', input, TOKEN);
    expect(r.status).toBe(status);
    expect(r.body.error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('answers 413 for a 50 MB article', async () => {
    const r = await fetch(`${s.url}/api/ingest/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(50_000_000) }),
    });
    expect(r.status).toBe(413);
  });
});
