/**
 * Kùzu's bulk path: one JSON file and one `COPY … FROM` per table group, each
 * group's file written while the engine copies the group before it. Kùzu runs
 * a COPY on its own threads, so the main thread's JSON of the next group no
 * longer waits for it, nor the COPY for the JSON (at 1M relationships the
 * files took ~16 s of a ~73 s load when written first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isNodeLabel, isRelType } from '../../shared/schema.js';
import { badQuery } from '../../shared/errors.js';
import type { BulkLoad } from '../store.js';

export interface CopyGroup {
  /** Table name, from the schema's allowlist. */
  table: string;
  rows: readonly unknown[];
  /** What follows the file name in the statement, e.g. ` (from='Person', to='State')`. */
  options: string;
}

/** A group as the progress lines name it: a label's nodes, or a type's relationships between two labels. */
export interface NamedCopyGroup extends CopyGroup {
  kind: 'nodes' | 'relationships';
  what: string;
}

/** The bulk load's non-empty groups in load order (nodes first), their names checked against the schema. */
export function copyGroupsOf(data: BulkLoad): NamedCopyGroup[] {
  const groups: NamedCopyGroup[] = [];
  for (const g of data.nodes) {
    if (!isNodeLabel(g.label)) throw badQuery(`unknown node label ${g.label}`);
    if (g.rows.length) groups.push({ table: g.label, rows: g.rows, options: '', kind: 'nodes', what: g.label });
  }
  for (const g of data.rels) {
    if (!isRelType(g.type) || !isNodeLabel(g.fromLabel) || !isNodeLabel(g.toLabel)) throw badQuery(`unknown relationship group ${g.type}(${g.fromLabel}→${g.toLabel})`);
    if (g.rows.length) groups.push({ table: g.type, rows: g.rows, options: ` (from='${g.fromLabel}', to='${g.toLabel}')`, kind: 'relationships', what: `${g.type} (${g.fromLabel}→${g.toLabel})` });
  }
  return groups;
}

/** Runs `COPY table FROM 'file' options` for one group's file. */
export type CopyFile = (table: string, file: string, options: string) => Promise<void>;

/**
 * Copies the groups in order, each from its own file in `dir` (removed once
 * copied). `copied` is told each group's index once it is in. The next file is written only
 * after the current COPY has been handed to the engine.
 */
export async function copyGroups(dir: string, groups: readonly CopyGroup[], copy: CopyFile, copied: (index: number) => void = () => undefined): Promise<void> {
  const write = async (i: number): Promise<string> => {
    // One turn of the event loop first: the COPY just asked for reaches the engine before the JSON takes the thread.
    await new Promise((resolve) => setImmediate(resolve));
    const file = path.join(dir, `${i}.json`);
    await fs.promises.writeFile(file, JSON.stringify(groups[i].rows));
    return file;
  };
  let next: Promise<string> | undefined = groups.length ? write(0) : undefined;
  for (let i = 0; i < groups.length; i++) {
    const file = await next!;
    const copying = copy(groups[i].table, file, groups[i].options);
    next = i + 1 < groups.length ? write(i + 1) : undefined;
    try {
      await copying;
    } catch (err) {
      await next?.catch(() => undefined); // the file being written is removed with `dir`; its own error says nothing more
      throw err;
    }
    fs.rmSync(file, { force: true });
    copied(i);
  }
}
