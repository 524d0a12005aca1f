/**
 * One test per failure class seen on articles the extractor had never read
 * (issue 14). Each article here is small and made up for the class; the
 * development set measures the whole.
 */
import { describe, expect, it } from 'vitest';
import type { IngestCandidate } from '../shared/api.js';
import { buildGazetteer } from './entities.js';
import { extractCandidates } from './extract.js';
import { TEST_ENTITIES } from './test-gazetteer.js';
import { splitSentences } from './sentences.js';

const gazetteer = buildGazetteer([
  ...TEST_ENTITIES.map((e) =>
    e.id === 'person:choe-son-hui'
      ? { ...e, roles: ['Foreign Minister of North Korea', 'Menteri Luar Negeri Korea Utara'] }
      : e.id === 'organization:state-duma'
        ? { ...e, roles: ["Lower house of Russia's parliament"] }
        : e.id === 'person:vladimir-putin'
          ? { ...e, roles: ['President of Russia'] }
          : e,
  ),
  { id: 'organization:federation-council', label: 'Organization', name: 'Federation Council', aliases: ['Dewan Federasi'], roles: ["Upper house of Russia's parliament"] },
  { id: 'person:andrei-belousov', label: 'Person', name: 'Andrei Belousov', aliases: ['Belousov'], roles: ['Defence Minister of Russia'] },
]);

const run = (text: string, date?: string) => extractCandidates(text, { gazetteer, date });
const triple = (c: IngestCandidate) => `${c.subject.id ?? c.subject.name} ${c.predicate} ${c.object.id ?? c.object.name}`;
const triples = (text: string, date?: string) => run(text, date).candidates.map(triple);

