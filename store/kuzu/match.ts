/** How Kùzu operations find a node by id: through its table's primary key when the id names a label. */
import { labelFromId } from '../cypher-names.js';

/** `(v:Label {id: $param})`, or `(v {id: $param})` (every table) when the id names no label. */
export function nodeById(variable: string, param: string, id: string): string {
  const label = labelFromId(id);
  return `(${variable}${label ? ':' + label : ''} {id: $${param}})`;
}
