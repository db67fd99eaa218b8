import { type FieldIssue, toFieldIssues, validationError } from '@themis/domain';
import { validateMatter } from '@themis/legal';
import type { z } from 'zod';

/** Parses a request part with its schema, or throws a validation error listing every failing field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string, extraIssues: FieldIssue[] = []): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success && extraIssues.length === 0) return parsed.data;
  const issues = [...(parsed.success ? [] : toFieldIssues(parsed.error, where)), ...extraIssues];
  throw validationError(`invalid_${where === '' ? 'body' : where}`, `the request ${where === '' ? 'body' : where} does not pass validation`, issues);
}

/** The matter's own field errors (paths under `matter.`), to report together with the envelope's in one 422. */
export function matterIssues(body: unknown): FieldIssue[] {
  const matter = typeof body === 'object' && body !== null ? (body as { matter?: unknown }).matter : undefined;
  if (typeof matter !== 'object' || matter === null || Array.isArray(matter)) return [];
  const checked = validateMatter(matter);
  return checked.ok ? [] : checked.issues.map((issue) => ({ ...issue, path: `matter.${issue.path}` }));
}
