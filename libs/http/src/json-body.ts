import express, { type NextFunction, type Request, type Response } from 'express';
import { sendProblem } from './problem.ts';

const isJson = (req: Request) => req.is(['application/json', 'application/*+json']) !== false;

/** Parses JSON bodies, counting bytes as they arrive (chunked bodies too) against `limitBytes`. */
export function jsonBody(limitBytes: number, options: { anyContentType?: boolean } = {}) {
  return express.json({ limit: limitBytes, strict: false, type: options.anyContentType === true ? () => true : ['application/json', 'application/*+json'] });
}

/** A request that carries a body must say it is JSON (415 otherwise). */
export function requireJsonContentType() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const hasBody = req.get('content-length') !== undefined ? req.get('content-length') !== '0' : req.get('transfer-encoding') !== undefined;
    if (hasBody && !isJson(req)) {
      return sendProblem(res, {
        status: 415,
        code: 'unsupported_media_type',
        title: 'Unsupported Media Type',
        detail: `Send the body as application/json (got ${req.get('content-type') ?? 'no Content-Type'}).`,
      });
    }
    next();
  };
}
