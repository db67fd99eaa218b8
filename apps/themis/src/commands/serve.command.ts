import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { ThemisConfig } from '@themis/config';
import { createGatewayApp } from '@themis/gateway';
import type { Logger } from '@themis/telemetry';
import { type Runtime, startRuntime } from '../runtime/runtime.ts';
import { sampleCurl } from './sample-request.ts';

export interface Serving {
  readonly url: string;
  readonly runtime: Runtime;
  readonly readyMs: number;
  close(): Promise<void>;
}

const DRAIN_MS = 10_000;

/** `themis serve`: the embedded runtime behind the HTTP API. */
export async function serve(config: ThemisConfig, logger: Logger): Promise<Serving> {
  const runtime = await startRuntime(config, logger);
  const { database } = runtime;
  const app = createGatewayApp({
    service: runtime.service,
    logger,
    apiKeys: config.auth.apiKeys,
    maxPayloadBytes: config.http.maxPayloadBytes,
    executeWaitMs: config.execution.waitMs,
    healthChecks: {
      store: async () => void (await database.pool.query('SELECT 1')),
      bus: () => Promise.resolve(),
      cache: () => Promise.resolve(),
    },
    healthDetails: () => ({ mode: 'embedded', database: database.kind, postgres: database.serverVersion }),
  });
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(config.http.port, config.http.host, () => resolve(listening));
      listening.once('error', reject);
    });
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    runtime,
    readyMs: performance.now(),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const drained = await Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_MS).unref())]);
        if (!drained) server.closeAllConnections();
        await runtime.stop();
      })();
      return closing;
    },
  };
}

export function banner(serving: Serving, config: ThemisConfig): string {
  const { database } = serving.runtime;
  const store =
    database.kind === 'external' ? `PostgreSQL ${database.serverVersion} at DATABASE_URL` : `embedded PostgreSQL ${database.serverVersion} in ${database.clusterDir}`;
  const lines = [
    `Themis is ready on ${serving.url} after ${(serving.readyMs / 1000).toFixed(2)} s (${store}; in-process bus; memory cache).`,
    config.auth.apiKeys.length === 0
      ? '  WARNING: no API key is set (THEMIS_API_KEY), so the API is open to anyone who can reach it. Fine on your laptop; set a key elsewhere.'
      : `  ${config.auth.apiKeys.length} API key(s) accepted as "Authorization: Bearer <key>" or "X-API-Key: <key>".`,
    '',
    'Run a matter through LDA → DEA → LSA:',
    `  ${sampleCurl(serving.url, config.auth.apiKeys.length > 0)}`,
    '',
    `OpenAPI: ${serving.url}/openapi.json   Plans: ${serving.url}/v1/plans   Stop: Ctrl-C`,
    '',
  ];
  return lines.join('\n');
}
