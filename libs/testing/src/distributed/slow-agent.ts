// Test fixture: an agent service whose engine takes `delayMs` longer, so a fault test can kill it
// (or the broker) while a step is in flight. Usage: node slow-agent.ts <lda|dea|lsa> <delayMs>
import { assembleDemandPack } from '@themis/documents';
import type { AgentName } from '@themis/domain';
import { type AgentRunner, createAgentRunners, DEMAND_PACK_TASK } from '@themis/legal';
import { OfflineProvider } from '@themis/llm';
import { runAgentApp } from '@themis/messaging';

const agent = process.argv[2] as AgentName;
const delayMs = Number(process.argv[3]);
const real = createAgentRunners({ tasks: { lsa: { [DEMAND_PACK_TASK]: assembleDemandPack } } })[agent];
const slow: AgentRunner = async (input, context) => {
  process.stdout.write(`${JSON.stringify({ msg: 'slow agent started a task', agent, task: input.task ?? null })}\n`);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return real(input, context);
};
await runAgentApp(agent, slow, new OfflineProvider());
