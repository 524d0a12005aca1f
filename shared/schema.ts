/**
 * The single definition of Jejak's graph model. Kùzu DDL, Neo4j constraints,
 * API allowlists, the legend's colours and the docs are all derived from it.
 */

export type PropType = 'STRING' | 'STRING[]' | 'INT64' | 'INT64[]' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

export interface PropDef {
  name: string;
  type: PropType;
  description: string;
}

export interface LabelDef {
  label: string;
  description: string;
  /** Legend colour and Cytoscape shape, so the client never keeps its own copy. */
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'triangle' | 'rectangle' | 'star' | 'barrel';
  props: PropDef[];
}

export interface RelDef {
  type: string;
  description: string;
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
}

const ENTITY_PROPS: PropDef[] = [
  { name: 'id', type: 'STRING', description: 'stable slug, e.g. person:kim-jong-un' },
  { name: 'name', type: 'STRING', description: 'display name' },
  { name: 'aliases', type: 'STRING[]', description: 'names as they appear in articles (Indonesian and English)' },
  { name: 'description', type: 'STRING', description: 'one line about the entity' },
  { name: 'searchText', type: 'STRING', description: 'normalised name and aliases (lower case, no accents) for search' },
];

export const NODE_LABELS = ['Person', 'State', 'Organization', 'Place', 'Agreement', 'Event', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const LABELS: Record<NodeLabel, LabelDef> = {
  Person: {
    label: 'Person',
    description: 'a named person',
    color: '#4e79a7',
    shape: 'ellipse',
    props: [...ENTITY_PROPS, { name: 'role', type: 'STRING', description: 'title or office as reported' }],
  },
  State: {
    label: 'State',
    description: 'a sovereign state',
    color: '#e15759',
    shape: 'hexagon',
    props: [...ENTITY_PROPS],
  },
  Organization: {
    label: 'Organization',
    description: 'a body: parliament, ministry, alliance, news agency',
    color: '#f28e2b',
    shape: 'round-rectangle',
    props: [...ENTITY_PROPS, { name: 'kind', type: 'STRING', description: 'parliament, ministry, alliance, agency …' }],
  },
  Place: {
    label: 'Place',
    description: 'a city, region or area',
    color: '#59a14f',
    shape: 'triangle',
    props: [...ENTITY_PROPS, { name: 'kind', type: 'STRING', description: 'city, region, sea …' }],
  },
  Agreement: {
    label: 'Agreement',
    description: 'a treaty, pact or deal',
    color: '#b07aa1',
    shape: 'diamond',
    props: [
      ...ENTITY_PROPS,
      { name: 'dateSigned', type: 'DATE', description: 'date of signature' },
      { name: 'dateInForce', type: 'DATE', description: 'date it entered into force' },
    ],
  },
  Event: {
    label: 'Event',
    description: 'something that happened at a time: a summit, a launch, a battle',
    color: '#edc948',
    shape: 'star',
    props: [
      ...ENTITY_PROPS,
      { name: 'kind', type: 'STRING', description: 'summit, meeting, launch, deployment …' },
      { name: 'date', type: 'DATE', description: 'when it happened (first day when only a month is known)' },
      { name: 'datePrecision', type: 'STRING', description: 'day, month or year' },
    ],
  },
  Article: {
    label: 'Article',
    description: 'a news article: the source of claims',
    color: '#9c755f',
    shape: 'rectangle',
    props: [
      ...ENTITY_PROPS,
      { name: 'outlet', type: 'STRING', description: 'publisher, e.g. Okezone' },
      { name: 'headline', type: 'STRING', description: 'headline as published' },
      { name: 'byline', type: 'STRING', description: 'author as published' },
      { name: 'publishedAt', type: 'DATE', description: 'publication date, when the page states or implies it' },
      { name: 'language', type: 'STRING', description: 'ISO 639-1 code' },
      { name: 'file', type: 'STRING', description: 'corpus file name' },
      { name: 'text', type: 'STRING', description: 'full text as shipped; quote offsets index into it' },
    ],
  },
};

const ACTORS = ['Person', 'State', 'Organization'] as const;
const ANY_ENTITY = ['Person', 'State', 'Organization', 'Place', 'Agreement', 'Event'] as const;

/** Relationship types: verbs in capitals. `from`/`to` are the allowed endpoint labels. */
export const RELATIONSHIPS = [
  { type: 'SIGNED', description: 'signed an agreement, decree or law', from: ACTORS, to: ['Agreement'] },
  { type: 'RATIFIED', description: 'ratified an agreement', from: ACTORS, to: ['Agreement'] },
  { type: 'PARTY_TO', description: 'is a party to an agreement', from: ['State'], to: ['Agreement'] },
  { type: 'ENTERED_INTO_FORCE', description: 'an agreement took effect at an event', from: ['Agreement'], to: ['Event'] },
  { type: 'DEPLOYED_TROOPS_TO', description: 'sent troops to a state or place', from: ['State'], to: ['State', 'Place'] },
  { type: 'MET_WITH', description: 'met another actor', from: ACTORS, to: ACTORS },
  { type: 'VISITED', description: 'visited a place or state', from: ACTORS, to: ['State', 'Place'] },
  { type: 'PARTICIPATED_IN', description: 'took part in an event', from: ACTORS, to: ['Event'] },
  { type: 'HELD_IN', description: 'an event took place in a place', from: ['Event'], to: ['Place', 'State'] },
  { type: 'CONCERNS', description: 'an event is about an agreement or another entity', from: ['Event'], to: ANY_ENTITY },
  { type: 'LEADER_OF', description: 'leads a state or body', from: ['Person'], to: ['State', 'Organization'] },
  { type: 'MEMBER_OF', description: 'holds office in or belongs to a body or state', from: ['Person', 'State', 'Organization'], to: ['Organization', 'State'] },
  { type: 'PART_OF', description: 'a body is part of a state or larger body', from: ['Organization'], to: ['Organization', 'State'] },
  { type: 'LOCATED_IN', description: 'a place lies in a state or place', from: ['Place'], to: ['State', 'Place'] },
  { type: 'LAUNCHED', description: 'launched missiles or an operation', from: ACTORS, to: ['Event', 'Place'] },
  { type: 'ACCUSED', description: 'accused another actor (the claim is in the edge)', from: ACTORS, to: ACTORS },
  { type: 'SUPPLIED', description: 'supplied arms, technology or goods to', from: ACTORS, to: ACTORS },
  { type: 'SUPPORTS', description: 'declared support for an actor or its cause', from: ACTORS, to: ACTORS },
  { type: 'OPPOSES', description: 'criticised or opposed an actor or its decision', from: ACTORS, to: ACTORS },
  { type: 'FIGHTS', description: 'is at war or in combat with', from: ['State'], to: ['State'] },
  { type: 'STATED', description: 'made a statement about an entity (the quote is the statement)', from: ACTORS, to: ANY_ENTITY },
  { type: 'REPORTED', description: 'a news agency or outlet reported a fact', from: ['Organization'], to: ANY_ENTITY },
  { type: 'MENTIONS', description: 'an article mentions an entity (derived from the claims it supports)', from: ['Article'], to: ANY_ENTITY },
] as const satisfies readonly RelDef[];

export type RelType = (typeof RELATIONSHIPS)[number]['type'];
export const REL_TYPES: readonly RelType[] = RELATIONSHIPS.map((r) => r.type);

/**
 * How a source gives a claim. Every claim (one entry of a relationship's
 * parallel source* lists) has exactly one; it is the source's own stance, not
 * ours: "diyakini telah menandatangani" is `believed` even if other outlets
 * report the signing as fact.
 */
export const CLAIM_STATUSES = ['reported', 'attributed', 'attributed-unnamed', 'alleged', 'believed', 'denied'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimStatusDef {
  status: ClaimStatus;
  /** Short label for panels, legends and exports. */
  label: string;
  description: string;
  /** Typical Indonesian and English cues, for curators and the extractor (examples, not a rule). */
  cues: readonly string[];
}

export const CLAIM_STATUS_DEFS: Record<ClaimStatus, ClaimStatusDef> = {
  reported: {
    status: 'reported',
    label: 'reported',
    description: 'the outlet states it as fact in its own voice (including headlines stating an event)',
    cues: [],
  },
  attributed: {
    status: 'attributed',
    label: 'attributed (named source)',
    description: 'the outlet reports it as what a named person, state, body or agency said or confirmed',
    cues: ['kata', 'mengatakan', 'menurut', 'menyatakan', 'mengkonfirmasi', 'said', 'according to'],
  },
  'attributed-unnamed': {
    status: 'attributed-unnamed',
    label: 'attributed (unnamed source)',
    description: 'attributed to a source the article does not name (officials, analysts, sources)',
    cues: ['pejabat', 'sumber', 'para analis', 'officials said', 'sources said'],
  },
  alleged: {
    status: 'alleged',
    label: 'alleged / accused',
    description: 'an accusation or allegation by one party against another, not established by the outlet',
    cues: ['tuduhan', 'menuduh', 'dituduh', 'accused', 'alleged'],
  },
  believed: {
    status: 'believed',
    label: 'believed / speculative',
    description: 'presented as believed, suspected, possible or speculated, not as having happened',
    cues: ['diyakini', 'diduga', 'kemungkinan', 'mungkin', 'analis mengatakan', 'believed', 'possibly'],
  },
  denied: {
    status: 'denied',
    label: 'denied',
    description: 'the claim is reported as denied or rejected by a party to it',
    cues: ['menolak', 'membantah', 'denied', 'rejected'],
  },
};

export function isClaimStatus(value: unknown): value is ClaimStatus {
  return typeof value === 'string' && (CLAIM_STATUSES as readonly string[]).includes(value);
}

/**
 * Properties every relationship carries. Provenance is stored as parallel
 * lists (one entry per supporting claim) because neither engine stores a
 * list of maps as a property; `provenanceOf` in shared/graph.ts zips them.
 */
export const REL_PROPS: PropDef[] = [
  { name: 'id', type: 'STRING', description: 'stable id, e.g. rel:signed:putin:treaty' },
  { name: 'summary', type: 'STRING', description: 'the fact in one English sentence' },
  { name: 'date', type: 'DATE', description: 'when it happened (first day of the period when less precise)' },
  { name: 'datePrecision', type: 'STRING', description: 'day, month or year' },
  { name: 'dateFrom', type: 'DATE', description: 'start of a period' },
  { name: 'dateTo', type: 'DATE', description: 'end of a period' },
  { name: 'place', type: 'STRING', description: 'id of the Place where it happened' },
  { name: 'sourceArticles', type: 'STRING[]', description: 'per claim: id of the Article' },
  { name: 'sourceQuotes', type: 'STRING[]', description: 'per claim: verbatim quote from the article' },
  { name: 'sourceOffsets', type: 'INT64[]', description: 'per claim: character offset of the quote in Article.text' },
  { name: 'sourceClaims', type: 'STRING[]', description: 'per claim: what this source states (e.g. a troop number), empty if nothing beyond the fact' },
  { name: 'sourceDateNotes', type: 'STRING[]', description: 'per claim: how the date was read or resolved from the article' },
  { name: 'sourceStatuses', type: 'STRING[]', description: `per claim: its status as the source gives it (${CLAIM_STATUSES.join(', ')})` },
  // What a claim asserts in comparable form, so "sources differ" is decided on values, never on wording.
  { name: 'sourceNumbers', type: 'STRING[]', description: 'per claim: the quantity this source gives, normalised (10000, ~10000, >10000, tens-of-thousands), empty if none' },
  { name: 'sourceDates', type: 'STRING[]', description: 'per claim: the date this source gives for the fact (YYYY, YYYY-MM or YYYY-MM-DD, or FROM..TO), empty if none' },
  { name: 'sourcePlaces', type: 'STRING[]', description: 'per claim: id of the Place this source gives for the fact, empty if none' },
];

/**
 * The parallel provenance lists, one entry per claim, in one order: whoever
 * appends a claim appends to every one of them so they stay aligned.
 */
export const PROVENANCE_PROPS = [
  'sourceArticles',
  'sourceQuotes',
  'sourceOffsets',
  'sourceClaims',
  'sourceDateNotes',
  'sourceStatuses',
  'sourceNumbers',
  'sourceDates',
  'sourcePlaces',
] as const;
export type ProvenanceProp = (typeof PROVENANCE_PROPS)[number];

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelType(value: string): value is RelType {
  return (REL_TYPES as readonly string[]).includes(value);
}

export function relDef(type: RelType): RelDef {
  const def = RELATIONSHIPS.find((r) => r.type === type);
  if (!def) throw new Error(`unknown relationship type ${type}`);
  return def;
}

/** Every allowed (from, to) pair of a relationship type. */
export function endpointPairs(type: RelType): Array<[NodeLabel, NodeLabel]> {
  const def = relDef(type);
  return def.from.flatMap((f) => def.to.map((t) => [f, t] as [NodeLabel, NodeLabel]));
}
