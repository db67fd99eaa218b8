import { type AppendListener } from '@themis/event-store';
import { type LoadedPlan, planIdOf, type PlanReader } from '@themis/projections';
import { isSettled } from '@themis/domain';

const POLL_MS = 1_000;

/** Lets callers wait for a plan to change or settle: woken by committed appends (any process), polling as a fallback. */
export class PlanWatcher {
  readonly #reader: PlanReader;
  readonly #waiting = new Map<string, Set<() => void>>();
  #unsubscribe: (() => void) | undefined;

  constructor(reader: PlanReader) {
    this.#reader = reader;
  }

  start(listener: AppendListener): void {
    this.#unsubscribe = listener.onAppend((streamId) => {
      const planId = planIdOf(streamId);
      if (planId !== undefined) this.notify(planId);
    });
  }

  stop(): void {
    this.#unsubscribe?.();
    for (const wakers of this.#waiting.values()) for (const wake of wakers) wake();
    this.#waiting.clear();
  }

  notify(planId: string): void {
    const wakers = this.#waiting.get(planId);
    if (wakers === undefined) return;
    this.#waiting.delete(planId);
    for (const wake of wakers) wake();
  }

  /** Resolves on the next change to the plan, or after `ms`. */
  #nextChange(planId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let wakers = this.#waiting.get(planId);
      if (wakers === undefined) {
        wakers = new Set();
        this.#waiting.set(planId, wakers);
      }
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** The plan once settled, or as it stands when `timeoutMs` runs out. */
  async waitForSettled(planId: string, timeoutMs: number): Promise<LoadedPlan> {
    const deadline = Date.now() + timeoutMs;
    let loaded = await this.#reader.load(planId);
    while (!isSettled(loaded.state) && Date.now() < deadline) {
      await this.#nextChange(planId, Math.min(POLL_MS, deadline - Date.now()));
      loaded = await this.#reader.refresh(planId);
    }
    return loaded;
  }

  /** Calls `onChange` with each new version until the plan settles or `signal` aborts. */
  async watch(planId: string, onChange: (loaded: LoadedPlan) => void, signal: AbortSignal): Promise<void> {
    let loaded = await this.#reader.load(planId);
    let seen = loaded.version;
    onChange(loaded);
    while (!isSettled(loaded.state) && !signal.aborted) {
      await this.#nextChange(planId, POLL_MS, signal);
      if (signal.aborted) return;
      loaded = await this.#reader.refresh(planId);
      if (loaded.version !== seen) {
        seen = loaded.version;
        onChange(loaded);
      }
    }
  }
}
