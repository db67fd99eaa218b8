import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@themis/telemetry';
import { localsOf } from './request-context.ts';

const SLOW_MS = 1_000;

/** One line per request on `themis.api.requests`; slow ones also on `themis.api.performance`. */
export function requestLog(requests: Logger, performanceLog: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.on('finish', () => {
      const locals = localsOf(res);
      const durationMs = Math.round((performance.now() - locals.startedAt) * 100) / 100;
      const line = { method: req.method, path: req.path, status: res.statusCode, durationMs, requestId: locals.requestId, actor: locals.actor, ip: req.ip };
      if (res.statusCode >= 500) requests.error(line, 'request failed');
      else requests.info(line, 'request');
      if (durationMs > SLOW_MS) performanceLog.warn(line, 'slow request');
    });
    next();
  };
}
