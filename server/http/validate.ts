import type { z } from 'zod';
import { badRequest } from '../../shared/errors.js';

/** Parses request input with a zod schema; a failure names the parameter and what to send instead. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, where: 'query' | 'body' | 'path'): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue.path.join('.') || where;
  throw badRequest(`${where} parameter '${param}': ${issue.message}`, { param });
}
