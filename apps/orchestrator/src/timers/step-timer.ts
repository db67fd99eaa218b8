import { isSettled, type PlanCommand, type PlanState } from '@themis/domain';
import type { Logger } from '@themis/telemetry';

interface Armed {
  readonly kind: 'TimeOutStep' | 'RetryStep';
  readonly attempt: number;
  readonly at: number;
  readonly timer: NodeJS.Timeout;
}

const RETRY_AFTER_ERROR_MS = 1_000;

/**
 * Arms a timer for every dispatched step (its timeout) and every scheduled retry. When one fires
 * it sends TimeOutStep / RetryStep; the decider checks the deadline again, so a stale timer or a
 * second orchestrator firing the same timer changes nothing. The orchestrator feeds it every
 * committed change of a plan, whichever process appended it.
 */
export class StepTimer {
  readonly #fire: (planId: string, command: PlanCommand) => Promise<void>;
  readonly #clock: () => Date;
  readonly #logger: Logger;
  readonly #armed = new Map<string, Armed>();
  readonly #firing = new Set<Promise<void>>();
  /** Last version tracked per plan: a slow read must not bring an older state back. */
  readonly #versions = new Map<string, number>();
  #stopped = false;

  constructor(fire: (planId: string, command: PlanCommand) => Promise<void>, clock: () => Date, logger: Logger) {
    this.#fire = fire;
    this.#clock = clock;
    this.#logger = logger;
  }

  /** Brings the timers of one plan in line with its state at `version`; older versions are ignored. */
  track(planId: string, state: PlanState, version: number): void {
    if (this.#stopped || state.status === 'NotCreated' || version < (this.#versions.get(planId) ?? 0)) return;
    if (isSettled(state)) this.#versions.delete(planId);
    else this.#versions.set(planId, version);
    for (const stepId of state.stepOrder) {
      const step = state.steps[stepId]!;
      const key = `${planId}/${stepId}`;
      const wanted =
        state.status !== 'Running'
          ? undefined
          : step.status === 'dispatched' && step.timeoutAt !== undefined
            ? { kind: 'TimeOutStep' as const, at: Date.parse(step.timeoutAt) }
            : step.status === 'retry_scheduled' && step.retryAt !== undefined
              ? { kind: 'RetryStep' as const, at: Date.parse(step.retryAt) }
              : undefined;
      const current = this.#armed.get(key);
      if (current !== undefined && wanted !== undefined && current.kind === wanted.kind && current.attempt === step.attempt && current.at === wanted.at) continue;
      if (current !== undefined) {
        clearTimeout(current.timer);
        this.#armed.delete(key);
      }
      if (wanted !== undefined) this.#arm(planId, stepId, wanted.kind, step.attempt, wanted.at);
    }
  }

  #arm(planId: string, stepId: string, kind: Armed['kind'], attempt: number, at: number): void {
    const key = `${planId}/${stepId}`;
    const delay = Math.max(0, at - this.#clock().getTime());
    const timer = setTimeout(() => {
      this.#armed.delete(key);
      // Timers may fire a millisecond early by the wall clock; the command is for the moment it was set for.
      const now = new Date(Math.max(this.#clock().getTime(), at));
      const command: PlanCommand = { type: kind, data: { stepId, attempt }, metadata: { now } };
      const firing = this.#fire(planId, command)
        .catch((error: unknown) => {
          this.#logger.warn({ err: error, planId, stepId, kind }, 'step timer could not record its command; retrying');
          if (!this.#stopped) this.#arm(planId, stepId, kind, attempt, this.#clock().getTime() + RETRY_AFTER_ERROR_MS);
        })
        .finally(() => this.#firing.delete(firing));
      this.#firing.add(firing);
    }, Math.min(delay, 2_147_483_647));
    timer.unref();
    this.#armed.set(key, { kind, attempt, at, timer });
  }

  /** The last version of a running plan the timers were brought in line with; 0 when none. */
  trackedVersion(planId: string): number {
    return this.#versions.get(planId) ?? 0;
  }

  get armedCount(): number {
    return this.#armed.size;
  }

  /** Disarms every timer and waits for commands already fired. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const armed of this.#armed.values()) clearTimeout(armed.timer);
    this.#armed.clear();
    await Promise.all(this.#firing);
  }
}
