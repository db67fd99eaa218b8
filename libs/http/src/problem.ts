import type { Response } from 'express';
import type { FieldIssue } from '@themis/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  readonly status: number;
  /** Stable, machine-readable: clients branch on it. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: readonly FieldIssue[];
  readonly [extension: string]: unknown;
}

/** Sends an RFC 9457 problem document; `type` is a URN built from the stable code. */
export function sendProblem(res: Response, problem: Problem): void {
  const requestId = res.getHeader('x-request-id');
  const { status, code, title, detail, errors, ...extensions } = problem;
  res
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        // Extensions first: they can never replace a standard member.
        ...extensions,
        type: `urn:themis:problem:${code}`,
        status,
        code,
        title,
        detail,
        ...(errors === undefined ? {} : { errors }),
        ...(typeof requestId === 'string' ? { requestId } : {}),
      }),
    );
}
