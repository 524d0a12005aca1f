/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. A test checks every route is in it. */
import { NODE_LABELS, REL_TYPES } from '../shared/schema.js';
import { EXPORT_FORMAT_IDS } from './services/export/index.js';

type Param = { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: Record<string, unknown> };

const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false): Param => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const p = (name: string, description: string): Param => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const int = (min: number, max: number, def?: number) => ({ type: 'integer', minimum: min, maximum: max, ...(def !== undefined ? { default: def } : {}) });
const date = { type: 'string', format: 'date' };

const errorResponse = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const errors = {
  '400': { ...errorResponse, description: 'bad input: the message names the parameter and what to send' },
  '401': { ...errorResponse, description: 'missing or wrong write token' },
  '403': { ...errorResponse, description: 'writes are disabled (no JEJAK_WRITE_TOKEN)' },
  '404': { ...errorResponse, description: 'no such node, relationship, query or route' },
  '408': { ...errorResponse, description: 'the query ran past its timeout' },
  '413': { ...errorResponse, description: 'request body over the size limit' },
  '429': { ...errorResponse, description: 'too many requests from this client' },
  '503': { ...errorResponse, description: 'the store is unavailable; retry later' },
};
const json = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  '200': { description, content: { 'application/json': { schema } } },
  ...errors,
});
const body = (schema: Record<string, unknown>) => ({ required: true, content: { 'application/json': { schema } } });
const graphRef = { $ref: '#/components/schemas/GraphResponse' };

