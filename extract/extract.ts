/**
 * Article text in, candidate facts out: clean → entities → sentences →
 * relation patterns → dates. Pure and deterministic: no network, no store.
 */
import { createHash } from 'node:crypto';
import type { IngestCandidate, IngestCandidateEnd, ReadArticle } from '../shared/api.js';
import type { Graph, GraphEdge, GraphNode } from '../shared/graph.js';
import { normalizeText } from '../shared/graph.js';
import { PROVENANCE_PROPS, type NodeLabel, type RelType } from '../shared/schema.js';
import { cleanArticle } from './clean.js';
import { resolveReferences } from './coref.js';
import { findDates, type DateMention, type DatePrecision } from './dates.js';
import { findEntities, proposedEntities, type Gazetteer, type ProposedEntity } from './entities.js';
import { extractRelations, splitSentences, type SkippedTrigger } from './relations.js';

/** The candidate and article shapes are API types: one definition in shared/api.ts. */
export type CandidateEnd = IngestCandidateEnd;
export type Candidate = IngestCandidate;

export type ExtractedArticle = ReadArticle;

export interface ExtractResult {
  article: ExtractedArticle;
  candidates: Candidate[];
  newEntities: ProposedEntity[];
  /** Triggers that yielded no fact, and why (negated, question, conditional …). */
  skipped: SkippedTrigger[];
  /** Page furniture removed by cleaning. */
  removed: string[];
}

export interface ExtractOptions {
  /** Publication date (YYYY-MM-DD); overrides the date found on the page. */
  date?: string;
  outlet?: string;
  gazetteer: Gazetteer;
}

/** Each date phrase belongs to the nearest verb before it (else the nearest after it) in its sentence. */
function datesByAnchor(sentenceStart: number, sentenceEnd: number, dates: DateMention[], anchors: number[]): Map<number, DateMention[]> {
  const local = anchors.filter((a) => a >= sentenceStart && a < sentenceEnd);
  const byAnchor = new Map<number, DateMention[]>();
  for (const d of dates) {
    const at = sentenceStart + d.index;
    const before = local.filter((a) => a < at);
    const anchor = before.length ? before[before.length - 1] : local.find((a) => a > at);
    if (anchor === undefined) continue;
    byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), d]);
  }
  return byAnchor;
}

export function extractCandidates(raw: string, opts: ExtractOptions): ExtractResult {
  const cleaned = cleanArticle(raw);
  const articleDate = opts.date ?? cleaned.date;
  const text = cleaned.text;
  // A dateline ("PYONGYANG (Outlet) - ") names where the outlet filed from: no actor, no event date.
  const inDateline = (start: number, end: number) => cleaned.datelines.some(([a, b]) => start >= a && end <= b);
  const found = findEntities(text, opts.gazetteer).filter((m) => !inDateline(m.start, m.end));
  const mentions = [...found, ...resolveReferences(text, found, opts.gazetteer)].sort((a, b) => a.start - b.start || a.end - b.end);
  const sentences = splitSentences(text);
  const { relations, skipped, anchors } = extractRelations(text, mentions, { gazetteer: opts.gazetteer, sentences });

  const dateCache = new Map<number, Map<number, DateMention[]>>();
  const datesFor = (sentenceStart: number, sentenceEnd: number, sentenceText: string) => {
    if (!dateCache.has(sentenceStart)) {
      const dates = findDates(sentenceText, articleDate).filter((d) => !inDateline(sentenceStart + d.index, sentenceStart + d.index + d.text.length));
      dateCache.set(sentenceStart, datesByAnchor(sentenceStart, sentenceEnd, dates, anchors));
    }
    return dateCache.get(sentenceStart)!;
  };

  const textHash = createHash('sha256').update(text).digest('hex');
  const candidates: Candidate[] = relations.map((r) => {
    const byAnchor = datesFor(r.sentence.start, r.sentence.end, r.sentence.text);
    const own = byAnchor.get(r.triggerStart)?.find((d) => d.date !== null) ?? byAnchor.get(r.triggerStart)?.[0];
    const dateNote = own
      ? own.note
      : articleDate
        ? `no date in the sentence (article published ${articleDate})`
        : 'no date in the sentence, and the publication date is unknown';
    const spans: Candidate['spans'] = [{ start: r.triggerStart, end: r.triggerStart + r.trigger.length, role: 'trigger' }];
    for (const [role, arg] of [['subject', r.subject], ['object', r.object]] as const) {
      if (arg.start !== undefined && arg.end !== undefined) spans.push({ start: arg.start, end: arg.end, role });
    }
    return {
      id: candidateId(textHash, r.sentence.start, r.triggerStart, r.predicate, r.subject, r.object),
      subject: { id: r.subject.id, name: r.subject.name, label: r.subject.label },
      predicate: r.predicate,
      object: { id: r.object.id, name: r.object.name, label: r.object.label },
      date: own?.date ?? null,
      datePrecision: own?.precision ?? null,
      dateNote,
      ...(own?.from ? { dateFrom: own.from, dateTo: own.to } : {}),
      quote: r.sentence.text,
      offset: r.sentence.start,
      spans,
      confidence: r.confidence,
      status: r.status,
      ...(r.reportedBy ? { reportedBy: r.reportedBy } : {}),
      trigger: r.trigger,
      notes: r.notes,
    };
  });

  return {
    article: {
      headline: cleaned.headline,
      byline: cleaned.byline,
      date: articleDate,
      undated: articleDate === null,
      dateText: opts.date && opts.date !== cleaned.date ? null : cleaned.dateText,
      outlet: opts.outlet ?? cleaned.outletHint,
      text,
    },
    candidates,
    newEntities: proposedEntities(mentions),
    skipped,
    removed: cleaned.removed,
  };
}

