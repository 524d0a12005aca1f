import { describe, expect, it } from 'vitest';
import { buildGazetteer, findEntities, proposedEntities } from './entities.js';
import { testGazetteer } from './test-gazetteer.js';

const known = (text: string) => findEntities(text, testGazetteer()).filter((m) => m.id);

describe('findEntities: known names', () => {
  it.each(['Kim Jong-un', 'Kim Jong Un', 'Kim Jong un', 'KIM JONG UN'])('matches "%s" to Kim Jong Un', (name) => {
    const [m] = known(`Pemimpin ${name} tiba.`);
    expect(m).toMatchObject({ id: 'person:kim-jong-un', surface: name, start: 9, end: 9 + name.length });
  });

  it('matches accents away', () => {
    const g = buildGazetteer([{ id: 'person:x', label: 'Person', name: 'José Ramos-Horta', aliases: [] }]);
    expect(findEntities('Presiden Jose Ramos Horta berkunjung.', g)[0]).toMatchObject({ id: 'person:x', surface: 'Jose Ramos Horta' });
  });

  it('prefers the longest match: Kim Jong Gyu is not Kim', () => {
    expect(known('wakil menteri Kim Jong Gyu dan Kim').map((m) => m.id)).toEqual(['person:kim-jong-gyu', 'person:kim-jong-un']);
  });

  it('matches a short capital alias only in capitals: "AS" but not "as"', () => {
    expect(known('pejabat AS mengatakan').map((m) => m.id)).toEqual(['state:united-states']);
    expect(known('such as Russia').map((m) => m.id)).toEqual(['state:russia']);
    expect(known('Barat menolak, bukan barat daya').map((m) => m.surface)).toEqual(['Barat']);
  });

  it('gives offsets into the original text', () => {
    const text = 'Putin bertemu Choe Son Hui di Moskow.';
    for (const m of known(text)) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('marks a state that qualifies a person as a modifier', () => {
    const ms = known('Menteri Luar Negeri Korea Utara Choe Son Hui tiba');
    expect(ms.find((m) => m.id === 'state:north-korea')?.modifier).toBe(true);
    expect(ms.find((m) => m.id === 'person:choe-son-hui')?.modifier).toBe(false);
  });
});

describe('findEntities: new entities', () => {
  const proposals = (text: string) => proposedEntities(findEntities(text, testGazetteer()));

  it('types a name after a title as a person, also with a state between', () => {
    expect(proposals('Kunjungan Menteri Pertahanan Rusia Andrei Belousov ke Pyongyang berlangsung.')).toContainEqual(
      expect.objectContaining({ name: 'Andrei Belousov', label: 'Person' }),
    );
    expect(proposals('Hal itu dikatakan juru bicara Matthew Miller kepada wartawan.')).toContainEqual(expect.objectContaining({ name: 'Matthew Miller', label: 'Person' }));
  });

  it('types bodies and places by their head word or the word before them', () => {
    const p = proposals('Keputusan itu disetujui Dewan Federasi dan Kementerian Pertahanan, lalu dibahas di wilayah Belgorod.');
    expect(p).toContainEqual(expect.objectContaining({ name: 'Dewan Federasi', label: 'Organization' }));
    expect(p).toContainEqual(expect.objectContaining({ name: 'Kementerian Pertahanan', label: 'Organization' }));
    expect(p).toContainEqual(expect.objectContaining({ name: 'Belgorod', label: 'Place' }));
  });

  it('lets a new body absorb the known state it belongs to', () => {
    expect(proposals('Juru bicara Departemen Luar Negeri AS menolak.')).toContainEqual(expect.objectContaining({ name: 'Departemen Luar Negeri AS', label: 'Organization' }));
  });

  it('ignores sentence-initial common words, month and day names', () => {
    const p = proposals('Pada Senin, pasukan tiba. Sementara itu, pada bulan Juni hujan turun. Dalam pertemuan itu tidak ada yang hadir.');
    expect(p).toEqual([]);
  });

  it('proposes nothing from a title-case headline', () => {
    expect(proposals('Putin Temui Kim Jong Un, Rusia-Korut Teken Perjanjian Saling Bantu')).toEqual([]);
  });
});
