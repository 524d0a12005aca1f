import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse, HealthResponse, IngestPreviewResponse } from '../../shared/api.js';
import { provenanceOf } from '../../shared/graph.js';
import { startTestServer, testEngines, type TestServer } from '../testing/harness.js';

const TOKEN = 'ingest-token';
const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

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

const UNDATED = 'Menlu Korut ke Moskow\n\nMenteri Luar Negeri Korea Utara Choe Son Hui bertemu dengan Sergei Lavrov di Moskow pada Jumat.\n';

describe.each(testEngines())('ingest API on %s', (engine) => {
  let s: TestServer;
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(s.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const preview = async (text: string, extra: Record<string, unknown> = {}) => {
    const r = await post('/api/ingest/preview', { text, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as IngestPreviewResponse;
  };
  const counts = async () => {
    const h = (await (await fetch(`${s.url}/api/health`)).json()) as HealthResponse;
    return [h.nodes, h.relationships];
  };
  const edgesOf = async (type: string, source: string, target: string) => {
    const graph = (await (await fetch(`${s.url}/api/graph?limit=10000`)).json()) as GraphResponse;
    return graph.graph.edges.filter((e) => e.type === type && e.source === source && e.target === target);
  };

  beforeAll(async () => {
    s = await startTestServer(engine, { JEJAK_WRITE_TOKEN: TOKEN });
  });
  afterAll(async () => s?.close());

  it('previews candidates with stable ids, spans in the text and what each would merge into, and writes nothing', async () => {
    const before = await counts();
    const p = await preview(ARTICLE, { outlet: 'Contoh' });
    const met = p.candidates.find((c) => c.predicate === 'MET_WITH')!;
    expect(met).toMatchObject({ subject: { id: 'person:kim-jong-un' }, object: { id: 'person:andrei-belousov' }, date: '2024-11-29', status: 'reported' });
    expect(met.id).toMatch(/^cand-[0-9a-f]{16}$/);
    expect(p.article.text.slice(met.offset, met.offset + met.quote.length)).toBe(met.quote);
    const trigger = met.spans.find((x) => x.role === 'trigger')!;
    expect(p.article.text.slice(trigger.start, trigger.end)).toBe('bertemu');
    // The negated signing with Ukraine is a denied claim, never a reported one.
    expect(p.candidates.filter((c) => c.object.id === 'state:ukraine' && c.status !== 'denied')).toEqual([]);
    const signed = p.candidates.find((c) => c.predicate === 'SIGNED' && c.subject.id === 'person:vladimir-putin')!;
    expect(p.merges[signed.id]).toMatchObject({ action: 'claim', edgeId: expect.any(String), reason: expect.stringMatching(/same relationship/) });
    expect((await preview(ARTICLE, { outlet: 'Contoh' })).candidates.map((c) => c.id)).toEqual(p.candidates.map((c) => c.id));
    expect(await counts()).toEqual(before);
  });

  it('extracts an undated article and says it is undated, leaving relative dates empty with a note', async () => {
    const p = await preview(UNDATED);
    expect(p.article).toMatchObject({ date: null, undated: true });
    const met = p.candidates.find((c) => c.predicate === 'MET_WITH')!;
    expect(met).toMatchObject({ subject: { id: 'person:choe-son-hui' }, object: { id: 'person:sergei-lavrov' }, date: null });
    expect(met.dateNote).toMatch(/Jumat" is relative to the publication date, which is unknown/);
  });

  it('needs the write token to load', async () => {
    const r = await post('/api/ingest', { text: ARTICLE, accept: [] });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/token/i);
  });

  it('commits exactly the accepted ids: a known fact gains a claim, the rest stays out, and a second commit changes nothing', async () => {
    const p = await preview(ARTICLE, { outlet: 'Contoh' });
    const signed = p.candidates.find((c) => c.predicate === 'SIGNED' && c.subject.id === 'person:vladimir-putin')!;
    const met = p.candidates.find((c) => c.predicate === 'MET_WITH')!;
    const before = await counts();
    const first = await post('/api/ingest', { text: ARTICLE, outlet: 'Contoh', accept: [signed.id] }, TOKEN);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ accepted: 1, claimsAdded: 1, edgesCreated: 0 });
    const after = await counts();
    expect(after[0]).toBe(before[0] + first.body.nodesCreated);
    expect(after[1]).toBe(before[1] + first.body.mentionsCreated);
    const edges = (await edgesOf('SIGNED', 'person:vladimir-putin', TREATY)).filter((e) => e.properties.date === '2024-06-19');
    expect(edges).toHaveLength(1);
    expect(edges[0].id).toBe(p.merges[signed.id].edgeId);
    expect(provenanceOf(edges[0].properties).some((c) => c.article === first.body.articleId)).toBe(true);
    // Not accepted, not loaded.
    expect(await edgesOf('MET_WITH', 'person:kim-jong-un', 'person:andrei-belousov')).toEqual([]);
    expect(met.id).not.toBe(signed.id);

    const again = await post('/api/ingest', { text: ARTICLE, outlet: 'Contoh', accept: [signed.id] }, TOKEN);
    expect(again.body).toMatchObject({ nodesCreated: 0, edgesCreated: 0, mentionsCreated: 0, claimsAdded: 0, unchanged: 1 + first.body.mentionsCreated });
    expect(await counts()).toEqual(after);
  });

  it('a preview after a commit knows the entity that commit created (the cached gazetteer follows writes)', async () => {
    const text = (day: number) =>
      `Belousov dan Kovalenko\n\nSenin, ${day} Desember 2024 10:00 WIB\n\nMOSKOW - Menteri Pertahanan Rusia Andrei Belousov bertemu dengan Duta Besar Zarina Kovalenko di Moskow pada Jumat, ${day - 3} Desember 2024.\n`;
    const first = await preview(text(9));
    const met = first.candidates.find((c) => c.predicate === 'MET_WITH')!;
    expect(met.object).toMatchObject({ id: null, name: 'Zarina Kovalenko' });
    const commit = await post('/api/ingest', { text: text(9), accept: [met.id] }, TOKEN);
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body.nodesCreated).toBe(2); // the article and Zarina Kovalenko
    // Another article naming her: she is now a known entity, found by the preview's gazetteer.
    const second = await preview(text(16));
    const again = second.candidates.find((c) => c.predicate === 'MET_WITH')!;
    expect(again.object.id).toMatch(/^person:/);
    expect(again.object.name).toBe('Zarina Kovalenko');
    expect(second.newEntities.map((e) => e.name)).not.toContain('Zarina Kovalenko');
  });

  it("applies the reviewer's edits of date and status, checked against the schema", async () => {
    const p = await preview(UNDATED);
    const met = p.candidates.find((c) => c.predicate === 'MET_WITH')!;
    const r = await post('/api/ingest', { text: UNDATED, accept: [met.id], edits: { [met.id]: { date: '2024-11-01', status: 'attributed' } } }, TOKEN);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.edgesCreated + r.body.claimsAdded).toBe(1);
    const edges = await edgesOf('MET_WITH', 'person:choe-son-hui', 'person:sergei-lavrov');
    const claim = edges.flatMap((e) => provenanceOf(e.properties).map((c) => ({ e, c }))).find((x) => x.c.article === r.body.articleId)!;
    expect(claim.c.dateNote).toMatch(/set by the reviewer/);
    expect(claim.c.status).toBe('attributed');
  });

  it.each([
    [{ accept: ['cand-0123456789abcdef'] }, /does not have: cand-0123456789abcdef.*Preview the same text again/],
    [{ accept: [0] }, /by the id the preview gave them \(cand-…\), not by number/],
    [{ accept: ['@met'], edits: { '@met': { predicate: 'LAUNCHED' } } }, /LAUNCHED goes to Event or Place, not to Person \(Sergei Lavrov\)/],
    [{ accept: ['@met'], edits: { '@met': { subject: { id: 'person:nobody', name: 'Nobody', label: 'Person' } } } }, /no Person with id person:nobody in the graph/],
    [{ accept: ['@met'], edits: { '@met': { date: '2024-02-30' } } }, /2024-02-30 is not a date; write YYYY-MM-DD/],
    [{ accept: ['@met'], edits: { '@met': { status: 'true' } } }, /status/],
    [{ accept: [], edits: { '@met': { status: 'denied' } } }, /edits name candidates that are not accepted/],
  ])('refuses a commit that names what the preview did not give (%#) with 400, loading nothing', async (body, message) => {
    const p = await preview(UNDATED);
    const met = p.candidates.find((c) => c.predicate === 'MET_WITH')!;
    const resolved = JSON.parse(JSON.stringify(body).replaceAll('@met', met.id));
    const before = await counts();
    const r = await post('/api/ingest', { text: UNDATED, ...resolved }, TOKEN);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ text: '', accept: [] }, /article text/],
    [{ text: 'abc\u0000\u0000\u0000\u0001\u0002binary', accept: [] }, /binary/i],
    [{ text: ARTICLE, date: '2024-13-45', accept: [] }, /YYYY-MM-DD/],
  ])('rejects bad input %# with a clear message and loads nothing', async (input, message) => {
    const before = await counts();
    const r = await post('/api/ingest', input, TOKEN);
    expect(r.status).toBe(400);
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
