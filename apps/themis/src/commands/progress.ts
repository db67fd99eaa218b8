import type { PlanView } from '@themis/projections';

const mark: Record<string, string> = { pending: '·', dispatched: '…', retry_scheduled: '↻', completed: '✓', failed: '✗' };

function stepLine(step: PlanView['steps'][number]): string {
  const took = step.durationMs === null ? '' : ` ${(step.durationMs / 1000).toFixed(2)} s`;
  const attempt = step.attempt > 1 ? ` (attempt ${step.attempt})` : '';
  const error = step.error === null ? '' : ` — ${step.error.code}: ${step.error.message}`;
  return `  ${mark[step.status] ?? '?'} ${step.id.padEnd(6)} ${step.status.replace('_', ' ')}${attempt}${took}${error}`;
}

/**
 * Shows a plan's steps as they progress: redrawn in place on a terminal, one line per change
 * otherwise (so logs and CI output stay readable).
 */
export class ProgressView {
  readonly #out: NodeJS.WriteStream;
  readonly #tty: boolean;
  #drawn = 0;
  #last = new Map<string, string>();

  constructor(out: NodeJS.WriteStream) {
    this.#out = out;
    this.#tty = out.isTTY === true;
  }

  update(view: PlanView): void {
    if (this.#tty) {
      const lines = [`${view.title} — ${view.status}`, ...view.steps.map(stepLine)];
      if (this.#drawn > 0) this.#out.write(`\x1b[${this.#drawn}F\x1b[J`);
      this.#out.write(`${lines.join('\n')}\n`);
      this.#drawn = lines.length;
      return;
    }
    for (const step of view.steps) {
      const line = stepLine(step);
      if (this.#last.get(step.id) !== line) this.#out.write(`${line}\n`);
      this.#last.set(step.id, line);
    }
  }
}
