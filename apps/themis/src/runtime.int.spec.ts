import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@themis/config';
import { createAgentRunners } from '@themis/legal';
import { silentLogger } from '@themis/telemetry';
import { createTestDatabase, type TestDatabase } from '@themis/testing';
import { sampleMatter } from './commands/sample-request.ts';
import { startRuntime } from './runtime/runtime.ts';

const context = { actor: 'key:spec', correlationId: 'req-runtime-spec', traceparent: null };

describe('the embedded runtime', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pg18', false);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('records the result of a step in flight when it stops, and finishes the plan after a restart without a timeout', async () => {
    const config = loadConfig({ DATABASE_URL: db.url, STEP_TIMEOUT_SECONDS: '600' });
    const real = createAgentRunners();
    let ldaStarted!: () => void;
    const ldaRunning = new Promise<void>((resolve) => (ldaStarted = resolve));
    const slowLda = {
      ...real,
      lda: async (...args: Parameters<typeof real.lda>) => {
        ldaStarted();
        await new Promise((resolve) => setTimeout(resolve, 800));
        return real.lda(...args);
      },
    };
    const first = await startRuntime(config, silentLogger, { runners: slowLda });
    const started = await first.service.runMatter({ matter: sampleMatter }, context, { waitMs: 0 });
    await ldaRunning;
    await first.stop(); // while LDA is still working

    const afterStop = await (async () => {
      const second = await startRuntime(config, silentLogger);
      try {
        const events = await second.service.getEvents(started.view.id);
        const outcome = await second.service.executePlan(started.view.id, context, { waitMs: 30_000 });
        return { events, outcome, all: await second.service.getEvents(started.view.id) };
      } finally {
        await second.stop();
      }
    })();
    // LDA's result was recorded by the first runtime before it stopped.
    expect(afterStop.events.filter((e) => e.type === 'StepCompleted').map((e) => (e.data as { stepId: string }).stepId)).toEqual(['lda']);
    expect(afterStop.outcome.view.status).toBe('completed');
    // Every step ran once: nothing was lost and waited out as a timeout.
    expect(afterStop.outcome.view.steps.map((s) => [s.id, s.attempt])).toEqual([
      ['lda', 1],
      ['dea', 1],
      ['lsa', 1],
      ['assembly', 1],
    ]);
    expect(afterStop.all.filter((e) => e.type === 'StepFailed')).toEqual([]);
    expect(afterStop.all.filter((e) => e.type === 'StepCompleted')).toHaveLength(4);
  });
});
