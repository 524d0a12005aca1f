import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../seed/facts.js';
import { rolesOf } from './coref.js';
import { buildGazetteer, entitiesFromGraph, linkToKnown } from './entities.js';
import { extendGazetteer } from './extend-gazetteer.js';
import { extractCandidates } from './extract.js';

const kb = await loadKnowledgeBase();
const entities = entitiesFromGraph(kb.graph);
const corpus = path.join(import.meta.dirname, '../seed/corpus');
const articles = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));

describe('extending a gazetteer in place', () => {
  it('extracts every corpus article exactly as a gazetteer built whole, after its indexes were used', () => {
    // Every other entity, used on every article (link index and roles built), then the rest added.
    const early = entities.filter((_, i) => i % 2 === 0);
    const late = entities.filter((_, i) => i % 2 === 1);
    const partial = buildGazetteer(early);
    const before = articles.map((text) => extractCandidates(text, { gazetteer: partial }));
    extendGazetteer(partial, late);
    const whole = buildGazetteer([...early, ...late]);
    const after = articles.map((text) => extractCandidates(text, { gazetteer: whole }));
    articles.forEach((text, i) => expect(extractCandidates(text, { gazetteer: partial }), `article ${i}`).toEqual(after[i]));
    // The test means something: the partial gazetteer read the articles differently.
    expect(before).not.toEqual(after);
  });

  it('links a variant spelling to an entity added after the link index was built, and reads its role', () => {
    const belousov = entities.find((e) => e.id === 'person:andrei-belousov')!;
    const g = buildGazetteer(entities.filter((e) => e !== belousov));
    expect(linkToKnown('Andrej Belousov', 'Person', g)).toBeUndefined();
    const rolesBefore = rolesOf(g).length;
    extendGazetteer(g, [belousov]);
    expect(linkToKnown('Andrej Belousov', 'Person', g)).toMatchObject({ id: belousov.id });
    expect(linkToKnown('A. Belousov', 'Person', g)).toEqual(linkToKnown('A. Belousov', 'Person', buildGazetteer(entities)));
    expect(rolesOf(g).filter((r) => r.id === belousov.id)).toEqual(rolesOf(buildGazetteer(entities)).filter((r) => r.id === belousov.id));
    expect(rolesOf(g).length).toBeGreaterThan(rolesBefore);
  });

  it('keeps an entity it already has as it was', () => {
    const g = buildGazetteer(entities);
    const kim = g.byId.get('person:kim-jong-un')!;
    extendGazetteer(g, [{ ...kim, name: 'Someone Else', aliases: [] }]);
    expect(g.byId.get('person:kim-jong-un')).toBe(kim);
    expect(g.byKey.has('someone else')).toBe(false);
  });
});
