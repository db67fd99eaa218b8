import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { ThemisConfig } from '@themis/config';
import { type JsonValue, validationError } from '@themis/domain';
import { documentNames, MissingArtifactError, renderDocument } from '@themis/documents';
import { parseMatterText } from '@themis/legal';
import type { Logger } from '@themis/telemetry';
import { startRuntime } from '../runtime/runtime.ts';
import { ProgressView } from './progress.ts';

export interface RunOptions {
  readonly file: string;
  readonly outDir: string | undefined;
  readonly template: string | undefined;
}

async function readMatter(file: string): Promise<JsonValue> {
  const extension = path.extname(file).toLowerCase();
  const format = extension === '.json' ? 'json' : extension === '.yaml' || extension === '.yml' ? 'yaml' : undefined;
  if (format === undefined) throw validationError('unsupported_matter_file', `${file}: a matter file ends in .json, .yaml or .yml`);
  const text = await readFile(file, 'utf8');
  return parseMatterText(text, format) as JsonValue;
}

/** `themis run <matter>`: plan and execute one matter, showing progress, and write what it produced. Returns the exit code. */
export async function runMatterFile(config: ThemisConfig, logger: Logger, options: RunOptions, out: NodeJS.WriteStream): Promise<number> {
  const matter = await readMatter(options.file);
  const runtime = await startRuntime(config, logger, { attachToRunning: true });
  try {
    const context = { actor: `cli:${userInfo().username}`, correlationId: randomUUID(), traceparent: null };
    const started = await runtime.service.runMatter({ matter, template: options.template }, context, { waitMs: 0 });
    const planId = started.view.id;
    out.write(`Plan ${planId}: ${started.view.title}\n`);
    const progress = new ProgressView(out);
    await runtime.service.watch(planId, (view) => progress.update(view), new AbortController().signal);

    const { view, artifacts } = await runtime.service.getArtifacts(planId);
    const events = await runtime.service.getEvents(planId);
    const dir = path.resolve(options.outDir ?? path.join('out', planId));
    await mkdir(path.join(dir, 'artifacts'), { recursive: true });
    await writeFile(path.join(dir, 'plan.json'), `${JSON.stringify(view, null, 2)}\n`);
    await writeFile(path.join(dir, 'events.json'), `${JSON.stringify(events, null, 2)}\n`);
    for (const [stepId, artifact] of Object.entries(artifacts)) {
      await writeFile(path.join(dir, 'artifacts', `${stepId}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
    }
    const written: string[] = [];
    for (const name of documentNames) {
      try {
        const letterDate = (view.settledAt ?? view.createdAt).slice(0, 10);
        const document = await renderDocument(name, { planId, matter: view.matter, artifacts, letterDate });
        await writeFile(path.join(dir, name), document.body);
        written.push(name);
      } catch (error) {
        if (!(error instanceof MissingArtifactError)) throw error;
        out.write(`  ${name} not written: ${error.message}\n`);
      }
    }
    if (written.length > 0) out.write(`Documents: ${written.join(', ')}\n`);
    const cost = view.usage.costUsd.toFixed(4);
    out.write(`${view.status === 'completed' ? 'Completed' : `Ended ${view.status}`}: ${events.length} events, ${view.usage.calls} model calls, $${cost}. Output in ${dir}\n`);
    return view.status === 'completed' ? 0 : 1;
  } finally {
    await runtime.stop();
  }
}
