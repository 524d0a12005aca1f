/**
 * Extends a gazetteer in place with new entities, and the indexes built on it
 * (link index, roles), so a gazetteer cached for a big graph follows the
 * nodes each ingest adds instead of being read and built again.
 */
import { addRoles } from './coref.js';
import { addToGazetteer, type Gazetteer, type GazetteerEntity } from './entities.js';

export function extendGazetteer(gazetteer: Gazetteer, entities: readonly GazetteerEntity[]): void {
  addRoles(gazetteer, addToGazetteer(gazetteer, entities));
}
