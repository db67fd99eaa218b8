import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@themis/telemetry';
import { sendProblem } from './problem.ts';
import { localsOf } from './request-context.ts';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** A short, stable id for a key: what events and logs record instead of the key. */
export const keyId = (key: string) => `key:${digest(key).toString('hex').slice(0, 12)}`;

/** The credential sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`, if any. */
export function presentedKey(req: Request): string | undefined {
  const header = req.get('x-api-key')?.trim();
  if (header !== undefined && header !== '') return header;
  const authorization = req.get('authorization')?.trim();
  const match = authorization === undefined ? null : /^bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1];
}

/**
 * Checks the caller's key against the configured keys by comparing SHA-256 digests in constant
 * time (equal lengths, whatever was sent). With no keys configured the API is open (development).
 */
export function apiKeyAuth(keys: readonly string[], logger: Logger) {
  const known = keys.map((key) => ({ id: keyId(key), digest: digest(key) }));
  return (req: Request, res: Response, next: NextFunction): void => {
    if (known.length === 0) return next();
    const key = presentedKey(req);
    if (key === undefined) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      logger.warn({ method: req.method, path: req.path, ip: req.ip, requestId: localsOf(res).requestId, reason: 'missing' }, 'authentication failed');
      return sendProblem(res, {
        status: 401,
        code: 'missing_credentials',
        title: 'Unauthorized',
        detail: 'Send an API key as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
      });
    }
    const presented = digest(key);
    let match: (typeof known)[number] | undefined;
    for (const candidate of known) if (timingSafeEqual(candidate.digest, presented)) match = candidate;
    if (match === undefined) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      logger.warn({ method: req.method, path: req.path, ip: req.ip, requestId: localsOf(res).requestId, reason: 'invalid' }, 'authentication failed');
      return sendProblem(res, { status: 401, code: 'invalid_api_key', title: 'Unauthorized', detail: 'The API key is not valid.' });
    }
    localsOf(res).actor = match.id;
    next();
  };
}
