import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { provenanceOf } from '../shared/graph.js';
import { candidatesToFacts, extractCandidates } from './extract.js';
import { testGazetteer } from './test-gazetteer.js';

const corpus = (name: string) => readFileSync(path.join(__dirname, '..', 'seed', 'corpus', name), 'utf8');

describe('extractCandidates', () => {
  it('returns the cleaned article and candidates whose quotes stand at their offsets', () => {
    const r = extractCandidates(corpus('000_2d0bdcccff2d890c.txt'), { gazetteer: testGazetteer() });
    expect(r.article).toMatchObject({ headline: expect.stringMatching(/^Perjanjian Diratifikasi/), date: '2024-11-12', outlet: 'Okezone' });
    expect(r.candidates.length).toBeGreaterThan(3);
    for (const c of r.candidates) {
      expect(r.article.text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.candidates).toContainEqual(
      expect.objectContaining({ predicate: 'RATIFIED', subject: expect.objectContaining({ id: 'person:kim-jong-un' }), date: '2024-11-11', datePrecision: 'day', reportedBy: 'KCNA' }),
    );
    expect(r.candidates).toContainEqual(expect.objectContaining({ predicate: 'MET_WITH', date: '2024-06-19' }));
  });

  it('does not turn the headline\'s conditional "Bakal Kirim Pasukan Jika" into a deployment by Russia', () => {
    const r = extractCandidates(corpus('000_2d0bdcccff2d890c.txt'), { gazetteer: testGazetteer() });
    expect(r.candidates.filter((c) => c.predicate === 'DEPLOYED_TROOPS_TO' && c.subject.id === 'state:russia')).toEqual([]);
    expect(r.skipped).toContainEqual(expect.objectContaining({ predicate: 'DEPLOYED_TROOPS_TO', reason: 'future' }));
  });

  it('resolves weekdays with --date and leaves them unresolved, saying why, without it', () => {
    const raw = corpus('001_4ba0f6d19662dbc1.txt');
    const ratifiedBy = (date?: string) =>
      extractCandidates(raw, { gazetteer: testGazetteer(), date }).candidates.find((c) => c.predicate === 'MET_WITH' && c.subject.id === 'person:vladimir-putin')!;
    expect(ratifiedBy('2024-11-06')).toMatchObject({ date: '2024-11-04', datePrecision: 'day' });
    const undated = ratifiedBy(undefined);
    expect(undated.date).toBeNull();
    expect(undated.dateNote).toMatch(/unknown/);
  });

  it('proposes entities the gazetteer lacks', () => {
    const r = extractCandidates(corpus('003_2a80ec60d46a3d98.txt'), { gazetteer: testGazetteer() });
    expect(r.newEntities).toContainEqual(expect.objectContaining({ name: 'Andrei Belousov', label: 'Person' }));
  });

  it('is deterministic', () => {
    const raw = corpus('004_14a712b71326445f.txt');
    expect(extractCandidates(raw, { gazetteer: testGazetteer() })).toEqual(extractCandidates(raw, { gazetteer: testGazetteer() }));
  });
});

describe('candidatesToFacts', () => {
  it('merges candidates of one fact into one edge with parallel provenance lists', () => {
    const r = extractCandidates(corpus('004_14a712b71326445f.txt'), { gazetteer: testGazetteer() });
    const g = candidatesToFacts(r.candidates, 'article:test');
    const signed = g.edges.find((e) => e.id === 'rel:signed:vladimir-putin:treaty')!;
    expect(signed).toMatchObject({ type: 'SIGNED', source: 'person:vladimir-putin', target: 'agreement:treaty' });
    const claims = provenanceOf(signed.properties);
    expect(claims.length).toBeGreaterThan(1);
    for (const c of claims) {
      expect(c.article).toBe('article:test');
      expect(r.article.text.slice(c.offset, c.offset + c.quote.length)).toBe(c.quote);
    }
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
  });

  it('adds nodes for endpoints the seed does not know', () => {
    const g = candidatesToFacts(
      [
        {
          id: 'cand-0000000000000000',
          spans: [],
          subject: { id: 'state:north-korea', name: 'North Korea', label: 'State' },
          predicate: 'LAUNCHED',
          object: { id: null, name: 'a satellite', label: 'Event' },
          date: null,
          datePrecision: null,
          dateNote: 'no date in the sentence',
          quote: 'North Korea launched a satellite.',
          offset: 0,
          confidence: 0.5,
          status: 'reported',
          trigger: 'launched',
          notes: [],
        },
      ],
      'article:x',
    );
    expect(g.nodes).toEqual([expect.objectContaining({ id: 'event:a-satellite', label: 'Event' })]);
    expect(g.edges[0]).toMatchObject({ source: 'state:north-korea', target: 'event:a-satellite' });
  });
});
