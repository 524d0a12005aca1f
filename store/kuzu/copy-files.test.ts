import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyGroups, copyGroupsOf, type CopyGroup } from './copy-files.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejak-copy-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const groups: CopyGroup[] = [
  { table: 'Person', rows: [{ id: 'person:a' }, { id: 'person:b' }], options: '' },
  { table: 'State', rows: [{ id: 'state:c' }], options: '' },
  { table: 'MET_WITH', rows: [{ from: 'person:a', to: 'person:b', id: 'rel:1' }], options: " (from='Person', to='Person')" },
];

/** Resolves once `file` exists, or rejects after `ms`. */
async function appears(file: string, ms = 2_000): Promise<void> {
  const until = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > until) throw new Error(`${path.basename(file)} was not written while the copy before it ran`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('copyGroups (Kùzu COPY FROM files)', () => {
  it("writes each group's file while the group before it is being copied, and removes each once copied", async () => {
    const seen: Array<{ table: string; rows: unknown; options: string }> = [];
    const copied: number[] = [];
    await copyGroups(
      dir,
      groups,
      async (table, file, options) => {
        seen.push({ table, rows: JSON.parse(fs.readFileSync(file, 'utf8')), options });
        const i = seen.length - 1;
        // The copy holds until the next group's file is there: a loader that writes it only afterwards never gets here.
        if (i + 1 < groups.length) await appears(path.join(dir, `${i + 1}.json`));
        expect(fs.existsSync(file)).toBe(true);
      },
      (i) => copied.push(i),
    );
    expect(seen).toEqual(groups.map((g) => ({ table: g.table, rows: g.rows, options: g.options })));
    expect(copied).toEqual([0, 1, 2]);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("stops at a failed copy with the copy's own error, and copies nothing after it", async () => {
    const tables: string[] = [];
    const run = copyGroups(dir, groups, async (table) => {
      tables.push(table);
      if (table === 'State') throw new Error('COPY State failed: duplicated primary key');
    });
    await expect(run).rejects.toThrow('COPY State failed: duplicated primary key');
    expect(tables).toEqual(['Person', 'State']);
  });

  it('names groups in load order from a bulk load and refuses names outside the schema', () => {
    const named = copyGroupsOf({
      nodes: [
        { label: 'Person', rows: [{ id: 'person:a' }] },
        { label: 'State', rows: [] },
      ],
      rels: [{ type: 'MET_WITH', fromLabel: 'Person', toLabel: 'Person', rows: [{ from: 'person:a', to: 'person:a', id: 'rel:1' }] }],
    });
    expect(named.map((g) => [g.kind, g.what, g.options])).toEqual([
      ['nodes', 'Person', ''],
      ['relationships', 'MET_WITH (Person→Person)', " (from='Person', to='Person')"],
    ]);
    expect(() => copyGroupsOf({ nodes: [{ label: 'Person; DROP TABLE Person' as never, rows: [{}] }], rels: [] })).toThrow('unknown node label');
    expect(() => copyGroupsOf({ nodes: [], rels: [{ type: 'LIKES' as never, fromLabel: 'Person', toLabel: 'Person', rows: [{}] }] })).toThrow('unknown relationship group');
  });
});
