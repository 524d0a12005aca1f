import { describe, expect, it } from 'vitest';
import { findEntities } from './entities.js';
import { extractRelations, splitSentences } from './relations.js';
import { testGazetteer } from './test-gazetteer.js';

function facts(text: string) {
  const g = testGazetteer();
  const result = extractRelations(text, findEntities(text, g), { gazetteer: g });
  return {
    ...result,
    triples: result.relations.map((r) => `${r.subject.id ?? r.subject.name} ${r.predicate} ${r.object.id ?? r.object.name}`),
  };
}

describe('splitSentences', () => {
  it('does not split numbers, abbreviations or quotations', () => {
    const text = 'Ada 10.000 tentara di A.S. Barat, kata Dr. Lee. “Kami siap. Kami menunggu,” ujar Kim. Lalu selesai.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Ada 10.000 tentara di A.S. Barat, kata Dr. Lee.',
      '“Kami siap. Kami menunggu,” ujar Kim.',
      'Lalu selesai.',
    ]);
  });

  it('splits after a quotation that ends the sentence and keeps offsets', () => {
    const text = 'Ia berkata "membuka halaman baru." Kim tiba di Moskow.\nBaris kedua.';
    const ss = splitSentences(text);
    expect(ss.map((s) => s.text)).toEqual(['Ia berkata "membuka halaman baru."', 'Kim tiba di Moskow.', 'Baris kedua.']);
    for (const s of ss) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('ends a sentence at "AS." when a new sentence follows', () => {
    expect(splitSentences('Rudal diluncurkan sebelum pemilihan presiden AS. Korea Utara membantah.')).toHaveLength(2);
  });
});

describe('SIGNED and RATIFIED', () => {
  it('reads active Indonesian signing with coordinated subjects', () => {
    expect(facts('Vladimir Putin dan Kim Jong Un menandatangani perjanjian kemitraan strategis di Pyongyang.').triples).toEqual([
      'person:vladimir-putin SIGNED agreement:treaty',
      'person:kim-jong-un SIGNED agreement:treaty',
    ]);
  });

  it('reads "meneken" and a generic "perjanjian tersebut" as the article\'s agreement', () => {
    const r = facts('Pakta pertahanan itu penting. Putin meneken perjanjian tersebut pada Sabtu.');
    expect(r.triples).toEqual(['person:vladimir-putin SIGNED agreement:treaty']);
    expect(r.relations[0].subject.via ?? r.relations[0].object.via).toMatch(/perjanjian tersebut/);
  });

  it('reads the passive "ditandatangani oleh X dengan Y"', () => {
    expect(facts('Pakta pertahanan, yang ditandatangani oleh Presiden Rusia Vladimir Putin dengan pemimpin Korea Utara Kim Jong Un, berlaku.').triples).toEqual([
      'person:vladimir-putin SIGNED agreement:treaty',
      'person:kim-jong-un SIGNED agreement:treaty',
    ]);
  });

  it('reads ratification: active, passive with a decree and "ratifikasinya oleh"', () => {
    expect(facts('Korea Utara telah meratifikasi pakta pertahanan dengan Rusia.').triples).toEqual(['state:north-korea RATIFIED agreement:treaty']);
    expect(facts('Pakta pertahanan itu diratifikasi melalui dekrit dari Kim.').triples).toEqual(['person:kim-jong-un RATIFIED agreement:treaty']);
    expect(facts('Persetujuan pakta pertahanan menyusul ratifikasinya oleh Duma Negara.').triples).toEqual(['organization:state-duma RATIFIED agreement:treaty']);
  });

  it('reads English signing and ratification, active and passive', () => {
    expect(facts('Putin and Kim signed the mutual defence treaty in June.').triples).toEqual([
      'person:vladimir-putin SIGNED agreement:treaty',
      'person:kim-jong-un SIGNED agreement:treaty',
    ]);
    expect(facts('The mutual defence treaty was ratified by the State Duma.').triples).toEqual(['organization:state-duma RATIFIED agreement:treaty']);
  });

  it.each([
    ['Rusia tidak menandatangani pakta pertahanan itu.', 'state:russia SIGNED agreement:treaty'],
    ['Korea Utara belum meratifikasi pakta pertahanan.', 'state:north-korea RATIFIED agreement:treaty'],
    ['Russia did not sign the mutual defence treaty.', 'state:russia SIGNED agreement:treaty'],
    ['Russia never ratified the mutual defence treaty.', 'state:russia RATIFIED agreement:treaty'],
    ['Korea Utara tidak mengirim tentara ke Rusia.', 'state:north-korea DEPLOYED_TROOPS_TO state:russia'],
    ['North Korea did not send troops to Russia.', 'state:north-korea DEPLOYED_TROOPS_TO state:russia'],
    ['Putin tidak bertemu dengan Zelensky.', 'person:vladimir-putin MET_WITH person:volodymyr-zelenskiy'],
    ['Kim belum mengunjungi Moskow.', 'person:kim-jong-un VISITED place:moscow'],
    ['Korea Utara membantah memasok senjata kepada Rusia.', 'state:north-korea SUPPLIED state:russia'],
    ['The Kremlin denied that Russia had deployed troops to North Korea.', 'state:russia DEPLOYED_TROOPS_TO state:north-korea'],
  ])('keeps the negation "%s" as a denied claim, never a reported one', (sentence, triple) => {
    const r = facts(sentence);
    expect(r.triples).toEqual([triple]);
    expect(r.relations[0].status).toBe('denied');
    expect(r.relations[0].confidence).toBeLessThan(facts(sentence.replace(/\b(?:tidak|belum|did not|never|membantah|denied that) /, '')).relations[0]?.confidence ?? 1);
  });

  it.each([
    'Apakah Putin menandatangani pakta pertahanan itu?',
    'Did Kim sign the mutual defence treaty?',
    'Rusia akan menandatangani pakta pertahanan bulan depan.',
    'Korea Utara bisa meratifikasi pakta pertahanan jika diminta.',
    'Jika Duma setuju, Putin menandatangani pakta pertahanan.',
    'Kedua pihak sepakat untuk tidak menandatangani perjanjian dengan negara ketiga.',
    'Perjanjian itu ditandatangani pada Juni.',
  ])('yields no fact from the question, plan or condition "%s"', (sentence) => {
    expect(facts(sentence).relations).toEqual([]);
  });

  it('says why a trigger yielded nothing', () => {
    expect(facts('Rusia menandatangani pakta itu tanpa Korea Utara, tanpa meratifikasi pakta itu.').skipped).toContainEqual(expect.objectContaining({ predicate: 'RATIFIED', reason: 'negated' }));
    expect(facts('Apakah Putin menandatangani pakta pertahanan itu?').skipped[0].reason).toBe('question');
    expect(facts('Jika Duma setuju, Putin menandatangani pakta pertahanan.').skipped[0].reason).toBe('conditional');
    expect(facts('Rusia akan menandatangani pakta pertahanan.').skipped[0].reason).toBe('future');
  });
});

