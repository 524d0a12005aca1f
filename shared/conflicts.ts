/**
 * When do sources differ on a fact? Only when their claims disagree on a value:
 * a number, a date, a place, or yes/no (one source denies what another states).
 * Different wording of the same thing is no conflict. The saved query
 * `conflicting-claims` applies the same rule in Cypher.
 */
import type { Provenance } from './graph.js';

export type ConflictKind = 'number' | 'date' | 'place' | 'yes/no';

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

/** Dates agree when one contains the other (`2024-11` and `2024-11-06`); ranges are not compared. */
function datesClash(dates: string[]): boolean {
  const plain = distinct(dates).filter((d) => !d.includes('..'));
  return plain.some((a) => plain.some((b) => !a.startsWith(b) && !b.startsWith(a)));
}

/** The values on which a fact's claims disagree, numbers first; empty when they agree. */
export function conflictsOf(claims: readonly Pick<Provenance, 'number' | 'date' | 'place' | 'status'>[]): ConflictKind[] {
  const kinds: ConflictKind[] = [];
  if (distinct(claims.map((c) => c.number)).length > 1) kinds.push('number');
  if (datesClash(claims.map((c) => c.date))) kinds.push('date');
  if (distinct(claims.map((c) => c.place)).length > 1) kinds.push('place');
  if (claims.some((c) => c.status === 'denied') && claims.some((c) => c.status !== null && c.status !== 'denied')) kinds.push('yes/no');
  return kinds;
}
