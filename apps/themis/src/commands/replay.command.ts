import type { ThemisConfig } from '@themis/config';
import { openDatabase, PgEventStore, verifyChain } from '@themis/event-store';
import { foldRecorded, parseAsOf, planStreamId, toPlanView } from '@themis/projections';
import type { Logger } from '@themis/telemetry';

export interface ReplayOptions {
  readonly planId: string;
  readonly asOf: string | undefined;
  readonly json: boolean;
}


/**
 * `themis replay <planId>`: folds the stored history into the plan's state and prints it. It reads
 * events only: no agent and no model is called again. `verify` checks the hash chain.
 */
export async function replay(config: ThemisConfig, logger: Logger, options: ReplayOptions & { verifyOnly?: boolean }, out: NodeJS.WriteStream): Promise<number> {
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf, '--as-of');
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, logger, attachToRunning: true });
  try {
    const store = new PgEventStore(database.pool);
    const all = await store.readStream(planStreamId(options.planId));
    if (all.length === 0) {
      out.write(`No plan ${options.planId} in this event store.\n`);
      return 2;
    }
    const chainBreak = verifyChain(all);
    const events = asOf === undefined ? all : all.filter((e) => ('version' in asOf ? e.streamVersion <= asOf.version : Date.parse(e.occurredAt) <= asOf.time.getTime()));
    const view = toPlanView(foldRecorded(events), events.at(-1)?.streamVersion ?? 0);
    if (options.verifyOnly === true) {
      out.write(chainBreak === undefined ? `Hash chain intact: ${all.length} events, head ${all.at(-1)!.hash}\n` : `Hash chain BROKEN at version ${chainBreak.streamVersion}: ${chainBreak.reason}\n`);
      return chainBreak === undefined ? 0 : 1;
    }
    if (options.json) {
      out.write(`${JSON.stringify({ plan: view ?? null, hashChain: chainBreak ?? 'intact' }, null, 2)}\n`);
      return 0;
    }
    out.write(`Replayed ${events.length} of ${all.length} events of plan ${options.planId}; hash chain ${chainBreak === undefined ? 'intact' : `BROKEN at version ${chainBreak.streamVersion}`}.\n`);
    if (view === undefined) {
      out.write('The plan did not exist yet at that point.\n');
      return 0;
    }
    out.write(`${view.title}: ${view.status} (version ${view.version}), created ${view.createdAt}\n`);
    for (const step of view.steps) {
      const models = step.models.length > 0 ? ` via ${step.models.join(', ')}` : '';
      out.write(`  ${step.id}: ${step.status}, attempt ${step.attempt}${step.durationMs === null ? '' : `, ${step.durationMs} ms`}${models}, $${step.usage.costUsd.toFixed(4)}\n`);
    }
    for (const event of events) out.write(`  #${event.streamVersion} ${event.occurredAt} ${event.type} by ${event.metadata.actor}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
