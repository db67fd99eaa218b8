import type { NextFunction, Request, Response } from 'express';
import { type DomainErrorKind, isDomainError } from '@themis/domain';
import type { Logger } from '@themis/telemetry';
import { sendProblem } from './problem.ts';
import { localsOf } from './request-context.ts';

const statusOf: Record<DomainErrorKind, number> = {
  bad_request: 400,
  validation: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  rate_limited: 429,
  unavailable: 503,
};

const titleOf: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** What body-parser reports, by its `type`. */
const bodyErrors: Record<string, { status: number; code: string; detail: (error: { limit?: number }) => string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', detail: () => 'The request body is not valid JSON.' },
  'entity.too.large': {
    status: 413,
    code: 'payload_too_large',
    detail: (error) => `The request body is larger than the limit of ${error.limit ?? '?'} bytes (MAX_PAYLOAD_SIZE_MB).`,
  },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding', detail: () => 'The request body uses an unsupported content encoding.' },
  'charset.unsupported': { status: 415, code: 'unsupported_charset', detail: () => 'The request body uses an unsupported charset; send UTF-8.' },
  'request.aborted': { status: 400, code: 'request_aborted', detail: () => 'The client aborted the request.' },
};

/** The one place errors become responses: domain errors by kind, body errors by type, anything else a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    if (isDomainError(error)) {
      const status = statusOf[error.kind];
      if (status === 503) res.setHeader('Retry-After', '5');
      if (status >= 500) logger.warn({ err: error, requestId: localsOf(res).requestId }, error.message);
      sendProblem(res, {
        status,
        code: error.code,
        title: titleOf[status] ?? 'Error',
        detail: error.message,
        ...(error.issues.length > 0 ? { errors: error.issues } : {}),
        ...error.details,
      });
      return;
    }
    const bodyError = typeof (error as { type?: unknown })?.type === 'string' ? bodyErrors[(error as { type: string }).type] : undefined;
    if (bodyError !== undefined) {
      sendProblem(res, { status: bodyError.status, code: bodyError.code, title: titleOf[bodyError.status]!, detail: bodyError.detail(error as { limit?: number }) });
      return;
    }
    // Anything else the HTTP stack marks as the client's doing (a malformed URL escape, a body
    // that does not decompress, …) is answered as such, never as a 500.
    const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendProblem(res, { status, code: 'bad_request', title: titleOf[status] ?? 'Bad Request', detail: error instanceof Error ? error.message : 'The request cannot be processed.' });
      return;
    }
    logger.error({ err: error, requestId: localsOf(res).requestId }, 'unhandled error');
    sendProblem(res, { status: 500, code: 'internal_error', title: titleOf[500]!, detail: 'Something went wrong on our side; the request id identifies it in the logs.' });
  };
}
