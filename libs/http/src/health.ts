import { Router } from 'express';

export type HealthCheck = () => Promise<void>;

interface CheckResult {
  readonly status: 'ok' | 'unavailable';
  readonly error?: string;
}

/** Liveness answers while the process runs; readiness runs every named check (store, bus, cache). */
export function healthRouter(checks: Readonly<Record<string, HealthCheck>>, details: () => Record<string, unknown>): Router {
  const router = Router();
  router.get(['/health', '/health/live'], (_req, res) => {
    res.json({ status: 'ok', ...details() });
  });
  router.get('/health/ready', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          await check();
          return [name, { status: 'ok' }];
        } catch (error) {
          return [name, { status: 'unavailable', error: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    const ready = results.every(([, result]) => result.status === 'ok');
    if (!ready) res.setHeader('Retry-After', '5');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(results) });
  });
  return router;
}
