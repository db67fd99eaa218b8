import { type AgentName, DomainError, type FieldIssue, toFieldIssues } from '@themis/domain';
import type { z } from 'zod';

/**
 * A named, schema-typed step of an agent. Tools are pure functions of their input; an agent
 * validates what every tool returns, so a replaced (injected) tool cannot smuggle in a shape
 * the rest of the agent does not expect.
 */
export interface AgentTool<I, O> {
  readonly name: string;
  readonly description: string;
  readonly input: z.ZodType<I>;
  readonly output: z.ZodType<O>;
  run(input: I): O | Promise<O>;
}

export const defineTool = <I, O>(tool: AgentTool<I, O>): AgentTool<I, O> => tool;

/** Records which tools ran, in order, so provenance never lists a tool that did not run. */
export class ToolLog {
  readonly #runs: string[] = [];
  readonly #prefix: string;
  readonly #parent: ToolLog | null;

  constructor(prefix = '', parent: ToolLog | null = null) {
    this.#prefix = prefix;
    this.#parent = parent;
  }

  /** A log whose entries land in this one under a prefix, e.g. "lda/" for LDA tools run by the DEA. */
  child(prefix: string): ToolLog {
    return new ToolLog(prefix, this);
  }

  record(name: string): void {
    if (this.#parent !== null) this.#parent.record(`${this.#prefix}${name}`);
    else this.#runs.push(`${this.#prefix}${name}`);
  }

  /** Distinct tool names in the order they first ran. */
  get used(): string[] {
    return [...new Set(this.#runs)];
  }

  get rounds(): number {
    return this.#runs.length;
  }
}

function toolError(agent: AgentName, tool: string, stage: 'input' | 'output', issues: FieldIssue[]): DomainError {
  return new DomainError('validation', `agent_tool_${stage}_invalid`, `${agent} tool "${tool}" ${stage === 'input' ? 'received' : 'returned'} data that does not match its schema`, {
    issues,
    details: { agent, tool },
  });
}

/** Runs a tool with its input and output checked against the tool's schemas. */
export async function runTool<I, O>(agent: AgentName, tool: AgentTool<I, O>, input: I, log: ToolLog): Promise<O> {
  const checkedInput = tool.input.safeParse(input);
  if (!checkedInput.success) throw toolError(agent, tool.name, 'input', toFieldIssues(checkedInput.error));
  const result = await tool.run(checkedInput.data);
  const checkedOutput = tool.output.safeParse(result);
  if (!checkedOutput.success) throw toolError(agent, tool.name, 'output', toFieldIssues(checkedOutput.error));
  log.record(tool.name);
  return checkedOutput.data;
}

/** Checks an agent's final artifact against its schema before it leaves the agent. */
export function checkArtifact<T>(agent: AgentName, schema: z.ZodType<T>, artifact: unknown): T {
  const checked = schema.safeParse(artifact);
  if (!checked.success) {
    throw new DomainError('validation', 'agent_artifact_invalid', `${agent} produced an artifact that does not match its schema`, { issues: toFieldIssues(checked.error), details: { agent } });
  }
  return checked.data;
}
