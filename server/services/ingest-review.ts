/**
 * A reviewer's decisions on a preview, checked before anything is written:
 * accepted candidates named by id (never by position), edits of subject,
 * relation, object, date and status validated against the schema.
 */
import type { IngestCandidate, IngestCandidateEnd, IngestEdit } from '../../shared/api.js';
import { badRequest } from '../../shared/errors.js';
import { CLAIM_STATUSES, isClaimStatus, isNodeLabel, isRelType, relDef } from '../../shared/schema.js';
import { isIsoDate } from '../../extract/dates.js';

const PRECISIONS = new Set(['day', 'month', 'year']);

/** The candidates the reviewer accepted, in preview order; unknown ids are refused with the list. */
export function acceptedCandidates(candidates: readonly IngestCandidate[], accept: readonly string[]): IngestCandidate[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const unknown = [...new Set(accept)].filter((id) => !byId.has(id));
  if (unknown.length) {
    throw badRequest(
      `accept names candidates this article does not have: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}. Preview the same text again and accept the ids it returns.`,
      { param: 'accept' },
    );
  }
  const wanted = new Set(accept);
  return candidates.filter((c) => wanted.has(c.id));
}

function checkEnd(end: IngestCandidateEnd, where: string): IngestCandidateEnd {
  const name = end.name.trim();
  if (!name) throw badRequest(`${where}: the name is empty; give the entity's name`, { param: where });
  if (!isNodeLabel(end.label) || end.label === 'Article') throw badRequest(`${where}: ${end.label} is not an entity label`, { param: where });
  return { id: end.id, name, label: end.label };
}

/** One candidate with the reviewer's edits applied, or a 400 that says which field to fix and how. */
export function applyEdit(c: IngestCandidate, edit: IngestEdit | undefined): IngestCandidate {
  if (!edit) return c;
  const where = `edits.${c.id}`;
  const predicate = edit.predicate ?? c.predicate;
  if (!isRelType(predicate) || predicate === 'MENTIONS') throw badRequest(`${where}.predicate: ${predicate} is not a relationship type facts can have`, { param: `${where}.predicate` });
  const subject = edit.subject ? checkEnd(edit.subject, `${where}.subject`) : c.subject;
  const object = edit.object ? checkEnd(edit.object, `${where}.object`) : c.object;
  const def = relDef(predicate);
  if (!(def.from as readonly string[]).includes(subject.label)) {
    throw badRequest(`${where}: ${predicate} goes from ${def.from.join(' or ')}, not from ${subject.label} (${subject.name})`, { param: `${where}.subject` });
  }
  if (!(def.to as readonly string[]).includes(object.label)) {
    throw badRequest(`${where}: ${predicate} goes to ${def.to.join(' or ')}, not to ${object.label} (${object.name})`, { param: `${where}.object` });
  }
  const date = edit.date === undefined ? c.date : edit.date;
  if (date !== null && !isIsoDate(date)) throw badRequest(`${where}.date: ${date} is not a date; write YYYY-MM-DD`, { param: `${where}.date` });
  let datePrecision = edit.datePrecision === undefined ? (edit.date !== undefined ? (date ? 'day' : null) : c.datePrecision) : edit.datePrecision;
  if (datePrecision !== null && !PRECISIONS.has(datePrecision)) throw badRequest(`${where}.datePrecision: use day, month or year`, { param: `${where}.datePrecision` });
  if (date === null) datePrecision = null;
  else if (datePrecision === null) datePrecision = 'day';
  const status = edit.status ?? c.status;
  if (!isClaimStatus(status)) throw badRequest(`${where}.status: use one of ${CLAIM_STATUSES.join(', ')}`, { param: `${where}.status` });
  const dateEdited = date !== c.date || datePrecision !== c.datePrecision;
  return {
    ...c,
    predicate,
    subject,
    object,
    date,
    datePrecision,
    dateNote: dateEdited ? `set by the reviewer (extracted: ${c.date ?? 'none'}; ${c.dateNote})` : c.dateNote,
    ...(dateEdited ? { dateFrom: undefined, dateTo: undefined } : {}),
    status,
    notes: edit && (predicate !== c.predicate || subject !== c.subject || object !== c.object || status !== c.status) ? [...c.notes, 'edited by the reviewer'] : c.notes,
  };
}
