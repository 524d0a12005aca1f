import { describe, expect, it } from 'vitest';
import { labelFromId, withIdLabels } from './id-labels.js';

describe('withIdLabels', () => {
  it('adds the label an id parameter names', () => {
    expect(withIdLabels('MATCH (n {id: $id})-[r]-(m) RETURN n', { id: 'state:north-korea' })).toBe('MATCH (n:State {id: $id})-[r]-(m) RETURN n');
    expect(withIdLabels('MATCH (a {id: $from}), (b {id:$to}) RETURN a, b', { from: 'person:x', to: 'agreement:y' })).toBe(
      'MATCH (a:Person {id: $from}), (b:Agreement {id: $to}) RETURN a, b',
    );
  });

  it('leaves unknown prefixes, non-string values, labelled patterns and literals alone', () => {
    expect(withIdLabels('MATCH (n {id: $id}) RETURN n', { id: 'rel:signed:x' })).toBe('MATCH (n {id: $id}) RETURN n');
    expect(withIdLabels('MATCH (n {id: $id}) RETURN n', { id: 42 })).toBe('MATCH (n {id: $id}) RETURN n');
    expect(withIdLabels('MATCH (n:Person {id: $id}) RETURN n', { id: 'state:x' })).toBe('MATCH (n:Person {id: $id}) RETURN n');
    expect(withIdLabels("RETURN '(n {id: $id})' AS s", { id: 'person:x' })).toBe("RETURN '(n {id: $id})' AS s");
  });

  it('reads the label from the id prefix', () => {
    expect(labelFromId('organization:state-duma')).toBe('Organization');
    expect(labelFromId('nobody')).toBeUndefined();
  });
});
