import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { NEO4J_WAIT_MS, seededStore, testEngines, type SeededStore } from '../testing/harness.js';
import { nodeExists, resolveEntity } from './entity-params.js';

describe('nodeExists: an id checked without counting its relationships', () => {
  it('asks the label table for an id that names a label, never store.node (the degree count)', async () => {
    const calls: string[] = [];
    const store = {
      node: async () => {
        calls.push('node');
        return null;
      },
      run: async (query: string, params: Record<string, unknown>) => {
        calls.push(`run ${query} ${JSON.stringify(params)}`);
        return { rows: params.id === 'person:kim-jong-un' ? [{ id: params.id }] : [] };
      },
    } as unknown as Store;
    expect(await nodeExists(store, 'person:kim-jong-un')).toBe(true);
    expect(await nodeExists(store, 'person:nobody')).toBe(false);
    // The id is a parameter; only the label, from the schema's list, is in the text.
    expect(calls).toEqual([
      'run MATCH (n:Person {id: $id}) RETURN n.id AS id {"id":"person:kim-jong-un"}',
      'run MATCH (n:Person {id: $id}) RETURN n.id AS id {"id":"person:nobody"}',
    ]);
  });

  it('falls back to store.node when the id names no label', async () => {
    const calls: string[] = [];
    const store = {
      node: async (id: string) => (calls.push(`node ${id}`), null),
      run: async () => {
        throw new Error('no Cypher for an id of no label');
      },
    } as unknown as Store;
    expect(await nodeExists(store, 'planet:mars')).toBe(false);
    expect(calls).toEqual(['node planet:mars']);
  });
});

describe.each(testEngines())('resolveEntity on %s', (engine) => {
  let seeded: SeededStore;
  beforeAll(async () => {
    seeded = await seededStore(engine);
  }, NEO4J_WAIT_MS);
  afterAll(async () => {
    await seeded?.close();
  });

  it('keeps an existing id, resolves a name, and an id of nothing is looked up as a name', async () => {
    const { store } = seeded;
    expect(await nodeExists(store, 'person:kim-jong-un')).toBe(true);
    expect(await nodeExists(store, 'state:north-korea')).toBe(true);
    expect(await nodeExists(store, 'person:napoleon-bonaparte')).toBe(false);
    expect(await resolveEntity(store, 'id', 'person:kim-jong-un')).toBe('person:kim-jong-un');
    expect(await resolveEntity(store, 'id', 'Korut')).toBe('state:north-korea');
    await expect(resolveEntity(store, 'id', 'person:napoleon-bonaparte')).rejects.toMatchObject({ status: 404 });
  });
});
