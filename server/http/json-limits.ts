/**
 * Depth and size limits on parsed JSON bodies, checked right after
 * express.json and before any validation or engine work that walks values
 * recursively (zod, the drivers' parameter conversion): a 3.6 KB body nested
 * 600 deep once froze the event loop for 20 s. The walk is iterative and stops
 * at the first value past a limit, so refusing costs at most maxItems steps.
 */
import type { RequestHandler } from 'express';
import { badRequest } from '../../shared/errors.js';

export interface JsonLimits {
  /** Arrays and objects inside one another (JEJAK_JSON_MAX_DEPTH). */
  maxDepth: number;
  /** Values in the whole body: every array element and object property counts (JEJAK_JSON_MAX_ITEMS). */
  maxItems: number;
}

/** Throws 400 naming the limit when `value` is nested deeper or holds more values than allowed. */
export function checkJsonShape(value: unknown, limits: JsonLimits, where = 'request body'): void {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  let items = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limits.maxDepth)
      throw badRequest(`${where} nests arrays or objects more than ${limits.maxDepth} deep; flatten it (JEJAK_JSON_MAX_DEPTH is ${limits.maxDepth})`);
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    items += children.length;
    if (items > limits.maxItems)
      throw badRequest(`${where} holds more than ${limits.maxItems} values; send fewer (JEJAK_JSON_MAX_ITEMS is ${limits.maxItems})`);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push({ v: c, depth: depth + 1 });
  }
}

/** Middleware form, for every JSON body of the API. */
export function jsonLimits(limits: JsonLimits): RequestHandler {
  return (req, _res, next) => {
    checkJsonShape(req.body, limits);
    next();
  };
}
