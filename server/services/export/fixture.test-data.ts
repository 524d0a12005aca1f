/**
 * A small, realistic subgraph shared by the export tests: the 2024 Russia–North
 * Korea treaty. The SIGNED edge carries two claims whose quotes hold every
 * character that trips up a serialiser: curly quotes, straight quotes, an
 * apostrophe, a backslash, an ampersand, a newline, `<script>` and a comma.
 */
import type { Graph } from '../../../shared/graph.js';

export const TRICKY_QUOTE =
  '“Perjanjian ini bersifat defensif,” kata Putin & Kim — <script>alert("x")</script>\nIt\'s a \\ “breakthrough”, he said.';
export const SECOND_QUOTE = 'Putin menandatangani traktat itu di Pyongyang, Rabu (19/6/2024).';

export const ARTICLE_TEXT = `Pyongyang — ${TRICKY_QUOTE} Lalu, ${SECOND_QUOTE}`;

export const fixtureGraph: Graph = {
  nodes: [
    {
      id: 'person:vladimir-putin',
      label: 'Person',
      properties: {
        id: 'person:vladimir-putin',
        name: 'Vladimir Putin',
        aliases: ['Putin', 'Presiden Putin', 'Vladimir Vladimirovich Putin'],
        description: 'President of Russia',
        searchText: 'vladimir putin putin presiden putin',
        role: 'President',
        // not in the schema: written by neo4j dialect and the file formats, dropped by kuzu
        pagerank: 0.4217,
        degree: 5,
      },
    },
    {
      id: 'person:kim-jong-un',
      label: 'Person',
      properties: {
        id: 'person:kim-jong-un',
        name: 'Kim Jong Un',
        aliases: ['Kim Jong-un', "Kim Jong'un"],
        description: 'Supreme Leader of North Korea',
        searchText: 'kim jong un',
        role: 'Chairman of the State Affairs Commission',
        pagerank: 0.3,
        degree: 3,
      },
    },
    {
      id: 'state:russia',
      label: 'State',
      properties: { id: 'state:russia', name: 'Russia', aliases: ['Rusia'], description: 'Russian Federation', searchText: 'russia rusia' },
    },
    {
      id: 'state:north-korea',
      label: 'State',
      properties: {
        id: 'state:north-korea',
        name: 'North Korea',
        aliases: ['Korea Utara', 'DPRK', 'Korut'],
        description: "Democratic People's Republic of Korea",
        searchText: 'north korea korea utara dprk korut',
      },
    },
    {
      id: 'agreement:comprehensive-strategic-partnership',
      label: 'Agreement',
      properties: {
        id: 'agreement:comprehensive-strategic-partnership',
        name: 'Treaty on Comprehensive Strategic Partnership',
        aliases: ['Perjanjian Kemitraan Strategis Komprehensif'],
        description: 'mutual defence treaty between Russia and North Korea',
        searchText: 'treaty on comprehensive strategic partnership',
        dateSigned: '2024-06-19',
        dateInForce: '2024-12-04',
      },
    },
    {
      id: 'event:pyongyang-summit-2024',
      label: 'Event',
      properties: {
        id: 'event:pyongyang-summit-2024',
        name: 'Pyongyang summit 2024',
        aliases: [],
        description: 'Putin’s state visit to Pyongyang',
        searchText: 'pyongyang summit 2024',
        kind: 'summit',
        date: '2024-06-19',
        datePrecision: 'day',
      },
    },
    {
      id: 'place:pyongyang',
      label: 'Place',
      properties: { id: 'place:pyongyang', name: 'Pyongyang', aliases: ['Pyeongyang'], kind: 'city', description: null },
    },
    {
      id: 'article:okezone-2024-06-19',
      label: 'Article',
      properties: {
        id: 'article:okezone-2024-06-19',
        name: 'Putin dan Kim Jong Un teken perjanjian',
        outlet: 'Okezone',
        headline: 'Putin dan Kim Jong Un Teken Perjanjian "Kemitraan Strategis"',
        publishedAt: '2024-06-19',
        language: 'id',
        file: 'okezone-001.txt',
        text: ARTICLE_TEXT,
      },
    },
  ],
  edges: [
    {
      id: 'rel:signed:putin:treaty',
      type: 'SIGNED',
      source: 'person:vladimir-putin',
      target: 'agreement:comprehensive-strategic-partnership',
      properties: {
        id: 'rel:signed:putin:treaty',
        summary: 'Vladimir Putin signed the Treaty on Comprehensive Strategic Partnership.',
        date: '2024-06-19',
        datePrecision: 'day',
        place: 'place:pyongyang',
        sourceArticles: ['article:okezone-2024-06-19', 'article:okezone-2024-06-19'],
        sourceQuotes: [TRICKY_QUOTE, SECOND_QUOTE],
        sourceOffsets: [ARTICLE_TEXT.indexOf(TRICKY_QUOTE), ARTICLE_TEXT.indexOf(SECOND_QUOTE)],
        sourceClaims: ['the treaty is "defensive", 100%', ''],
        sourceDateNotes: ['publication date', 'Rabu (19/6/2024) → 2024-06-19'],
        // Status and values per claim travel in every format with the rest of the provenance.
        sourceStatuses: ['attributed', 'believed'],
        sourceNumbers: ['>10000', ''],
        sourceDates: ['2024-06-19', '2024-06'],
        sourcePlaces: ['place:pyongyang', ''],
      },
    },
    {
      id: 'rel:signed:kim:treaty',
      type: 'SIGNED',
      source: 'person:kim-jong-un',
      target: 'agreement:comprehensive-strategic-partnership',
      properties: {
        id: 'rel:signed:kim:treaty',
        summary: 'Kim Jong Un signed the Treaty on Comprehensive Strategic Partnership.',
        date: '2024-06-19',
        datePrecision: 'day',
        sourceArticles: ['article:okezone-2024-06-19'],
        sourceQuotes: [SECOND_QUOTE],
        sourceOffsets: [ARTICLE_TEXT.indexOf(SECOND_QUOTE)],
        sourceClaims: [''],
        sourceDateNotes: ['publication date'],
      },
    },
    {
      id: 'rel:party-to:russia:treaty',
      type: 'PARTY_TO',
      source: 'state:russia',
      target: 'agreement:comprehensive-strategic-partnership',
      properties: {
        id: 'rel:party-to:russia:treaty',
        summary: 'Russia is a party to the treaty.',
        sourceArticles: ['article:okezone-2024-06-19'],
        sourceQuotes: [SECOND_QUOTE],
        sourceOffsets: [ARTICLE_TEXT.indexOf(SECOND_QUOTE)],
        sourceClaims: [''],
        sourceDateNotes: [''],
      },
    },
    {
      id: 'rel:party-to:north-korea:treaty',
      type: 'PARTY_TO',
      source: 'state:north-korea',
      target: 'agreement:comprehensive-strategic-partnership',
      properties: {
        id: 'rel:party-to:north-korea:treaty',
        summary: 'North Korea is a party to the treaty.',
        sourceArticles: ['article:okezone-2024-06-19'],
        sourceQuotes: [SECOND_QUOTE],
        sourceOffsets: [ARTICLE_TEXT.indexOf(SECOND_QUOTE)],
        sourceClaims: [''],
        sourceDateNotes: [''],
      },
    },
    {
      id: 'rel:participated-in:putin:summit',
      type: 'PARTICIPATED_IN',
      source: 'person:vladimir-putin',
      target: 'event:pyongyang-summit-2024',
      properties: {
        id: 'rel:participated-in:putin:summit',
        summary: 'Putin took part in the Pyongyang summit.',
        date: '2024-06-19',
        datePrecision: 'day',
        dateFrom: '2024-06-18',
        dateTo: '2024-06-19',
        sourceArticles: ['article:okezone-2024-06-19'],
        sourceQuotes: [SECOND_QUOTE],
        sourceOffsets: [ARTICLE_TEXT.indexOf(SECOND_QUOTE)],
        sourceClaims: [''],
        sourceDateNotes: ['publication date'],
        // not in REL_PROPS
        weight: 2,
      },
    },
    {
      id: 'rel:held-in:summit:pyongyang',
      type: 'HELD_IN',
      source: 'event:pyongyang-summit-2024',
      target: 'place:pyongyang',
      properties: {
        id: 'rel:held-in:summit:pyongyang',
        summary: 'The summit was held in Pyongyang.',
        sourceArticles: ['article:okezone-2024-06-19'],
        sourceQuotes: [SECOND_QUOTE],
        sourceOffsets: [ARTICLE_TEXT.indexOf(SECOND_QUOTE)],
        sourceClaims: [''],
        sourceDateNotes: [''],
      },
    },
    {
      id: 'rel:leader-of:putin:russia',
      type: 'LEADER_OF',
      source: 'person:vladimir-putin',
      target: 'state:russia',
      properties: {
        id: 'rel:leader-of:putin:russia',
        summary: 'Vladimir Putin leads Russia.',
        sourceArticles: [],
        sourceQuotes: [],
        sourceOffsets: [],
        sourceClaims: [],
        sourceDateNotes: [],
      },
    },
    {
      id: 'rel:mentions:okezone:treaty',
      type: 'MENTIONS',
      source: 'article:okezone-2024-06-19',
      target: 'agreement:comprehensive-strategic-partnership',
      properties: { id: 'rel:mentions:okezone:treaty' },
    },
  ],
};

export const SIGNED_EDGE_ID = 'rel:signed:putin:treaty';