describe('reported speech', () => {
  it('keeps Y\'s fact with lower confidence and the speaker', () => {
    const direct = facts('Kim menandatangani pakta pertahanan.').relations[0];
    const reported = facts('Lavrov mengatakan bahwa Kim menandatangani pakta pertahanan.').relations[0];
    expect(reported).toMatchObject({ predicate: 'SIGNED', subject: { id: 'person:kim-jong-un' }, reportedBy: 'Sergei Lavrov', status: 'attributed' });
    expect(reported.confidence).toBeLessThan(direct.confidence);
  });

  it('reads a trailing attribution', () => {
    expect(facts('Korea Utara meratifikasi pakta pertahanan, kata KCNA.').relations[0]).toMatchObject({ reportedBy: 'KCNA' });
    expect(facts('North Korea ratified the mutual defence treaty, according to KCNA.').relations[0]).toMatchObject({ reportedBy: 'KCNA' });
  });

  it('marks an accusation\'s content as alleged', () => {
    const r = facts('Amerika Serikat menuduh Korea Utara mengirim lebih dari 10.000 tentara ke Rusia.');
    expect(r.triples).toEqual(['state:north-korea DEPLOYED_TROOPS_TO state:russia', 'state:united-states ACCUSED state:north-korea']);
    expect(r.relations[0]).toMatchObject({ status: 'alleged', reportedBy: 'United States' });
  });
});

describe('DEPLOYED_TROOPS_TO', () => {
  it('reads the active, passive and noun forms', () => {
    expect(facts('Korea Utara telah mengirim puluhan ribu tentara ke Rusia.').triples).toEqual(['state:north-korea DEPLOYED_TROOPS_TO state:russia']);
    expect(facts('Unit militer Korea Utara telah dikerahkan ke wilayah Kursk.').triples).toEqual(['state:north-korea DEPLOYED_TROOPS_TO place:kursk']);
    expect(facts('AS mengonfirmasi penempatan 10.000 tentara Korea Utara di Rusia.').triples).toEqual(['state:north-korea DEPLOYED_TROOPS_TO state:russia']);
    expect(facts('North Korea has sent troops to Russia.').triples).toEqual(['state:north-korea DEPLOYED_TROOPS_TO state:russia']);
  });

  it.each([
    'Rusia bakal kirim pasukan jika Korea Utara diserang.',
    'Rusia akan mengirim pasukan ke Korea Utara jika diserang.',
    'Moskow menanggapi tanpa mengakui kehadiran pasukan Korea Utara di Rusia.',
    'Russia would send troops to North Korea if it were attacked.',
  ])('yields no fact from "%s"', (sentence) => {
    expect(facts(sentence).relations).toEqual([]);
  });
});

