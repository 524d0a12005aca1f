import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText, provenanceOf, type GraphEdge } from '../shared/graph.js';
import { LABELS, NODE_LABELS, REL_PROPS, REL_TYPES, relDef, type RelType } from '../shared/schema.js';
import { SeedDataError, cleanArticleText, loadKnowledgeBase, type KnowledgeBase } from './facts.js';

const SEED = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.join(SEED, 'corpus');
const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

let kb: KnowledgeBase;
const rawOf = (file: string) => fs.readFileSync(path.join(CORPUS, file), 'utf8');

beforeAll(async () => {
  kb = await loadKnowledgeBase();
});

function edge(id: string): GraphEdge {
  const e = kb.graph.edges.find((x) => x.id === id);
  if (!e) throw new Error(`missing edge ${id}`);
  return e;
}

function edgesOf(type: RelType, source?: string, target?: string): GraphEdge[] {
  return kb.graph.edges.filter((e) => e.type === type && (!source || e.source === source) && (!target || e.target === target));
}

describe('cleanArticleText', () => {
  it('cuts at the first marker line and drops listed lines, trimming the result', () => {
    const raw = 'Title\nShare :\n  Body one  \nBaca: teaser\nBody two\n\nHalaman:\nFooter\nShare :\n';
    expect(cleanArticleText(raw, ['Halaman:'], ['Share :', 'Baca: teaser'])).toBe('Title\n  Body one  \nBody two');
  });

  it('keeps everything when no marker matches', () => {
    expect(cleanArticleText('  a\nb  ', [], [])).toBe('a\nb');
  });
});

