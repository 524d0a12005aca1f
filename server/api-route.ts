/**
 * One declaration per API route: method, path, summary and the zod schemas its input is
 * validated with. The Express handler is registered from it and the OpenAPI document
 * (server/openapi.ts) is generated from it, so the document cannot drift from what a route
 * accepts.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { parseInput } from './http/validate.js';

export interface RouteSpec<Q extends z.ZodType | undefined = z.ZodType | undefined, B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'get' | 'post';
  /** Express path under /api, e.g. '/nodes/:id'. */
  path: string;
  summary: string;
  /** A description per path parameter (':id' → { id: 'node id' }). */
  params?: Record<string, string>;
  query?: Q;
  body?: B;
  /** What a 200 answer carries. */
  response: string;
  /** A schema of the document's components for the 200 answer. */
  responseSchema?: 'GraphResponse' | 'QueryResponse' | 'TimelineResponse';
  /** The answer is a file (an attachment), not JSON. */
  file?: boolean;
  /** Needs the write token (Authorization: Bearer). */
  writes?: boolean;
  /** Middleware that runs before the input is parsed (write token, a body parser). */
  use?: RequestHandler[];
}

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteInput<Q, B> {
  /** Path parameters (':id'); the routes declare no wildcards, so each is one string. */
  params: Record<string, string>;
  query: Parsed<Q>;
  body: Parsed<B>;
  req: Request;
  res: Response;
}

const declared = new WeakMap<Router, RouteSpec[]>();

/** Registers `handler` on `router` for `spec`, with the query and body parsed by its schemas. */
export function apiRoute<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  router: Router,
  spec: RouteSpec<Q, B>,
  handler: (input: RouteInput<Q, B>) => unknown,
): void {
  declared.set(router, [...(declared.get(router) ?? []), spec as RouteSpec]);
  router[spec.method](spec.path, ...(spec.use ?? []), async (req: Request, res: Response) => {
    const query = spec.query ? parseInput(spec.query, req.query, 'query') : undefined;
    const body = spec.body ? parseInput(spec.body, req.body, 'body') : undefined;
    await handler({ params: req.params as Record<string, string>, query, body, req, res } as RouteInput<Q, B>);
  });
}

/** The routes declared on these routers, in order. */
export function routeSpecs(...routers: Router[]): RouteSpec[] {
  return routers.flatMap((r) => declared.get(r) ?? []);
}
