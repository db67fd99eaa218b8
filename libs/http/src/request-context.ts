import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export interface RequestLocals {
  requestId: string;
  traceparent: string | null;
  /** Key id of the caller (never the key); `anonymous` in development mode. */
  actor: string;
  startedAt: number;
}

export const localsOf = (res: Response): RequestLocals => res.locals as RequestLocals;

/** Keeps a well-formed X-Request-ID from the client (else makes one), reads traceparent, times the request. */
export function requestContext() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get('x-request-id');
    const requestId = incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const traceparent = req.get('traceparent');
    Object.assign(res.locals, {
      requestId,
      traceparent: traceparent !== undefined && TRACEPARENT.test(traceparent) ? traceparent : null,
      actor: 'anonymous',
      startedAt: performance.now(),
    } satisfies RequestLocals);
    res.setHeader('X-Request-ID', requestId);
    const writeHead = res.writeHead.bind(res);
    res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
      if (!res.headersSent) res.setHeader('X-Response-Time-Ms', (performance.now() - localsOf(res).startedAt).toFixed(2));
      return writeHead(...args);
    }) as typeof res.writeHead;
    next();
  };
}
