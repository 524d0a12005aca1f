/** How Neo4j operations find a node by id: through the label's uniqueness constraint. */
import { NODE_LABELS } from '../../shared/schema.js';
import { labelFromId } from '../cypher-names.js';

/** Every label: Neo4j plans one index seek per label instead of scanning all nodes. */
export const ANY_LABEL = NODE_LABELS.join('|');

/** `(v:Label {id: $param})`; an id that names no label is looked up under every label. */
export function nodeById(variable: string, param: string, id: string): string {
  return `(${variable}:${labelFromId(id) ?? ANY_LABEL} {id: $${param}})`;
}
