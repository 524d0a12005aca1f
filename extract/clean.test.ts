import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean.js';

const corpus = (name: string) => readFileSync(path.join(__dirname, '..', 'seed', 'corpus', name), 'utf8');

describe('cleanArticle on the corpus', () => {
  it('finds headline, byline and date of 000 and drops the share and follow lines', () => {
    const a = cleanArticle(corpus('000_2d0bdcccff2d890c.txt'));
    expect(a.headline).toBe('Perjanjian Diratifikasi, Rusia Bakal Kirim Pasukan Jika Korut Diserang AS');
    expect(a.byline).toBe('Rahman Asmardika');
    expect(a.date).toBe('2024-11-12');
    expect(a.dateText).toBe('Selasa 12 November 2024 06:09 WIB');
    expect(a.outletHint).toBe('Okezone');
    expect(a.text).not.toMatch(/Share :|Follow WhatsApp|Topik Artikel|Berita Terkait|Terpopuler|Telusuri berita|\(Foto: Sputnik\)/);
    expect(a.text).toContain('Korea Utara telah meratifikasi perjanjian pertahanan bersama');
    // The photo caption is news: kept without its credit.
    expect(a.text).toContain('bertemu saat penerimaan tamu negara di Pyongyang, Korea Utara, 19 Juni 2024.');
  });

  it('drops "Baca berita dengan sedikit iklan" from 002 and dates it from the dateline lede', () => {
    const a = cleanArticle(corpus('002_d9f3f9017275f983.txt'));
    expect(a.text).not.toContain('Baca berita dengan sedikit iklan');
    expect(a.text).not.toContain('Pilihan editor');
    expect(a.removed.filter((l) => l.startsWith('Baca berita'))).toHaveLength(4);
    expect(a.outletHint).toBe('TEMPO.CO');
    expect(a.date).toBe('2024-11-02');
    expect(a.dateText).toBe('Sabtu, 2 November 2024');
    expect(a.byline).toBeNull();
    expect(a.headline).toMatch(/^Menteri Luar Negeri Korea Utara dan Rusia menegaskan kembali komitmen/);
  });

  it('cuts the Populer and UPDATE lists of 003 and skips the section words above the headline', () => {
    const a = cleanArticle(corpus('003_2a80ec60d46a3d98.txt'));
    expect(a.headline).toBe('Pakta Pertahanan Korut-Rusia Mulai Berlaku, Blok Barat Waspada');
    expect(a.date).toBe('2024-12-05');
    expect(a.byline).toBe('HANI FATUNNISA');
    expect(a.text).not.toMatch(/Populer|UPDATE|Jokowi|BPJS|Februari 2026|Selengkapnya/);
    expect(a.text).not.toMatch(/^Berita$|^Dunia$/m);
    expect(a.text.trimEnd().endsWith('sebagai terobosan baru dalam hubungan bilateral negara.')).toBe(true);
  });

  it('removes the teasers and the comment form of 004', () => {
    const a = cleanArticle(corpus('004_14a712b71326445f.txt'));
    expect(a.text).not.toMatch(/^Baca( Juga)?:/m);
    expect(a.text).not.toMatch(/Tinggalkan Balasan|Alamat email|Back To Top/);
    expect(a.date).toBeNull();
  });

  it('removes the trailing "Sumber" of 001', () => {
    const a = cleanArticle(corpus('001_4ba0f6d19662dbc1.txt'));
    expect(a.text).not.toMatch(/\nSumber$/);
    expect(a.headline).toBe('Rusia meratifikasi perjanjian bantuan militer timbal balik dengan Korea Utara');
  });
});

describe('cleanArticle on small pages', () => {
  it('keeps a list marker that is followed by article text', () => {
    const a = cleanArticle('Judul\n\nUpdate\n\nPara menteri bertemu di Jakarta pada Senin untuk membahas perjanjian dagang yang baru dan panjang sekali kalimatnya.');
    expect(a.text).toContain('Para menteri bertemu');
  });

  it('normalises Windows line endings', () => {
    expect(cleanArticle('Judul\r\n\r\nIsi berita.\r\n').text).toBe('Judul\n\nIsi berita.');
  });
});