/**
 * A candidate's id from what it was read from: the article's text, where the
 * sentence and the trigger stand, the relation and its ends as extracted. The
 * same text always gives the same ids; a reviewer's edits do not change them.
 */
function candidateId(textHash: string, offset: number, triggerStart: number, predicate: RelType, subject: CandidateEnd, object: CandidateEnd): string {
  const end = (e: CandidateEnd) => e.id ?? `${e.label}:${normalizeText(e.name)}`;
  const key = [textHash, offset, triggerStart, predicate, end(subject), end(object)].join('|');
  return `cand-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

// ---- candidates → graph edges with provenance (shared/schema.ts REL_PROPS) ----

const VERB_PHRASE: Partial<Record<RelType, string>> = {
  SIGNED: 'signed',
  RATIFIED: 'ratified',
  DEPLOYED_TROOPS_TO: 'deployed troops to',
  MET_WITH: 'met',
  VISITED: 'visited',
  LAUNCHED: 'launched',
  ACCUSED: 'accused',
  SUPPLIED: 'supplied',
};

function slug(text: string): string {
  return normalizeText(text).replace(/ /g, '-') || 'unnamed';
}

/** Node id of a candidate end: the seed id, or a slug for an entity still to be reviewed. */
export function endId(end: CandidateEnd): string {
  return end.id ?? `${end.label.toLowerCase()}:${slug(end.name)}`;
}

function idPart(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** The date this claim gives, in the form sourceDates holds: YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO. */
function claimDate(c: Candidate): string {
  if (c.dateFrom && c.dateTo) return `${c.dateFrom}..${c.dateTo}`;
  if (!c.date) return '';
  return c.datePrecision === 'year' ? c.date.slice(0, 4) : c.datePrecision === 'month' ? c.date.slice(0, 7) : c.date;
}

function claimOf(c: Candidate): string {
  const parts: string[] = [];
  if (c.status !== 'reported') parts.push(c.status);
  if (c.reportedBy) parts.push(`according to ${c.reportedBy}`);
  parts.push(...c.notes);
  return parts.join('; ');
}

/**
 * Accepted candidates as graph edges, one per (type, subject, object), each
 * candidate one provenance entry. Endpoints the seed does not know come back
 * as nodes (id from the label and name) so the graph is complete.
 */
export function candidatesToFacts(candidates: readonly Candidate[], articleId: string): Graph {
  const edges = new Map<string, GraphEdge>();
  const nodes = new Map<string, GraphNode>();
  for (const c of candidates) {
    const source = endId(c.subject);
    const target = endId(c.object);
    for (const end of [c.subject, c.object]) {
      if (end.id !== null) continue;
      const id = endId(end);
      if (!nodes.has(id)) {
        nodes.set(id, { id, label: end.label, properties: { id, name: end.name, aliases: [end.name], description: 'proposed by the extractor', searchText: normalizeText(end.name) } });
      }
    }
    const id = `rel:${c.predicate.toLowerCase().replace(/_/g, '-')}:${idPart(source)}:${idPart(target)}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = {
        id,
        type: c.predicate,
        source,
        target,
        properties: {
          id,
          summary: `${c.subject.name} ${VERB_PHRASE[c.predicate] ?? c.predicate.toLowerCase()} ${c.object.name}.`,
          date: c.date,
          datePrecision: c.datePrecision,
          dateFrom: c.dateFrom ?? null,
          dateTo: c.dateTo ?? null,
          place: null,
          ...Object.fromEntries(PROVENANCE_PROPS.map((k) => [k, []])),
        },
      };
      edges.set(id, edge);
    }
    const p = edge.properties;
    // The first dated claim dates the edge.
    if (p.date === null && c.date) {
      p.date = c.date;
      p.datePrecision = c.datePrecision;
    }
    (p.sourceArticles as string[]).push(articleId);
    (p.sourceQuotes as string[]).push(c.quote);
    (p.sourceOffsets as number[]).push(c.offset);
    (p.sourceClaims as string[]).push(claimOf(c));
    (p.sourceDateNotes as string[]).push(c.dateNote);
    (p.sourceStatuses as string[]).push(c.status);
    (p.sourceNumbers as string[]).push('');
    (p.sourceDates as string[]).push(claimDate(c));
    (p.sourcePlaces as string[]).push('');
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
