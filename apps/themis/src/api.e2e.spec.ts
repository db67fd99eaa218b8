import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Express } from 'express';
import { loadConfig } from '@themis/config';
import { apiSchemas, createGatewayApp } from '@themis/gateway';
import { silentLogger } from '@themis/telemetry';
import { createTestDatabase, type TestDatabase } from '@themis/testing';
import { startRuntime, type Runtime } from './runtime/runtime.ts';
import { sampleMatter } from './commands/sample-request.ts';

const KEY = 'spec-key-0123456789';
const ROTATED = 'spec-key-rotated-42';

describe('HTTP API on the embedded runtime', () => {
  let db: TestDatabase;
  let runtime: Runtime;
  let app: Express;
  const auth = { Authorization: `Bearer ${KEY}` };

  beforeAll(async () => {
    db = await createTestDatabase('pg18', false);
    const config = loadConfig({ DATABASE_URL: db.url, THEMIS_API_KEY: KEY, THEMIS_API_KEYS: ROTATED, MAX_PAYLOAD_SIZE_MB: '0.05', EXECUTE_WAIT_SECONDS: '30' });
    runtime = await startRuntime(config, silentLogger);
    app = createGatewayApp({
      service: runtime.service,
      logger: silentLogger,
      apiKeys: config.auth.apiKeys,
      maxPayloadBytes: config.http.maxPayloadBytes,
      executeWaitMs: config.execution.waitMs,
      healthChecks: { store: async () => void (await runtime.database.pool.query('SELECT 1')) },
    });
  });
  afterAll(async () => {
    await runtime.stop();
    await db.drop();
  });

  const expectProblem = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(apiSchemas.problem.parse(res.body)).toMatchObject({ status, code });
  };

  it('runs a matter through LDA, DEA and LSA and the assembly, and answers 200 with every artifact', async () => {
    const res = await request(app).post('/v1/runs').set(auth).send({ matter: sampleMatter });
    expect(res.status).toBe(200);
    const body = apiSchemas.executionResult.parse(res.body);
    expect(body.plan.status).toBe('completed');
    expect(Object.keys(body.artifacts).sort()).toEqual(['assembly', 'dea', 'lda', 'lsa']);
    expect(body.plan.steps.find((s) => s.id === 'dea')?.inputs).toEqual(['lda']);
    expect(body.plan.steps.find((s) => s.id === 'lsa')?.inputs).toEqual(['lda', 'dea']);
    expect(body.plan.steps.find((s) => s.id === 'assembly')).toMatchObject({ agent: 'lsa', task: 'assemble_demand_pack', inputs: ['lda', 'dea', 'lsa'] });
    expect(body.plan.matter).toEqual(sampleMatter);
    expect(res.headers['location']).toBe(`/v1/plans/${body.plan.id}`);
    // The analyses write their prose through the offline provider; the assembly renders a letter from them, with no model.
    expect(body.plan.steps.map((s) => [s.id, s.models])).toEqual([
      ['lda', ['offline/themis-offline-1']],
      ['dea', ['offline/themis-offline-1']],
      ['lsa', ['offline/themis-offline-1']],
      ['assembly', []],
    ]);
  });

  it('creates a plan (201 + Location), executes it, and reads it, its artifacts, events and audit back', async () => {
    const created = await request(app).post('/v1/plans').set(auth).send({ matter: sampleMatter });
    expect(created.status).toBe(201);
    const plan = apiSchemas.planView.parse(created.body);
    expect(created.headers['location']).toBe(`/v1/plans/${plan.id}`);
    expect(plan.status).toBe('planned');

    const executed = await request(app).post(`/v1/plans/${plan.id}/execute`).set(auth);
    expect(executed.status).toBe(200);
    expect(apiSchemas.executionResult.parse(executed.body).plan.status).toBe('completed');

    const read = await request(app).get(`/v1/plans/${plan.id}`).set(auth);
    expect(apiSchemas.planView.parse(read.body).version).toBe(11);
    const artifacts = apiSchemas.artifactsResponse.parse((await request(app).get(`/v1/plans/${plan.id}/artifacts`).set(auth)).body);
    expect(Object.keys(artifacts.artifacts).sort()).toEqual(['assembly', 'dea', 'lda', 'lsa']);
    const lda = await request(app).get(`/v1/plans/${plan.id}/artifacts/lda`).set(auth);
    expect(lda.body).toEqual(artifacts.artifacts['lda']);
    const events = apiSchemas.eventsResponse.parse((await request(app).get(`/v1/plans/${plan.id}/events`).set(auth)).body);
    expect(events.events).toHaveLength(11);
    expect(events.events[1]!.prevHash).toBe(events.events[0]!.hash);
    const audit = apiSchemas.auditResponse.parse((await request(app).get(`/v1/plans/${plan.id}/audit`).set(auth)).body);
    expect(audit).toEqual({ planId: plan.id, valid: true, eventCount: 11, headHash: events.events[10]!.hash, firstBreak: null });
    const earlier = apiSchemas.planView.parse((await request(app).get(`/v1/plans/${plan.id}?asOf=1`).set(auth)).body);
    expect([earlier.status, earlier.version]).toEqual(['planned', 1]);

    expectProblem(await request(app).post(`/v1/plans/${plan.id}/execute`).set(auth), 409, 'plan_already_settled');
  });

  it('serves the demand pack: timeline.csv and the letter in Markdown, DOCX and PDF, the same bytes every time', async () => {
    const run = await request(app).post('/v1/runs').set(auth).send({ matter: sampleMatter });
    const id = run.body.plan.id as string;
    const list = apiSchemas.documentsResponse.parse((await request(app).get(`/v1/plans/${id}/documents`).set(auth)).body);
    expect(list.documents.map((d) => d.name)).toEqual(['timeline.csv', 'demand-letter.md', 'demand-letter.docx', 'demand-letter.pdf']);
    const fetch = (name: string) => request(app).get(`/v1/plans/${id}/documents/${name}`).set(auth).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const csv = await fetch('timeline.csv');
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    expect((csv.body as Buffer).toString('utf8').split('\r\n')[0]).toBe('date,precision,description,kind,source');
    expect((csv.body as Buffer).toString('utf8')).toContain('2025-09-12,day,Rear-end collision at Main St and 5th Ave');
    const markdown = (await fetch('demand-letter.md')).body as Buffer;
    const letter = (run.body.artifacts.assembly as { demand_letter: { letterDate: string; damages: { economicTotal: number } } }).demand_letter;
    expect(markdown.toString('utf8')).toContain('Subject: Settlement Demand');
    expect(markdown.toString('utf8')).toContain('Jane Doe');
    expect(markdown.toString('utf8')).toContain('$12,000');
    const docx = await fetch('demand-letter.docx');
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((docx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await fetch('demand-letter.pdf');
    expect([pdf.headers['content-type'], (pdf.body as Buffer).subarray(0, 5).toString('latin1')]).toEqual(['application/pdf', '%PDF-']);
    expect(Buffer.compare(pdf.body as Buffer, (await fetch('demand-letter.pdf')).body as Buffer)).toBe(0);
    expect(letter.damages.economicTotal).toBe(12000);
    expectProblem(await request(app).get(`/v1/plans/${id}/documents/complaint.pdf`).set(auth), 404, 'document_not_found');
    const unrun = await request(app).post('/v1/plans').set(auth).send({ matter: sampleMatter });
    expectProblem(await request(app).get(`/v1/plans/${unrun.body.id as string}/documents/demand-letter.pdf`).set(auth), 409, 'document_unavailable');
  });

  it('answers 202 with a Location at once when asked to respond asynchronously', async () => {
    const res = await request(app).post('/v1/runs').set(auth).set('Prefer', 'respond-async').send({ matter: sampleMatter });
    expect(res.status).toBe(202);
    expect(res.headers['preference-applied']).toBe('respond-async');
    const location = res.headers['location'] as string;
    expect(location).toMatch(/^\/v1\/plans\/[0-9a-f-]{36}$/);
    const deadline = Date.now() + 20_000;
    let status = 'running';
    while (status !== 'completed' && Date.now() < deadline) {
      status = (await request(app).get(location).set(auth)).body.status as string;
      if (status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe('completed');
  });

  it('lists plans with a cursor and a status filter', async () => {
    const page = apiSchemas.planList.parse((await request(app).get('/v1/plans?limit=1&status=completed').set(auth)).body);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.status).toBe('completed');
    expect(page.nextCursor).not.toBeNull();
    const next = apiSchemas.planList.parse((await request(app).get(`/v1/plans?limit=1&status=completed&cursor=${page.nextCursor!}`).set(auth)).body);
    expect(next.items[0]!.id).not.toBe(page.items[0]!.id);
    expectProblem(await request(app).get('/v1/plans?limit=0').set(auth), 422, 'invalid_query');
    expectProblem(await request(app).get('/v1/plans?cursor=garbage').set(auth), 422, 'invalid_cursor');
  });

  describe('client mistakes get problem+json, never a 500, and change nothing', () => {
    it('malformed JSON → 400', async () => {
      const res = await request(app).post('/v1/plans').set(auth).set('Content-Type', 'application/json').send('{"matter": {');
      expectProblem(res, 400, 'malformed_json');
    });

    it('schema violations → 422 listing every failing field', async () => {
      const res = await request(app)
        .post('/v1/plans')
        .set(auth)
        .send({ matter: { summary: 'A fall at the market on ice.', parties: [], documents: [{ title: 'Report', date: 'yesterday-ish' }] }, tmplate: 'x' });
      expectProblem(res, 422, 'invalid_body');
      const paths = (res.body as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['matter.parties', 'matter.documents.0.date']));
      expect(paths).toContain('tmplate');
    });

    it('unknown plan → 404, including an id that is not a UUID', async () => {
      expectProblem(await request(app).get('/v1/plans/0193a5b0-7c1d-7cc0-9a51-3f0f3b1c2d4e').set(auth), 404, 'plan_not_found');
      expectProblem(await request(app).get('/v1/plans/not-a-uuid').set(auth), 404, 'plan_not_found');
      expectProblem(await request(app).post('/v1/plans/0193a5b0-7c1d-7cc0-9a51-3f0f3b1c2d4e/execute').set(auth), 404, 'plan_not_found');
    });

    it('a body over MAX_PAYLOAD_SIZE_MB → 413, chunked or not', async () => {
      const big = { matter: { ...sampleMatter, summary: 'x'.repeat(60_000) } };
      expectProblem(await request(app).post('/v1/plans').set(auth).send(big), 413, 'payload_too_large');
      // A chunked body has no Content-Length to check up front: it is counted as it arrives.
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1/plans', headers: { ...auth, 'Content-Type': 'application/json' } }, (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
          });
          req.on('error', reject);
          const text = JSON.stringify(big);
          for (let i = 0; i < text.length; i += 4096) req.write(text.slice(i, i + 4096));
          req.end();
        });
        expect(answer.status).toBe(413);
        expect(answer.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large' });
      } finally {
        server.close();
      }
    });

    it('a body that is not JSON → 415', async () => {
      expectProblem(await request(app).post('/v1/plans').set(auth).set('Content-Type', 'text/plain').send('matter'), 415, 'unsupported_media_type');
    });

    it('no key or a wrong key → 401; Bearer, X-API-Key and a rotated key are accepted', async () => {
      const missing = await request(app).get('/v1/plans');
      expectProblem(missing, 401, 'missing_credentials');
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expectProblem(await request(app).get('/v1/plans').set('Authorization', 'Bearer nope-nope-nope'), 401, 'invalid_api_key');
      expectProblem(await request(app).get('/v1/plans').set('Authorization', '   '), 401, 'missing_credentials');
      expect((await request(app).get('/v1/plans?limit=1').set('X-API-Key', KEY)).status).toBe(200);
      expect((await request(app).get('/v1/plans?limit=1').set('Authorization', `bearer ${ROTATED}`)).status).toBe(200);
      expect((await request(app).get('/health')).status).toBe(200);
    });

    it('a wrong method → 405 with Allow; an unknown route → 404', async () => {
      const res = await request(app).delete('/v1/plans').set(auth);
      expectProblem(res, 405, 'method_not_allowed');
      expect(res.headers['allow']).toBe('GET, POST');
      expectProblem(await request(app).get('/v1/nothing-here').set(auth), 404, 'route_not_found');
    });

    it('answers what a client can send with a 4xx, never a 500', async () => {
      const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
      const cases: [request.Test, number][] = [
        [request(app).post('/v1/plans').set(auth).send({ matter: sampleMatter, template: 'constructor' }), 422],
        [request(app).post('/v1/plans').set(auth).send({ matter: sampleMatter, template: '__proto__' }), 422],
        [request(app).get(`/v1/plans?cursor=${cursorOf(['2025-01-01T00:00:00Z', '-'.repeat(36)])}`).set(auth), 422],
        [request(app).get(`/v1/plans?cursor=${cursorOf(['+275760-09-13T00:00:00Z', '0193a5b0-7c1d-7cc0-9a51-3f0f3b1c2d4e'])}`).set(auth), 422],
        [request(app).get('/v1/plans/0193a5b0-7c1d-7cc0-9a51-3f0f3b1c2d4e?asOf=99999999999').set(auth), 422],
        [request(app).get('/v1/plans/0193a5b0-7c1d-7cc0-9a51-3f0f3b1c2d4e?asOf=yesterday').set(auth), 422],
        [request(app).get('/v1/plans/%E0%A4%A').set(auth), 400],
        [request(app).post('/v1/plans').set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all'), 400],
      ];
      for (const [sent, status] of cases) {
        const res = await sent;
        expect([res.status, res.headers['content-type']]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
      }
      let deep: Record<string, unknown> = { leaf: true };
      for (let i = 0; i < 2_000; i += 1) deep = { d: deep };
      const nested = await request(app).post('/v1/plans').set(auth).send({ matter: { ...sampleMatter, deep } });
      expectProblem(nested, 422, 'invalid_matter');
      expect(nested.body.errors).toEqual([{ path: 'matter', message: 'nests deeper than 64 levels' }]);
    });

    it('keeps keys such as __proto__ and constructor in the matter, also when folded from the store again', async () => {
      const text = `{"matter":${JSON.stringify(sampleMatter).slice(0, -1)},"__proto__":{"polluted":true},"nested":{"__proto__":{"x":1},"constructor":"c"}}}`;
      const created = await request(app).post('/v1/plans').set(auth).set('Content-Type', 'application/json').send(text);
      expect(created.status).toBe(201);
      const sent = (JSON.parse(text) as { matter: unknown }).matter;
      const folded = await request(app).get(`/v1/plans/${created.body.id as string}?asOf=1`).set(auth);
      expect(JSON.stringify(folded.body.matter)).toBe(JSON.stringify(sent));
      expect(JSON.stringify(folded.body.matter)).toContain('"__proto__":{"polluted":true}');
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    });

    it('stores the matter exactly as given: unicode, markup, newlines and unknown keys', async () => {
      const matter = { ...sampleMatter, summary: 'Line one\nLine two <script>alert(1)</script> — café 𝄞', custom: { nested: { kept: true } } };
      const created = await request(app).post('/v1/plans').set(auth).send({ matter });
      expect(created.status).toBe(201);
      expect(JSON.stringify((await request(app).get(`/v1/plans/${created.body.id as string}`).set(auth)).body.matter)).toBe(JSON.stringify(matter));
    });
  });

  it('carries the request id of the client into the response and the events', async () => {
    const res = await request(app).post('/v1/plans').set(auth).set('X-Request-ID', 'client-req-77').send({ matter: sampleMatter });
    expect(res.headers['x-request-id']).toBe('client-req-77');
    const events = (await request(app).get(`/v1/plans/${res.body.id as string}/events`).set(auth)).body.events as { metadata: { correlationId: string; actor: string } }[];
    expect(events[0]!.metadata.correlationId).toBe('client-req-77');
    expect(events[0]!.metadata.actor).toMatch(/^key:[0-9a-f]{12}$/);
    expect(JSON.stringify(events)).not.toContain(KEY);
  });

  it('serves an OpenAPI 3.1 document that covers every route', async () => {
    const doc = (await request(app).get('/openapi.json')).body as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/plans', '/v1/runs', '/v1/plans/{id}', '/v1/plans/{id}/execute', '/v1/plans/{id}/artifacts', '/orchestrator/plan', '/orchestrator/execute']),
    );
  });

  describe("the Python API's /orchestrator paths", () => {
    it('plans and executes with the upstream shapes', async () => {
      const planned = await request(app).post('/orchestrator/plan').set(auth).set('Content-Type', 'text/plain').send(JSON.stringify({ matter: sampleMatter }));
      expect(planned.status).toBe(200);
      expect(planned.body).toMatchObject({ status: 'planned', connectors: [], matter: sampleMatter });
      expect((planned.body.steps as { id: string; agent: string; dependencies: string[] }[]).map((s) => [s.id, s.agent, s.dependencies])).toEqual([
        ['lda', 'lda', []],
        ['dea', 'dea', ['lda']],
        ['lsa', 'lsa', ['lda', 'dea']],
        ['assembly', 'dda', ['lda', 'dea', 'lsa']],
      ]);
      expect(planned.body.graph.lda.successors).toEqual(['dea', 'lsa', 'assembly']);

      const executed = await request(app).post('/orchestrator/execute').set(auth).send({ plan_id: planned.body.plan_id });
      expect(executed.status).toBe(200);
      expect(executed.body.status).toBe('complete');
      expect(Object.keys(executed.body.artifacts as object).sort()).toEqual(['dda', 'dea', 'lda', 'lsa']);
      expect((executed.body.trace as { event: string }[]).filter((t) => t.event === 'phase_complete')).toHaveLength(4);

      const artifacts = await request(app).get(`/orchestrator/artifacts/${planned.body.plan_id as string}`).set(auth);
      expect(Object.keys(artifacts.body as object).sort()).toEqual(['dda', 'dea', 'lda', 'lsa']);
      expect((await request(app).get(`/orchestrator/plans/${planned.body.plan_id as string}`).set(auth)).body.status).toBe('complete');
    });

    it('keeps the upstream error wording, as problem+json', async () => {
      const neither = await request(app).post('/orchestrator/execute').set(auth).send({});
      expectProblem(neither, 400, 'plan_or_matter_required');
      expect(neither.body.detail).toBe('Provide either an existing plan_id or a matter payload to execute.');
      const unknown = await request(app).get('/orchestrator/plans/nope').set(auth);
      expectProblem(unknown, 404, 'plan_not_found');
      expect(unknown.body.detail).toBe("Plan 'nope' does not exist");
      const notRun = await request(app).post('/orchestrator/plan').set(auth).send({ matter: sampleMatter });
      expectProblem(await request(app).get(`/orchestrator/artifacts/${notRun.body.plan_id as string}`).set(auth), 404, 'execution_not_found');
      expectProblem(await request(app).post('/orchestrator/plan').set(auth).send({ matter: sampleMatter, extra: 1 }), 422, 'invalid_body');
      expectProblem(await request(app).post('/orchestrator/plan').set(auth).send([1, 2]), 422, 'invalid_body');
    });
  });
});