describe('MET_WITH and VISITED', () => {
  it('reads "bertemu dengan" across a title, "X dan Y bertemu" and "pertemuan antara"', () => {
    expect(facts('Pada hari Senin, Putin bertemu dengan Menteri Luar Negeri Korea Utara Choe Son Hui.').triples).toEqual(['person:vladimir-putin MET_WITH person:choe-son-hui']);
    expect(facts('Choe Son Hui dan Menteri Luar Negeri Rusia Sergei Lavrov bertemu di Moskow.').triples).toEqual(['person:choe-son-hui MET_WITH person:sergei-lavrov']);
    expect(facts('Dalam pertemuan antara Kim dan Putin di Rusia, keduanya berbicara.').triples).toEqual(['person:kim-jong-un MET_WITH person:vladimir-putin']);
    expect(facts('Putin met Kim in Pyongyang.').triples).toEqual(['person:vladimir-putin MET_WITH person:kim-jong-un']);
  });

  it('does not read a dateline as a subject ("PYONGYANG - …")', () => {
    expect(facts('PYONGYANG - Pemimpin Korea Utara Kim Jong Un bertemu dengan Choe Son Hui di Pyongyang.').triples).toEqual([
      'person:kim-jong-un MET_WITH person:choe-son-hui',
    ]);
    // A tight hyphen still joins two actors.
    expect(facts('Rusia-Korut meneken perjanjian kemitraan strategis.').triples.length).toBeGreaterThan(0);
  });

  it('reads visits with a named visitor only', () => {
    expect(facts('Selama kunjungan Putin ke Pyongyang, perjanjian itu dibahas.').triples).toEqual(['person:vladimir-putin VISITED place:pyongyang']);
    expect(facts('Choe Son Hui, yang telah melakukan kunjungan resmi ke Rusia, memuji Moskow.').triples).toEqual(['person:choe-son-hui VISITED state:russia']);
    expect(facts('Lavrov visited Pyongyang.').triples).toEqual(['person:sergei-lavrov VISITED place:pyongyang']);
    expect(facts('Perjanjian ditandatangani selama kunjungan ke Pyongyang.').relations).toEqual([]);
  });

  it.each(['Kim berencana berkunjung ke Rusia.', 'Putin will visit Pyongyang.'])(
    'yields no fact from "%s"',
    (sentence) => expect(facts(sentence).relations).toEqual([]),
  );
});

describe('LAUNCHED, ACCUSED and SUPPLIED', () => {
  it('reads a launch with a known event, and an unknown one as a proposal', () => {
    expect(facts('Korea Utara meluncurkan rentetan rudal balistik ke laut.').triples).toEqual(['state:north-korea LAUNCHED event:launch']);
    const r = facts('North Korea launched a satellite.');
    expect(r.relations[0]).toMatchObject({ predicate: 'LAUNCHED', object: { id: null, label: 'Event' } });
    expect(r.relations[0].confidence).toBeLessThanOrEqual(0.5);
  });

  it('reads accusations, verb and noun', () => {
    expect(facts('Korea Selatan menuduh Rusia membantu program rudal Korea Utara.').triples).toEqual(['state:south-korea ACCUSED state:russia']);
    expect(facts('Moskow menanggapi tuduhan Korea Selatan dan Barat mengenai kehadiran Korea Utara.').triples).toEqual([
      'state:south-korea ACCUSED state:north-korea',
      'organization:the-west ACCUSED state:north-korea',
    ]);
    expect(facts('Ukraine accused Russia of war crimes.').triples).toEqual(['state:ukraine ACCUSED state:russia']);
  });

  it('reads supplies of arms to a recipient, with capitals standing for states', () => {
    expect(facts('Putin memasok teknologi luar angkasa kepada Korea Utara.').triples).toEqual(['person:vladimir-putin SUPPLIED state:north-korea']);
    expect(facts('Pyongyang memberikan rudal balistik kepada Moskow.').triples).toEqual(['state:north-korea SUPPLIED state:russia']);
    expect(facts('North Korea supplied artillery shells to Russia.').triples).toEqual(['state:north-korea SUPPLIED state:russia']);
  });

  it('does not read aid or possible transfers as arms supplies', () => {
    expect(facts('Rusia memberikan bantuan kepada Korea Utara.').relations).toEqual([]);
    expect(facts('Pejabat khawatir Rusia mungkin mentransfer teknologi ke Korea Utara.').relations).toEqual([]);
    expect(facts('Kim Jong Un dituduh memasok senjata ke Rusia.').relations[0]).toMatchObject({ status: 'alleged' });
  });
});
