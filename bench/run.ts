// `npm run bench`: event-store and end-to-end figures of the embedded runtime, each printed beside
// a baseline measured in the same run on the same machine (see bench/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRuntime, sampleMatter } from '@themis/cli';
import { loadConfig } from '@themis/config';
import { decidePlan, evolvePlan, initialPlanState, type JsonObject, type PlanCommand, type PlanEvent, type PlanState, planEventSchemaVersions, parsePlanEvent } from '@themis/domain';
import { PgEventStore, startEmbeddedPostgres } from '@themis/event-store';
import { createAgentRunners, piDemandTemplate } from '@themis/legal';
import { OfflineProvider } from '@themis/llm';
import { silentLogger } from '@themis/telemetry';
import { Cluster } from '@themis/testing';

const rows: [string, string, string][] = [];
const record = (what: string, value: string, baseline: string) => {
  rows.push([what, value, baseline]);
  process.stderr.write(`  ${what}: ${value}  (baseline: ${baseline})\n`);
};
const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

const EXECUTIONS = 60;
const CONCURRENCY = 10;
let embeddedFigures: { p50: number; p95: number; rate: number } | undefined;

/** Milliseconds to complete EXECUTIONS plans, CONCURRENCY at a time. */
async function throughput(run: (matter: JsonObject) => Promise<string>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < EXECUTIONS) {
        next += 1;
        const status = await run(sampleMatter);
        if (status !== 'completed') throw new Error(`bench plan ended ${status}`);
      }
    }),
  );
  return performance.now() - started;
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/**
 * Memory of a process and all its descendants, from /proc (Linux): the proportional set size, so
 * the shared memory PostgreSQL's processes all map is counted once, not once per process.
 */
function treeMemoryMb(rootPid: number, field: 'Pss' | 'Rss'): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const pid of tree) {
    try {
      kb += Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // ended
    }
  }
  return kb / 1024;
}

