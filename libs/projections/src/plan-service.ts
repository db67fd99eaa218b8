import type { JsonValue } from '@themis/domain';
import type { ChainBreak, RecordedEvent } from '@themis/event-store';
import type { PlanListPage, PlanListQuery } from './plan-list.ts';
import type { AsOf } from './plan-reader.ts';
import type { PlanView } from './plan-view.ts';

/** Who is asking, for the event metadata: the key id (never the key), the request id, the trace. */
export interface RequestContext {
  readonly actor: string;
  readonly correlationId: string;
  readonly traceparent: string | null;
}

export interface CreatePlanInput {
  /** The matter exactly as sent; validated, then stored unchanged. */
  readonly matter: JsonValue;
  readonly template?: string | undefined;
}

export interface ExecuteOptions {
  /** How long to wait for the plan to settle before answering with its current state. 0 = do not wait. */
  readonly waitMs: number;
}

export interface ExecuteOutcome {
  readonly view: PlanView;
  readonly artifacts: Readonly<Record<string, JsonValue>>;
  /** False when the wait ran out first (the plan keeps running). */
  readonly settled: boolean;
}

export interface AuditReport {
  readonly planId: string;
  readonly valid: boolean;
  readonly eventCount: number;
  readonly headHash: string | null;
  readonly firstBreak: ChainBreak | null;
}

/** What the HTTP API and the CLI can ask of the orchestrator, whether it runs in-process or elsewhere. */
export interface PlanService {
  createPlan(input: CreatePlanInput, context: RequestContext): Promise<PlanView>;
  executePlan(planId: string, context: RequestContext, options: ExecuteOptions): Promise<ExecuteOutcome>;
  /** Create and execute in one call. */
  runMatter(input: CreatePlanInput, context: RequestContext, options: ExecuteOptions): Promise<ExecuteOutcome>;
  cancelPlan(planId: string, reason: string, context: RequestContext): Promise<PlanView>;
  getPlan(planId: string, asOf?: AsOf): Promise<PlanView>;
  getArtifacts(planId: string): Promise<{ readonly view: PlanView; readonly artifacts: Readonly<Record<string, JsonValue>> }>;
  listPlans(query: PlanListQuery): Promise<PlanListPage>;
  getEvents(planId: string): Promise<readonly RecordedEvent[]>;
  audit(planId: string): Promise<AuditReport>;
  /** Resolves with each new version of the plan until it settles (for progress displays and streams). */
  watch(planId: string, onChange: (view: PlanView) => void, signal: AbortSignal): Promise<void>;
}
