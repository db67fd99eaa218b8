import type { FieldIssue } from '@themis/domain';
import type { z } from 'zod';
import { matterSchema } from './matter.schema.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The matter inside a `{ "matter": {…} }` wrapper, or the value itself. An object is a wrapper
 * when its `matter` is an object and it has none of the matter's own required keys.
 */
export function unwrapMatter(input: unknown): unknown {
  if (!isObject(input) || !isObject(input.matter)) return input;
  const ownsMatterKeys = ['parties', 'summary', 'description', 'facts'].some((key) => key in input);
  return ownsMatterKeys ? input : input.matter;
}

type Issue = z.core.$ZodIssue;
const pathText = (path: readonly PropertyKey[]): string => (path.length === 0 ? '(root)' : path.map(String).join('.'));

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

function messageOf(issue: Issue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined) return 'is required';
  return `must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`} (got ${typeName(issue.input)})`;
}

/** Zod reports a failed union as one opaque issue; report the branch whose type matched instead. */
function toFieldIssues(issue: Issue, prefix: readonly PropertyKey[]): FieldIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union') {
    const matched = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
    const [only] = matched;
    if (matched.length === 1 && only !== undefined) return only.flatMap((inner) => toFieldIssues(inner, path));
    const expected = [...new Set(issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected] : []))))];
    return [{ path: pathText(path), message: `must be ${expected.join(' or ')} (got ${typeName(issue.input)})` }];
  }
  return [{ path: pathText(path), message: messageOf(issue) }];
}

export type MatterValidation = { ok: true } | { ok: false; issues: FieldIssue[] };

/** Checks a matter (bare or wrapped) and lists every failing field, with paths relative to the matter. */
export function validateMatter(input: unknown): MatterValidation {
  const result = matterSchema.safeParse(unwrapMatter(input), { reportInput: true });
  if (result.success) return { ok: true };
  return { ok: false, issues: result.error.issues.flatMap((issue) => toFieldIssues(issue, [])) };
}