/** The events of one completed three-step plan, produced by the real decider. */
function completedPlanEvents(planId: string): PlanEvent[] {
  const now = new Date('2026-01-01T00:00:00Z');
  let state: PlanState = initialPlanState();
  const events: PlanEvent[] = [];
  const apply = (command: PlanCommand) => {
    for (const event of decidePlan(command, state)) {
      events.push(event);
      state = evolvePlan(state, event);
    }
  };
  apply({
    type: 'CreatePlan',
    data: { planId, template: 'pi-demand', title: 'Bench v. Mark', matter: sampleMatter, steps: piDemandTemplate.steps, policy: { stepTimeoutMs: 1000, maxAttempts: 3, retryBaseDelayMs: 10 } },
    metadata: { now },
  });
  apply({ type: 'ExecutePlan', data: {}, metadata: { now } });
  for (const stepId of ['lda', 'dea', 'lsa']) {
    apply({ type: 'CompleteStep', data: { stepId, attempt: 1, artifact: { agent: stepId, facts: ['a', 'b', 'c'] }, llmCalls: [], durationMs: 3 }, metadata: { now } });
  }
  return events;
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'themis-bench-'));
  await chmod(work, 0o711);
  const nodeBaselineMb = treeMemoryMb(process.pid, 'Pss');
  try {
    process.stderr.write('Embedded PostgreSQL start\n');
    const [cold, coldMs] = await timed(() => startEmbeddedPostgres({ dataDir: path.join(work, 'store'), logger: silentLogger }));
    await cold.stop();
    const [server, warmMs] = await timed(() => startEmbeddedPostgres({ dataDir: path.join(work, 'store'), logger: silentLogger }));
    record('embedded PostgreSQL ready, second start', ms(warmMs), `first start with initdb ${ms(coldMs)}`);
    await server.stop();

    const config = loadConfig({ THEMIS_DATA_DIR: path.join(work, 'runtime'), CACHE_TTL_SECONDS: '60' });
    const [runtime, runtimeMs] = await timed(() => startRuntime(config, silentLogger));
    record('embedded runtime ready (PostgreSQL + migrations + apps)', ms(runtimeMs), 'see above');
    const pool = runtime.database.pool;
    const store = new PgEventStore(pool);
    const metadata = { actor: 'bench', correlationId: 'bench', causationId: null, traceparent: null };
    const payload = { summary: sampleMatter.summary, n: 1 };

    process.stderr.write('Event store appends\n');
    await pool.query('CREATE TABLE bench_plain (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data json NOT NULL)');
    const singles = 1_000;
    const [, plainMs] = await timed(async () => {
      for (let i = 0; i < singles; i += 1) await pool.query('INSERT INTO bench_plain (data) VALUES ($1)', [JSON.stringify(payload)]);
    });
    const [, appendMs] = await timed(async () => {
      for (let i = 0; i < singles; i += 1) {
        await store.appendToStream(`bench-single-${i}`, [{ type: 'Benched', data: payload, schemaVersion: 1 }], { expectedVersion: 0, metadata, now: new Date() });
      }
    });
    record('appends/s, one event per append', rate(singles, appendMs), `plain INSERT ${rate(singles, plainMs)}`);

    const batches = 50;
    const perBatch = 100;
    const [, plainBatchMs] = await timed(async () => {
      for (let b = 0; b < batches; b += 1) {
        await pool.query('INSERT INTO bench_plain (data) SELECT d::json FROM unnest($1::text[]) AS d', [Array.from({ length: perBatch }, () => JSON.stringify(payload))]);
      }
    });
    const [, batchMs] = await timed(async () => {
      for (let b = 0; b < batches; b += 1) {
        const events = Array.from({ length: perBatch }, () => ({ type: 'Benched', data: payload, schemaVersion: 1 }));
        await store.appendToStream(`bench-batch-${b}`, events, { expectedVersion: 0, metadata, now: new Date() });
      }
    });
    record(`events/s, ${perBatch} events per append`, rate(batches * perBatch, batchMs), `multi-row INSERT ${rate(batches * perBatch, plainBatchMs)}`);

    process.stderr.write('Fold (replay)\n');
    const plans = 300;
    const streams: string[] = [];
    for (let p = 0; p < plans; p += 1) {
      const planId = `0193a5b0-7c1d-7cc0-9a51-${String(p).padStart(12, '0')}`;
      const events = completedPlanEvents(planId);
      streams.push(`plan-${planId}`);
      await store.appendToStream(`plan-${planId}`, events.map((e) => ({ type: e.type, data: e.data, schemaVersion: planEventSchemaVersions[e.type] })), { expectedVersion: 0, metadata, now: new Date() });
    }
    const inMemory = await Promise.all(streams.map((s) => store.readStream(s)));
    const total = inMemory.reduce((sum, events) => sum + events.length, 0);
    const fold = (recorded: (typeof inMemory)[number]) => recorded.reduce((s, e) => evolvePlan(s, parsePlanEvent(e.type, e.data)), initialPlanState());
    const [, bareFoldMs] = await timed(() => {
      for (const events of inMemory) fold(events);
    });
    const [, replayMs] = await timed(async () => {
      for (const stream of streams) fold(await store.readStream(stream));
    });
    record('fold (replay) events/s, read from PostgreSQL and folded', rate(total, replayMs), `fold of the same events in memory ${rate(total, bareFoldMs)}`);

    process.stderr.write('End to end (3-step plan pi-analysis, embedded)\n');
    const runners = createAgentRunners();
    const llm = new OfflineProvider();
    const bare: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const started = performance.now();
      const lda = await runners.lda({ matter: sampleMatter, inputs: {} }, { llm, now: new Date() });
      const dea = await runners.dea({ matter: sampleMatter, inputs: { lda: lda.artifact } }, { llm, now: new Date() });
      await runners.lsa({ matter: sampleMatter, inputs: { lda: lda.artifact, dea: dea.artifact } }, { llm, now: new Date() });
      bare.push(performance.now() - started);
    }
    const context = { actor: 'bench', correlationId: 'bench', traceparent: null };
    const endToEnd: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const started = performance.now();
      // pi-analysis: the three agent steps, without the document assembly.
      const outcome = await runtime.service.runMatter({ matter: sampleMatter, template: 'pi-analysis' }, context, { waitMs: 30_000 });
      if (outcome.view.status !== 'completed') throw new Error(`bench plan ended ${outcome.view.status}`);
      endToEnd.push(performance.now() - started);
    }
    record('end-to-end latency p50 / p95, embedded', `${ms(percentile(endToEnd, 50))} / ${ms(percentile(endToEnd, 95))}`, `the three agents called directly ${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))}`);
    const embeddedRate = await throughput((matter) => runtime.service.runMatter({ matter, template: 'pi-analysis' }, context, { waitMs: 60_000 }).then((o) => o.view.status));
    embeddedFigures = { p50: percentile(endToEnd, 50), p95: percentile(endToEnd, 95), rate: embeddedRate };
    record(`executions/s, embedded (${CONCURRENCY} at a time)`, rate(EXECUTIONS, embeddedRate), 'see the distributed figures below');

    const postgresPid = Number(readFileSync(path.join(work, 'runtime', 'pg18', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const nodeMb = treeMemoryMb(process.pid, 'Pss') - treeMemoryMb(postgresPid, 'Pss');
    const postgresMb = treeMemoryMb(postgresPid, 'Pss');
    const rssSumMb = treeMemoryMb(process.pid, 'Rss');
    record(
      'resident memory of the embedded process tree (PSS)',
      `${(nodeMb + postgresMb).toFixed(0)} MB (Node ${nodeMb.toFixed(0)} + PostgreSQL ${postgresMb.toFixed(0)}; RSS summed over processes ${rssSumMb.toFixed(0)})`,
      `bare Node before start ${nodeBaselineMb.toFixed(0)} MB`,
    );

    await runtime.stop();
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  process.stderr.write('Distributed (gateway, orchestrator and three agents as processes; PostgreSQL, Kafka, Redis)\n');
  const cluster = await Cluster.start();
  try {
    const run = async (matter: JsonObject) => {
      const res = await fetch(`${cluster.gatewayUrl}/v1/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ matter, template: 'pi-analysis' }) });
      return ((await res.json()) as { plan: { status: string } }).plan.status;
    };
    for (let i = 0; i < 5; i += 1) await run(sampleMatter); // warm the consumers up
    const latencies: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const started = performance.now();
      const status = await run(sampleMatter);
      if (status !== 'completed') throw new Error(`bench plan ended ${status}`);
      latencies.push(performance.now() - started);
    }
    const e = embeddedFigures;
    record('end-to-end latency p50 / p95, distributed through Kafka', `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`, `embedded ${ms(e.p50)} / ${ms(e.p95)}`);
    const distributedRate = await throughput(run);
    record(`executions/s, distributed (${CONCURRENCY} at a time)`, rate(EXECUTIONS, distributedRate), `embedded ${rate(EXECUTIONS, e.rate)}`);
  } finally {
    await cluster.close();
  }

  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['measure', 'Themis', 'baseline (same run)'][i]!.length));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(width[i]!)).join(' | ')} |`;
  process.stdout.write(`\n${line(['measure', 'Themis', 'baseline (same run)'])}\n${line(width.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(`\nNode ${process.version}, ${new Date().toISOString()}\n`);
}

await main();