const op = (summary: string, parameters: Param[], responses: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  summary,
  parameters,
  responses,
  ...extra,
});

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jejak API',
      version,
      description: 'Knowledge graph of news events with provenance. Read-only unless writes are enabled with JEJAK_WRITE_TOKEN.',
    },
    paths: {
      '/api/health': { get: op('Store engine, reachability and counts', [], json('healthy; 503 when the store is down')) },
      '/api/schema': { get: op('Node labels, relationship types and their endpoints', [], json('the graph model')) },
      '/api/openapi.json': { get: op('This document', [], json('OpenAPI document')) },
      '/api/graph': {
        get: op(
          'Capped overview of the graph',
          [q('limit', 'maximum relationships', int(1, 10000, 500)), q('articles', 'include article MENTIONS edges', { type: 'boolean', default: false })],
          json('graph with truncated flag and total', graphRef),
        ),
      },
      '/api/overview/aggregate': { get: op('Aggregated overview: node counts per label and relationship counts per (from label, type, to label)', [], json('groups and links, largest first')) },
      '/api/overview/groups/{label}/members': {
        get: op(
          "A page of one label's nodes, the most connected first",
          [{ ...p('label', `one of ${NODE_LABELS.join(', ')}`) }, q('offset', 'skip this many', int(0, 10000000, 0)), q('limit', 'members per page', int(1, 500, 50))],
          json('members with their degree, total and truncated flag'),
        ),
      },
      '/api/nodes/{id}': { get: op('One node with its degree', [p('id', 'node id, e.g. person:kim-jong-un')], json('the node')) },
      '/api/nodes/{id}/neighbours': {
        get: op(
          'Neighbourhood expansion with limits and counts per relationship type and direction',
          [
            p('id', 'node id'),
            q('limit', 'maximum relationships', int(1, 1000, 50)),
            q('offset', 'skip this many (for "+N more")', int(0, 1000000, 0)),
            q('direction', 'out, in or both', { type: 'string', enum: ['out', 'in', 'both'], default: 'both' }),
            q('types', `comma-separated relationship types among ${REL_TYPES.join(', ')}`),
          ],
          json('neighbours, counts, truncated flag and total', graphRef),
        ),
      },
      '/api/search': {
        get: op(
          'Search names and aliases (case-, accent- and hyphen-insensitive)',
          [q('q', 'text to find', { type: 'string', minLength: 1, maxLength: 200 }, true), q('limit', 'maximum hits', int(1, 100, 10)), q('labels', `comma-separated labels among ${NODE_LABELS.join(', ')}`)],
          json('ranked hits'),
        ),
      },
      '/api/queries': { get: op('Saved queries with their typed parameters', [], json('list of saved queries')) },
      '/api/queries/{name}': { get: op('One saved query with its Cypher', [p('name', 'saved query name')], json('the saved query')) },
      '/api/queries/{name}/run': {
        post: op('Run a saved query with validated parameters', [p('name', 'saved query name')], json('rows and graph', { $ref: '#/components/schemas/QueryResponse' }), {
          requestBody: body({ type: 'object', properties: { params: { type: 'object' } } }),
        }),
      },
      '/api/cypher': {
        post: op('Run read-only ad-hoc Cypher with a timeout and a row cap; writes are refused with 400 before they run', [], json('rows and graph', { $ref: '#/components/schemas/QueryResponse' }), {
          requestBody: body({
            type: 'object',
            required: ['query'],
            properties: { query: { type: 'string' }, params: { type: 'object' }, timeoutMs: { type: 'integer' }, maxRows: { type: 'integer' } },
          }),
        }),
      },
      '/api/paths': {
        get: op(
          'Paths between two nodes: the shortest, or all simple paths up to maxHops',
          [
            q('from', 'first node id', { type: 'string' }, true),
            q('to', 'second node id', { type: 'string' }, true),
            q('mode', 'shortest or all', { type: 'string', enum: ['shortest', 'all'], default: 'shortest' }),
            q('maxHops', 'maximum hops', int(1, 10)),
            q('limit', 'maximum paths (mode=all)', int(1, 100, 10)),
            q('types', 'comma-separated relationship types to follow'),
          ],
          json('paths and their union graph'),
        ),
      },
      '/api/timeline': {
        get: op('Events and dated relationships in a date range, sorted', [q('from', 'first day', date), q('to', 'last day', date), q('limit', 'maximum items', int(1, 5000, 500))], json('timeline items')),
      },
      '/api/edges/{id}/provenance': { get: op('Claims behind a relationship: article, quote, sentence, date', [p('id', 'relationship id')], json('the edge and its claims')) },
      '/api/articles/{id}': { get: op('An article with the spans of its text that support facts', [p('id', 'article id')], json('article and spans')) },
      '/api/ingest/preview': {
        post: op('Extract candidate facts from an article (Indonesian or English); writes nothing', [], json('article, candidates with quote, offset, date and confidence'), {
          requestBody: body({ type: 'object', required: ['text'], properties: { text: { type: 'string' }, date: date, outlet: { type: 'string' } } }),
        }),
      },
      '/api/ingest': {
        post: op('Merge the accepted candidates of an article into the graph (write token required)', [], json('what was created, what gained a claim, what was unchanged'), {
          security: [{ writeToken: [] }],
          requestBody: body({
            type: 'object',
            required: ['text'],
            properties: { text: { type: 'string' }, date: date, outlet: { type: 'string' }, accept: { type: 'array', items: { type: 'integer' } }, edits: { type: 'object' } },
          }),
        }),
      },
      '/api/admin/reseed': {
        post: op('Reload the seed corpus (write token required)', [], { '200': { description: 'counts and progress log' }, ...errors }, {
          security: [{ writeToken: [] }],
        }),
      },
      '/api/export/formats': { get: op('Export formats', [], json('formats')) },
      '/api/export/{format}': {
        get: op('Export the subgraph of the given node ids', [p('format', EXPORT_FORMAT_IDS.join(', ')), q('ids', 'comma-separated node ids', { type: 'string' }, true), q('dialect', 'Cypher dialect', { type: 'string', enum: ['neo4j', 'kuzu'] })], {
          '200': { description: 'the file, as an attachment' },
          ...errors,
        }),
        post: op('Export a subgraph: node ids or a saved query result', [p('format', EXPORT_FORMAT_IDS.join(', '))], { '200': { description: 'the file, as an attachment' }, ...errors }, {
          requestBody: body({
            type: 'object',
            properties: {
              ids: { type: 'array', items: { type: 'string' } },
              query: { type: 'object', properties: { name: { type: 'string' }, params: { type: 'object' } } },
              dialect: { type: 'string', enum: ['neo4j', 'kuzu'] },
              filename: { type: 'string' },
            },
          }),
        }),
      },
    },
    components: {
      securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'the value of JEJAK_WRITE_TOKEN' } },
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } } },
        },
        Graph: {
          type: 'object',
          properties: {
            nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, properties: { type: 'object' } } } },
            edges: {
              type: 'array',
              items: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, properties: { type: 'object' } } },
            },
          },
        },
        GraphResponse: {
          type: 'object',
          properties: { graph: { $ref: '#/components/schemas/Graph' }, truncated: { type: 'boolean' }, total: { type: 'integer' }, limit: { type: 'integer' } },
        },
        QueryResponse: {
          type: 'object',
          properties: {
            engine: { type: 'string', enum: ['kuzu', 'neo4j'] },
            columns: { type: 'array', items: { type: 'string' } },
            rows: { type: 'array', items: { type: 'object' } },
            graph: { $ref: '#/components/schemas/Graph' },
            truncated: { type: 'boolean' },
            elapsedMs: { type: 'number' },
          },
        },
      },
    },
  };
}
