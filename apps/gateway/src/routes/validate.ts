import { type FieldIssue, toFieldIssues, validationError } from '@themis/domain';
import type { z } from 'zod';

/** Parses a request part with its schema, or throws a validation error listing every failing field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string, extraIssues: FieldIssue[] = []): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success && extraIssues.length === 0) return parsed.data;
  const issues = [...(parsed.success ? [] : toFieldIssues(parsed.error, where)), ...extraIssues];
  throw validationError(`invalid_${where === '' ? 'body' : where}`, `the request ${where === '' ? 'body' : where} does not pass validation`, issues);
}