describe('undated articles', () => {
  it('are extracted anyway: absolute dates count, relative ones stay empty with a note', () => {
    const r = run('Kim ke Moskow\n\nKim Jong Un bertemu dengan Vladimir Putin pada Jumat. Choe Son Hui bertemu dengan Sergei Lavrov pada 1 November 2024.');
    expect(r.article).toMatchObject({ date: null, undated: true });
    const [friday, stated] = r.candidates;
    expect(friday).toMatchObject({ predicate: 'MET_WITH', date: null });
    expect(friday.dateNote).toMatch(/Jumat" is relative to the publication date, which is unknown/);
    expect(stated).toMatchObject({ date: '2024-11-01', datePrecision: 'day' });
  });
});

describe('English', () => {
  it('gives the body, not its state, as the subject ("Russia\'s lower house")', () => {
    expect(triples("Russia's lower house ratified the mutual defence treaty on Thursday.")).toEqual(['organization:state-duma RATIFIED agreement:treaty']);
  });

  it('reads "signed by" across demonyms and titles before the names', () => {
    expect(triples('The mutual defence treaty was signed by Russian President Vladimir Putin and North Korean leader Kim Jong Un.')).toEqual([
      'person:vladimir-putin SIGNED agreement:treaty',
      'person:kim-jong-un SIGNED agreement:treaty',
    ]);
  });

  it('resolves a title alone to the known holder of the role', () => {
    const r = run('Talks in Moscow\n\nThe North Korean foreign minister met Sergei Lavrov in Moscow.');
    expect(r.candidates.map(triple)).toContain('person:choe-son-hui MET_WITH person:sergei-lavrov');
    expect(r.candidates[0].notes.join(' ')).toMatch(/"The North Korean foreign minister" read as Choe Son Hui, the holder of that role/);
  });

  it('ends a sentence at a stop with the space missing', () => {
    expect(splitSentences('They signed it in June 2024.The treaty took effect in December.').map((s) => s.text)).toEqual(['They signed it in June 2024.', 'The treaty took effect in December.']);
    expect(splitSentences('Dilansir dari TEMPO.CO, Kim tiba.')).toHaveLength(1);
  });

  it('reads English datelines and date formats, and a dateline is not the event date', () => {
    expect(run('Pact in force\nFriday, July 11, 2025\nKim met Putin on Friday.').article.date).toBe('2025-07-11');
    expect(run('Pact in force\nJuly 12, 2025\nKim met Putin.').article.date).toBe('2025-07-12');
    const dl = run('Choe in Moscow\nMOSCOW, Dec. 5, 2024 (Wire) - Choe Son Hui met Sergei Lavrov on 1 December 2024.');
    expect(dl.article).toMatchObject({ date: '2024-12-05', outlet: 'Wire' });
    expect(dl.candidates[0]).toMatchObject({ predicate: 'MET_WITH', date: '2024-12-01' });
    const undatedEvent = run('Choe in Moscow\nMOSCOW, Dec. 5, 2024 - Choe Son Hui met Sergei Lavrov.');
    expect(undatedEvent.candidates[0].date).toBeNull();
  });
});

describe('Indonesian', () => {
  it('reads a passive with a phrase between the verb and its agent', () => {
    expect(triples('Pakta pertahanan itu diratifikasi melalui keputusan presiden oleh Kim Jong Un.')).toEqual(['person:kim-jong-un RATIFIED agreement:treaty']);
  });

  it('follows "-nya" and pronouns back to who was named', () => {
    expect(triples('Kim Jong Un memuji pakta pertahanan yang ditandatanganinya dengan Putin.')).toEqual(['person:kim-jong-un SIGNED agreement:treaty', 'person:vladimir-putin SIGNED agreement:treaty']);
    const r = run('Lavrov di Korea\n\nSergei Lavrov tiba di Pyongyang. Ia bertemu dengan Kim Jong Un.');
    expect(r.candidates.map(triple)).toContain('person:sergei-lavrov MET_WITH person:kim-jong-un');
    expect(triples('Korea Utara mengakui pasukannya dikerahkan ke wilayah Kursk.')).toEqual(['state:north-korea DEPLOYED_TROOPS_TO place:kursk']);
  });

  it.each([
    ['Putin mengadakan pembicaraan dengan Kim Jong Un di Pyongyang.'],
    ['Putin melakukan pertemuan dengan Kim Jong Un di Pyongyang.'],
    ['Putin berbicara melalui telepon dengan Kim Jong Un.'],
    ['Putin held talks with Kim Jong Un in Pyongyang.'],
  ])('reads the meeting phrasing "%s"', (sentence) => {
    expect(triples(sentence)).toEqual(['person:vladimir-putin MET_WITH person:kim-jong-un']);
  });

  it('reads a deployment stated as its purpose', () => {
    expect(triples('Pasukan Korea Utara dikerahkan untuk membantu Rusia.')).toEqual(['state:north-korea DEPLOYED_TROOPS_TO state:russia']);
  });

  it('takes the apposition after a head noun as the destination', () => {
    expect(triples('Korea Utara mengirim pasukan ke wilayah perbatasan Rusia, Kursk.')).toEqual(['state:north-korea DEPLOYED_TROOPS_TO place:kursk']);
  });

  it('keeps a hyphenated name whole', () => {
    const r = run('Menhan\n\nBelousov bertemu dengan Menteri Pertahanan Korea Utara No Kwang-chol di Pyongyang.');
    expect(r.newEntities).toContainEqual(expect.objectContaining({ name: 'No Kwang-chol', label: 'Person' }));
    expect(r.candidates.map(triple)).toEqual(['person:andrei-belousov MET_WITH No Kwang-chol']);
    expect(r.candidates[0].status).toBe('reported');
  });
});

describe('meaning', () => {
  it('reads signing a ratification law as ratifying, not as signing the treaty', () => {
    expect(triples('Putin menandatangani undang-undang tentang ratifikasi pakta pertahanan.')).toEqual(['person:vladimir-putin RATIFIED agreement:treaty']);
    expect(triples('Putin signed a law ratifying the mutual defence treaty.')).toEqual(['person:vladimir-putin RATIFIED agreement:treaty']);
  });

  it('does not take the date an outlet reports a thing as the date it happened', () => {
    const r = run('Kim ratifies\n\nKim Jong Un has ratified the mutual defence treaty, KCNA reported on Tuesday.', '2024-11-12');
    expect(r.candidates[0]).toMatchObject({ predicate: 'RATIFIED', date: null, status: 'attributed', reportedBy: 'KCNA' });
  });

  it.each([
    ['Russia has not supplied weapons to North Korea.', 'denied'],
    ['Korea Utara membantah memasok senjata kepada Rusia.', 'denied'],
    ['Russia is believed to have supplied missiles to North Korea.', 'believed'],
    ['Kim is expected to visit Moscow.', 'believed'],
    ['Pasukan Korea Utara diyakini akan dikerahkan ke Kursk.', 'believed'],
    ['Korea Selatan menuduh Korea Utara memasok rudal kepada Rusia.', 'alleged'],
  ])('keeps "%s" as a %s claim, never a reported one', (sentence, status) => {
    const cs = run(sentence).candidates.filter((c) => c.predicate !== 'ACCUSED');
    expect(cs.length).toBeGreaterThan(0);
    for (const c of cs) expect(c.status).toBe(status);
  });

  it.each(['Will Kim visit Moscow?', 'If Kim travels, he would meet Putin.', 'Rusia akan mengirim pasukan ke Korea Utara.', 'Kim berencana mengunjungi Moskow.'])(
    'gives no fact for the question, condition or plan "%s"',
    (sentence) => expect(run(sentence).candidates).toEqual([]),
  );
});

describe('entity proposals', () => {
  it('proposes a new name with its type and the short forms the article uses', () => {
    const r = run('NIS\n\nBadan Intelijen Nasional (NIS) Korea Selatan mengatakan Korea Utara mengirim pasukan ke Rusia. NIS juga menuduh Korea Utara memasok rudal kepada Rusia.');
    expect(r.newEntities).toContainEqual(expect.objectContaining({ name: 'Badan Intelijen Nasional', label: 'Organization', aliases: ['NIS'] }));
    expect(r.candidates.map(triple)).toContain('Badan Intelijen Nasional ACCUSED state:north-korea');
  });

  it('links a name written differently to the known entity, with the reason', () => {
    const r = run('Kim\n\nChoe Sonhui bertemu dengan Sergei Lavrov di Moskow.');
    expect(r.candidates.map(triple)).toEqual(['person:choe-son-hui MET_WITH person:sergei-lavrov']);
    expect(r.newEntities).toContainEqual(expect.objectContaining({ name: 'Choe Sonhui', sameAs: expect.objectContaining({ id: 'person:choe-son-hui', reason: expect.stringMatching(/other spaces, hyphens or accents/) }) }));
  });
});
