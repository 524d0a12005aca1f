/**
 * The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. Generated from the
 * routes' own declarations (server/api-route.ts): paths, parameters and bodies come from the
 * zod schemas the routes validate with (z.toJSONSchema), so the document is never written by hand.
 */
import { Router } from 'express';
import { z } from 'zod';
import { apiRoute, routeSpecs, type RouteSpec } from './api-route.js';
import { sendJson } from './http/send-json.js';

type JsonSchema = Record<string, unknown>;

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

/** The JSON Schema of what a client sends (defaults shown, coerced numbers as numbers). */
function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(spec: RouteSpec): JsonSchema[] {
  const inPath = [...spec.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const path = inPath.map((name) => ({ name, in: 'path', required: true, description: spec.params?.[name] ?? name, schema: { type: 'string' } }));
  if (!spec.query) return path;
  const { properties = {}, required = [] } = inputSchema(spec.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const query = Object.entries(properties).map(([name, { description, ...schema }]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    ...(description ? { description } : {}),
    schema,
  }));
  return [...path, ...query];
}

function operation(spec: RouteSpec): JsonSchema {
  const schema = spec.responseSchema ? { $ref: `#/components/schemas/${spec.responseSchema}` } : { type: 'object' };
  const ok = spec.file ? { description: spec.response } : { description: spec.response, content: { 'application/json': { schema } } };
  return {
    summary: spec.summary,
    parameters: parameters(spec),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(spec.body) } } } } : {}),
    responses: { '200': ok, ...errors },
    ...(spec.writes ? { security: [{ writeToken: [] }] } : {}),
  };
}

export function openApiDocument(version: string, routes: RouteSpec[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of routes) {
    const path = `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] = { ...paths[path], [spec.method]: operation(spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jejak API',
      version,
      description: 'Knowledge graph of news events with provenance. Read-only unless writes are enabled with JEJAK_WRITE_TOKEN.',
    },
    paths,
    components: {
      securitySchemes: { writeToken: { type: 'http', scheme: 'bearer', description: 'the value of JEJAK_WRITE_TOKEN' } },
      schemas: RESPONSE_SCHEMAS,
    },
  };
}

/** GET /api/openapi.json, describing the routes of `routers()` (read when asked, so it can include itself). */
export function openApiRoutes(version: string, routers: () => Router[]): Router {
  const r = Router();
  apiRoute(r, { method: 'get', path: '/openapi.json', summary: 'This document', response: 'OpenAPI document' }, ({ res }) => {
    sendJson(res, openApiDocument(version, routeSpecs(...routers())));
  });
  return r;
}

// Answers are not validated with zod, so their shapes are described here once.
const graphSchema = {
  type: 'object',
  properties: {
    nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, properties: { type: 'object' } } } },
    edges: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, source: { type: 'string' }, target: { type: 'string' }, properties: { type: 'object' } } },
    },
  },
};
const RESPONSE_SCHEMAS = {
  Error: {
    type: 'object',
    properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } } } },
  },
  Graph: graphSchema,
  GraphResponse: {
    type: 'object',
    properties: { graph: { $ref: '#/components/schemas/Graph' }, truncated: { type: 'boolean' }, total: { type: 'integer' }, limit: { type: 'integer' } },
  },
  TimelineResponse: {
    type: 'object',
    properties: {
      from: { type: ['string', 'null'] },
      to: { type: ['string', 'null'] },
      items: {
        type: 'array',
        items: {
          type: 'object',
          description: "an event (kind 'event', a node of graph) or a dated fact (kind 'relationship', an edge of graph), found in graph by id",
          properties: {
            date: { type: 'string' },
            dateTo: { type: ['string', 'null'] },
            datePrecision: { type: ['string', 'null'] },
            kind: { type: 'string', enum: ['event', 'relationship'] },
            id: { type: 'string' },
            title: { type: 'string' },
          },
        },
      },
      graph: { $ref: '#/components/schemas/Graph' },
      truncated: { type: 'boolean' },
    },
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
};