describe('knowledge base: provenance', () => {
  it('every quote is verbatim in the cleaned article text and the raw corpus file, at its offset', () => {
    const articles = new Map(kb.articles.map((a) => [a.id, a]));
    let claims = 0;
    for (const e of kb.graph.edges) {
      const prov = provenanceOf(e.properties);
      expect(prov.length, `${e.id} has no provenance`).toBeGreaterThan(0);
      for (const p of prov) {
        const a = articles.get(p.article);
        expect(a, `${e.id}: unknown article ${p.article}`).toBeDefined();
        if (!a) continue;
        expect(a.text.includes(p.quote), `${e.id}: quote not in cleaned text of ${a.file}`).toBe(true);
        expect(rawOf(a.file).includes(p.quote), `${e.id}: quote not in raw ${a.file}`).toBe(true);
        expect(a.text.slice(p.offset, p.offset + p.quote.length), `${e.id}: offset`).toBe(p.quote);
        claims++;
      }
    }
    expect(claims).toBeGreaterThan(100);
  });

  it('every Article node text equals the cleaned corpus file', () => {
    for (const a of kb.articles) {
      const node = kb.graph.nodes.find((n) => n.id === a.id);
      expect(node?.label).toBe('Article');
      expect(node?.properties.text).toBe(cleanArticleText(rawOf(a.file), a.cutAt, a.dropLines));
    }
  });

  it('endpoints exist and have labels the schema allows for the type', () => {
    const labelOf = new Map(kb.graph.nodes.map((n) => [n.id, n.label]));
    for (const e of kb.graph.edges) {
      const def = relDef(e.type as RelType);
      const from = labelOf.get(e.source);
      const to = labelOf.get(e.target);
      expect(from, `${e.id}: dangling source ${e.source}`).toBeDefined();
      expect(to, `${e.id}: dangling target ${e.target}`).toBeDefined();
      expect((def.from as readonly string[]).includes(from ?? ''), `${e.id}: ${from} not allowed as ${e.type} source`).toBe(true);
      expect((def.to as readonly string[]).includes(to ?? ''), `${e.id}: ${to} not allowed as ${e.type} target`).toBe(true);
      const place = e.properties.place;
      if (place !== null) expect(labelOf.get(String(place)), `${e.id}: place`).toBe('Place');
    }
  });

  it('node and edge properties use exactly the schema names', () => {
    const relProps = REL_PROPS.map((p) => p.name).sort();
    for (const n of kb.graph.nodes) {
      const label = n.label as (typeof NODE_LABELS)[number];
      expect(Object.keys(n.properties).sort(), n.id).toEqual(LABELS[label].props.map((p) => p.name).sort());
      expect(n.properties.id).toBe(n.id);
      const aliases = n.properties.aliases as string[];
      expect(n.properties.searchText).toBe(normalizeText([String(n.properties.name), ...aliases].join(' | ')));
    }
    for (const e of kb.graph.edges) {
      expect(Object.keys(e.properties).sort(), e.id).toEqual(relProps);
      expect(e.properties.id).toBe(e.id);
      const n = (e.properties.sourceArticles as unknown[]).length;
      for (const k of ['sourceQuotes', 'sourceOffsets', 'sourceClaims', 'sourceDateNotes']) {
        expect((e.properties[k] as unknown[]).length, `${e.id}.${k}`).toBe(n);
      }
    }
  });

  it('every dated fact says how its date was read', () => {
    for (const f of kb.facts) {
      if (f.date === null && f.dateFrom === null) continue;
      expect(f.claims.some((c) => c.dateNote.length > 0), f.id).toBe(true);
    }
  });

  it('MENTIONS: one edge per (article, entity), quoting the article', () => {
    const mentions = edgesOf('MENTIONS');
    const keys = mentions.map((e) => `${e.source}|${e.target}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of mentions) {
      expect(m.id).toBe(`rel:mentions:${m.source}:${m.target}`);
      expect(provenanceOf(m.properties)[0].article).toBe(m.source);
    }
    // Each endpoint of each claim is mentioned by the claim's article.
    for (const f of kb.facts) {
      for (const c of f.claims) {
        expect(keys).toContain(`${c.article}|${f.from}`);
        expect(keys).toContain(`${c.article}|${f.to}`);
      }
    }
  });
});

describe('knowledge base: coverage', () => {
  it('counts per label and type; every article and corpus file contributes', () => {
    const byLabel = Object.fromEntries(NODE_LABELS.map((l) => [l, kb.graph.nodes.filter((n) => n.label === l).length]));
    const byType = Object.fromEntries(REL_TYPES.map((t) => [t, kb.graph.edges.filter((e) => e.type === t).length]));
    console.log('Nodes per label');
    console.table(byLabel);
    console.log('Relationships per type');
    console.table(byType);
    console.table(Object.fromEntries(kb.articles.map((a) => [a.file, { id: a.id, facts: a.factCount, publishedAt: a.publishedAt }])));

    for (const a of kb.articles) expect(a.factCount, `${a.file} contributes no fact`).toBeGreaterThan(0);
    const corpus = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
    const factsFiles = fs.readdirSync(path.join(SEED, 'facts')).filter((f) => f.endsWith('.json')).sort();
    expect(factsFiles).toEqual(corpus.map((f) => f.replace(/\.txt$/, '.json')));
    expect(kb.articles.map((a) => a.file).sort()).toEqual(corpus);
    for (const l of NODE_LABELS) expect(byLabel[l], `no ${l} node`).toBeGreaterThan(0);
    for (const t of ['SIGNED', 'RATIFIED', 'PARTY_TO', 'ENTERED_INTO_FORCE', 'DEPLOYED_TROOPS_TO', 'MET_WITH', 'VISITED', 'LAUNCHED', 'ACCUSED', 'SUPPLIED', 'STATED', 'REPORTED', 'FIGHTS', 'SUPPORTS', 'OPPOSES', 'LEADER_OF', 'MEMBER_OF', 'PART_OF', 'LOCATED_IN', 'HELD_IN', 'PARTICIPATED_IN', 'MENTIONS']) {
      expect(byType[t], `no ${t} relationship`).toBeGreaterThan(0);
    }
  });

  it('every entity is used by at least one fact', () => {
    const used = new Set(kb.facts.flatMap((f) => [f.from, f.to, f.place]));
    expect(kb.entities.filter((e) => !used.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('states the publication date only where the page does', () => {
    const pub = Object.fromEntries(kb.articles.map((a) => [a.file.slice(0, 3), a.publishedAt]));
    expect(pub).toEqual({ '000': '2024-11-12', '001': null, '002': null, '003': '2024-12-05', '004': null });
  });
});

describe('knowledge base: boilerplate stays out', () => {
  const forbidden = ['Jokowi', 'BPJS', 'Israel', 'Lebanon', 'West Bengal', 'Benggala', 'Prabowo', 'Mulyono', 'WhatsApp', 'Okezone', 'Polri', 'Kapolres', 'ICMI', 'BNI', 'PMII', 'Karpet Merah'];

  it('no entity name, alias or description comes from the cut parts', () => {
    for (const e of kb.entities) {
      const text = [e.name, ...e.aliases, e.description].join(' | ');
      for (const word of forbidden) expect(text.includes(word), `${e.id} mentions ${word}`).toBe(false);
    }
  });

  it('the cleaned texts hold no page furniture', () => {
    const byPrefix = Object.fromEntries(kb.articles.map((a) => [a.file.slice(0, 3), a.text]));
    const absent: Record<string, string[]> = {
      '000': ['Halaman:', 'Share :', 'Follow WhatsApp', 'Topik Artikel', 'Berita Terkait', 'Terpopuler', 'Telusuri berita'],
      '001': ['Sumber'],
      '002': ['Baca berita dengan sedikit iklan', 'Pilihan editor', 'Israel'],
      '003': ['Populer', 'UPDATE', '2026', 'Jokowi', 'BPJS', 'Selengkapnya'],
      '004': ['Baca:', 'Baca Juga', 'Karpet Merah', 'Tinggalkan Balasan', 'Alamat email', 'Back To Top'],
    };
    for (const [prefix, words] of Object.entries(absent)) {
      for (const w of words) expect(byPrefix[prefix].includes(w), `${prefix} still has "${w}"`).toBe(false);
    }
    expect(byPrefix['003'].startsWith('Berita')).toBe(false);
  });

  it('no quote touches the cut parts', () => {
    for (const f of kb.facts) {
      for (const c of f.claims) for (const w of forbidden.filter((x) => x !== 'Benggala')) expect(c.quote.includes(w), `${f.id}: ${w}`).toBe(false);
    }
  });

  it('West Bengal in 004 is the West, never a place', () => {
    const e = edge('rel:opposes:vladimir-putin:the-west:weapons-decision');
    expect(e.target).toBe('organization:the-west');
    expect(provenanceOf(e.properties)[0].quote).toContain('Benggala Barat');
    expect(kb.entities.some((x) => normalizeText([x.name, ...x.aliases].join(' ')).includes('bengal'))).toBe(false);
  });
});

describe('knowledge base: answers true to the articles', () => {
  it('the treaty was signed by Putin and Kim in Pyongyang on 2024-06-19', () => {
    for (const who of ['person:vladimir-putin', 'person:kim-jong-un']) {
      const e = edge(`rel:signed:${who.slice('person:'.length)}:comprehensive-strategic-partnership-treaty`);
      expect(e).toMatchObject({ type: 'SIGNED', source: who, target: TREATY });
      expect(e.properties).toMatchObject({ date: '2024-06-19', datePrecision: 'day', place: 'place:pyongyang' });
      expect(new Set(provenanceOf(e.properties).map((p) => p.article)).size).toBe(5);
    }
    const treaty = kb.graph.nodes.find((n) => n.id === TREATY);
    expect(treaty?.properties).toMatchObject({ dateSigned: '2024-06-19', dateInForce: '2024-12-04' });
  });

  it('ratified by the Duma on 2024-10-24, by Kim on 2024-11-11 and by the Federation Council on Wednesday 2024-11-06', () => {
    expect(edge('rel:ratified:state-duma:comprehensive-strategic-partnership-treaty').properties).toMatchObject({ date: '2024-10-24', datePrecision: 'day' });
    expect(edge('rel:ratified:kim-jong-un:comprehensive-strategic-partnership-treaty').properties).toMatchObject({ date: '2024-11-11', datePrecision: 'day' });
    const fc = edge('rel:ratified:federation-council:comprehensive-strategic-partnership-treaty');
    expect(fc.properties).toMatchObject({ date: '2024-11-06', datePrecision: 'day' });
    // 003's "bulan lalu" (November) agrees with 001's Wednesday and stays a claim of its own.
    expect(provenanceOf(fc.properties).map((p) => p.date)).toEqual(expect.arrayContaining(['2024-11-06', '2024-11']));
    const articles = provenanceOf(fc.properties).map((p) => p.article);
    expect(articles).toContain('article:001-rusia-meratifikasi-perjanjian-bantuan-militer');
    expect(articles).toContain('article:2024-12-05-pakta-pertahanan-korut-rusia-mulai-berlaku');
    // Signing the ratification law is its own event, on the law, not a second signing of the treaty.
    expect(edgesOf('SIGNED', undefined, TREATY).map((e) => e.source).sort()).toEqual(['person:kim-jong-un', 'person:vladimir-putin']);
    const law = edge('rel:signed:vladimir-putin:russia-treaty-ratification-law-2024');
    expect(law.target).toBe('agreement:russia-treaty-ratification-law-2024');
    expect(law.properties).toMatchObject({ dateFrom: '2024-11-06', dateTo: '2024-11-12', datePrecision: 'month' });
    expect(edgesOf('CONCERNS', 'agreement:russia-treaty-ratification-law-2024').map((e) => e.target)).toEqual([TREATY]);
    for (const s of ['state:russia', 'state:north-korea']) expect(edgesOf('PARTY_TO', s, TREATY)).toHaveLength(1);
  });

  it('entered into force on 2024-12-04 at the exchange in Moscow by Kim Jong Gyu and Andrei Rudenko', () => {
    const [force] = edgesOf('ENTERED_INTO_FORCE', TREATY);
    expect(force.properties.date).toBe('2024-12-04');
    const event = force.target;
    expect(kb.graph.nodes.find((n) => n.id === event)?.properties).toMatchObject({ date: '2024-12-04', datePrecision: 'day' });
    expect(edgesOf('HELD_IN', event).map((e) => e.target)).toEqual(['place:moscow']);
    const who = edgesOf('PARTICIPATED_IN', undefined, event).map((e) => e.source);
    expect(who).toEqual(expect.arrayContaining(['person:kim-jong-gyu', 'person:andrei-rudenko']));
  });

  it('troop deployment keeps each source’s number', () => {
    const e = edge('rel:deployed-troops-to:north-korea:russia');
    const figures = new Map<string, Set<string>>();
    for (const p of provenanceOf(e.properties)) {
      const figure = /puluhan ribu/.test(p.claim)
        ? 'tens of thousands'
        : /lebih dari 10\.000/.test(p.claim)
          ? 'more than 10,000'
          : /sekitar 10\.000/.test(p.claim)
            ? 'about 10,000'
            : /10\.000/.test(p.claim)
              ? '10,000'
              : null;
      if (figure) figures.set(figure, (figures.get(figure) ?? new Set()).add(p.article));
    }
    expect(figures.size).toBeGreaterThanOrEqual(2);
    const articles = new Set([...figures.values()].flatMap((s) => [...s]));
    expect(articles.size).toBeGreaterThanOrEqual(2);
    const kursk = provenanceOf(edge('rel:deployed-troops-to:north-korea:kursk').properties);
    expect(kursk.some((p) => p.claim.includes('sekitar 10.000'))).toBe(true);
  });

  it('Choe Son Hui met Lavrov (in Moscow) and Putin', () => {
    const met = edgesOf('MET_WITH', 'person:choe-son-hui').map((e) => e.target);
    expect(met).toEqual(expect.arrayContaining(['person:sergei-lavrov', 'person:vladimir-putin']));
    expect(edge('rel:met-with:choe-son-hui:sergei-lavrov').properties.place).toBe('place:moscow');
  });

  it("dates undated 001 by the event it names: Tuesday's launch hours before the US election of 2024-11-05", () => {
    const launch = edge('rel:launched:north-korea:north-korea-srbm-launch-before-us-election-2024');
    expect(launch.properties).toMatchObject({ date: '2024-11-05', datePrecision: 'day' });
    expect(String(provenanceOf(launch.properties)[0].dateNote)).toContain('pemilihan presiden AS');
    expect(edge('rel:preceded:north-korea-srbm-launch-before-us-election-2024:us-presidential-election-2024').target).toBe('event:us-presidential-election-2024');
    expect(kb.graph.nodes.find((n) => n.id === 'event:us-presidential-election-2024')?.properties).toMatchObject({ date: '2024-11-05', datePrecision: 'day' });
    expect(edge('rel:met-with:choe-son-hui:vladimir-putin').properties).toMatchObject({ date: '2024-11-04', datePrecision: 'day' });
    expect(edge('rel:stated:matthew-miller:north-korea:troops-in-kursk').properties).toMatchObject({ date: '2024-11-04', datePrecision: 'day' });
    expect(edge('rel:visited:choe-son-hui:russia').properties).toMatchObject({ dateFrom: '2024-11-02', dateTo: '2024-11-04' });
    // Every resolved date of 001 records its chain back to the election.
    for (const f of kb.facts) {
      for (const c of f.claims) if (c.file.startsWith('001_') && c.dateNote.startsWith('resolved')) expect(c.dateNote, f.id).toContain('5 November 2024');
    }
  });

  it("dates undated 004 by the June 2024 summit it reports, and leaves what the text does not fix undated", () => {
    expect(edge('rel:stated:vladimir-putin:the-west:arming-enemies').properties).toMatchObject({ date: '2024-06-01', datePrecision: 'month' });
    const weeks = edge('rel:supports:united-states:ukraine:use-of-western-weapons').properties;
    expect(weeks).toMatchObject({ date: null, dateTo: '2024-06-19' });
  });

  it("one edge is one event: Kim's June support and his November statement are two edges", () => {
    const june = edge('rel:supports:kim-jong-un:russia:2024-06');
    const november = edge('rel:supports:kim-jong-un:russia:2024-11');
    expect(june.properties.date).toBe('2024-06-01');
    expect(november.properties).toMatchObject({ dateFrom: '2024-11-25', dateTo: '2024-12-01' });
    expect(provenanceOf(june.properties).map((p) => p.article)).toEqual(['article:004-putin-temui-kim-jong-un-teken-perjanjian-saling-bantu']);
    expect(provenanceOf(november.properties).map((p) => p.article)).toEqual(['article:2024-12-05-pakta-pertahanan-korut-rusia-mulai-berlaku']);
  });

  it('resolves relative dates from the publication date', () => {
    expect(edge('rel:stated:volodymyr-zelenskiy:north-korea:casualties').properties).toMatchObject({ dateFrom: '2024-11-04', dateTo: '2024-11-10' });
    expect(edge('rel:visited:andrei-belousov:pyongyang').properties).toMatchObject({ dateFrom: '2024-11-25', dateTo: '2024-12-01' });
  });

  it('KCNA, the launch and the leaders are wired', () => {
    expect(edgesOf('REPORTED', 'organization:kcna').length).toBeGreaterThanOrEqual(4);
    expect(edgesOf('LAUNCHED', 'state:north-korea')).toHaveLength(1);
    expect(edgesOf('LEADER_OF').map((e) => `${e.source}>${e.target}`).sort()).toEqual([
      'person:kim-jong-un>state:north-korea',
      'person:vladimir-putin>state:russia',
      'person:volodymyr-zelenskiy>state:ukraine',
    ]);
    // Russia's parliament is a body, with the Duma and the Federation Council as its chambers.
    expect(edgesOf('PART_OF', undefined, 'state:russia').map((e) => e.source).sort()).toEqual(['organization:federal-assembly']);
    expect(edgesOf('PART_OF', undefined, 'organization:federal-assembly').map((e) => e.source).sort()).toEqual([
      'organization:federation-council',
      'organization:state-duma',
    ]);
  });
});

describe('loadKnowledgeBase rejects broken seed data', () => {
  const FILE = '000_2d0bdcccff2d890c';
  const tmpDirs: string[] = [];
  type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  function brokenSeed(mutate: (facts: Json, entities: Json, dir: string) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-seed-'));
    tmpDirs.push(dir);
    fs.mkdirSync(path.join(dir, 'corpus'));
    fs.mkdirSync(path.join(dir, 'facts'));
    fs.copyFileSync(path.join(CORPUS, `${FILE}.txt`), path.join(dir, 'corpus', `${FILE}.txt`));
    const facts = JSON.parse(fs.readFileSync(path.join(SEED, 'facts', `${FILE}.json`), 'utf8')) as Json;
    const entities = JSON.parse(fs.readFileSync(path.join(SEED, 'entities.json'), 'utf8')) as Json;
    mutate(facts, entities, dir);
    fs.writeFileSync(path.join(dir, 'facts', `${FILE}.json`), JSON.stringify(facts, null, 2));
    fs.writeFileSync(path.join(dir, 'entities.json'), JSON.stringify(entities, null, 2));
    return dir;
  }

  async function rejection(dir: string): Promise<SeedDataError> {
    try {
      await loadKnowledgeBase(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(SeedDataError);
      return e as SeedDataError;
    }
    throw new Error('expected loadKnowledgeBase to reject');
  }

  const factById = (facts: Json, id: string): Json => facts.facts.find((f: Json) => f.id === id);
  const entityById = (entities: Json, id: string): Json => entities.entities.find((e: Json) => e.id === id);
  const FACTS = `facts/${FILE}.json`;
  const KIM_RATIFIED = 'rel:ratified:kim-jong-un:comprehensive-strategic-partnership-treaty';

  afterAll(() => {
    for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the unbroken copy loads', async () => {
    const kb1 = await loadKnowledgeBase(brokenSeed(() => {}));
    expect(kb1.articles).toHaveLength(1);
  });

  const cases: Array<[string, (facts: Json, entities: Json, dir: string) => void, string, string, RegExp]> = [
    ['unknown label', (_f, e) => (entityById(e, 'person:kim-jong-un').label = 'Human'), 'entities.json', 'person:kim-jong-un', /unknown label "Human"/],
    ['unknown relationship type', (f) => (factById(f, KIM_RATIFIED).type = 'HUGGED'), FACTS, KIM_RATIFIED, /unknown relationship type "HUGGED"/],
    ['dangling entity id', (f) => (factById(f, KIM_RATIFIED).to = 'agreement:nothing'), FACTS, KIM_RATIFIED, /agreement:nothing/],
    ['dangling place', (f) => (factById(f, KIM_RATIFIED).place = 'place:atlantis'), FACTS, KIM_RATIFIED, /place:atlantis/],
    ['non-verbatim quote', (f) => (factById(f, KIM_RATIFIED).quote = 'Pemimpin Korea Utara Kim Jong Un menandatangani dekrit'), FACTS, KIM_RATIFIED, /quote not found verbatim/],
    ['quote from the cut footer', (f) => (factById(f, KIM_RATIFIED).quote = 'Follow WhatsApp Channel Okezone'), FACTS, KIM_RATIFIED, /quote not found verbatim/],
    ['bad calendar date', (f) => (factById(f, KIM_RATIFIED).date = '2024-02-30'), FACTS, KIM_RATIFIED, /2024-02-30.*not a real calendar date/],
    ['inconsistent precision', (f) => (factById(f, KIM_RATIFIED).datePrecision = 'month'), FACTS, KIM_RATIFIED, /precision month/],
    ['endpoint label not allowed', (f) => (factById(f, KIM_RATIFIED).from = 'place:pyongyang'), FACTS, KIM_RATIFIED, /cannot start at a Place/],
    ['unknown key', (f) => (factById(f, KIM_RATIFIED).confidence = 'high'), FACTS, KIM_RATIFIED, /confidence/],
    ['missing claim status', (f) => delete factById(f, KIM_RATIFIED).status, FACTS, KIM_RATIFIED, /status must be one of reported, attributed, .*how the source gives this claim/],
    ['unknown claim status', (f) => (factById(f, KIM_RATIFIED).status = 'rumoured'), FACTS, KIM_RATIFIED, /status must be one of reported/],
    ['claim number in words', (f) => (factById(f, KIM_RATIFIED).number = 'sekitar 10.000'), FACTS, KIM_RATIFIED, /number: expected a normalised quantity/],
    [
      'a month that does not contain the other source\'s day',
      (f) => f.facts.push({ ...factById(f, KIM_RATIFIED), date: '2024-10-01', datePrecision: 'month', quote: 'Kim Jong-un menandatangani dekrit' }),
      FACTS,
      KIM_RATIFIED,
      /conflicting definitions.*date/,
    ],
    [
      'conflicting dates for one fact id',
      (f) => f.facts.push({ ...factById(f, KIM_RATIFIED), date: '2024-11-12', quote: 'Kim Jong-un menandatangani dekrit' }),
      FACTS,
      KIM_RATIFIED,
      /conflicting definitions.*date/,
    ],
    [
      'conflicting endpoints for one fact id',
      (f) => f.facts.push({ ...factById(f, KIM_RATIFIED), from: 'state:north-korea', quote: 'Kim Jong-un menandatangani dekrit' }),
      FACTS,
      KIM_RATIFIED,
      /conflicting definitions.*from/,
    ],
    ['undeclared property', (_f, e) => (entityById(e, 'state:russia').props = { role: 'big' }), 'entities.json', 'state:russia', /"role" is not declared for State/],
    ['duplicate entity id', (_f, e) => e.entities.push({ ...entityById(e, 'place:moscow') }), 'entities.json', 'place:moscow', /duplicate entity id/],
    ['bad entity date', (_f, e) => (entityById(e, TREATY).props.dateSigned = '2024-06-31'), 'entities.json', TREATY, /not a real calendar date/],
    ['article file missing', (_f, _e, dir) => fs.rmSync(path.join(dir, 'corpus', `${FILE}.txt`)), FACTS, 'article:okezone-2024-11-12-perjanjian-diratifikasi', /missing from the corpus/],
    ['article with no facts', (f) => (f.facts = []), FACTS, 'article:okezone-2024-11-12-perjanjian-diratifikasi', /no facts/],
    ['stale cut marker', (f) => (f.article.cutAt = ['Halaman 2']), FACTS, 'article:okezone-2024-11-12-perjanjian-diratifikasi', /cutAt marker/],
  ];

  it.each(cases)('%s', async (_name, mutate, file, entry, problem) => {
    const err = await rejection(brokenSeed(mutate));
    expect(err.message).toContain(file);
    expect(err.message).toContain(entry);
    expect(err.message).toMatch(problem);
  });
});
