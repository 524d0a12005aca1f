import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, isExportFormat, renderExport } from './index.js';
import { fixtureGraph, SECOND_QUOTE } from './fixture.test-data.js';

describe('EXPORT_FORMATS', () => {
  it('lists cyjs, graphml, gexf, csv and cypher', () => {
    expect(EXPORT_FORMAT_IDS).toEqual(['cyjs', 'graphml', 'gexf', 'csv', 'cypher']);
    expect(isExportFormat('gexf')).toBe(true);
    expect(isExportFormat('toString')).toBe(false);
  });

  it.each(EXPORT_FORMAT_IDS)('%s renders the fixture with its extension, media type and the provenance', (id) => {
    const format = EXPORT_FORMATS[id];
    expect(format.id).toBe(id);
    expect(format.mediaType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    expect(format.description.length).toBeGreaterThan(10);
    const { body, filename } = renderExport(id, fixtureGraph, { basename: 'Korea/Russia treaty' });
    expect(filename.startsWith('Korea-Russia-treaty.')).toBe(true);
    expect(filename.endsWith(`.${format.extension}`)).toBe(true);
    const text =
      typeof body === 'string'
        ? body
        : Object.values(unzipSync(body))
            .map((b) => strFromU8(b))
            .join('\n');
    expect(text).toContain(SECOND_QUOTE);
    expect(text).toContain('sourceQuotes');
  });

  it('passes the dialect option through to the cypher format', () => {
    const { body, filename } = EXPORT_FORMATS.cypher.render(fixtureGraph, { dialect: 'kuzu' });
    expect(filename).toBe('jejak-subgraph.kuzu.cypher');
    expect(body).toContain('CREATE NODE TABLE IF NOT EXISTS Person');
  });
});
