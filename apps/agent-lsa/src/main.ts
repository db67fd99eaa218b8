#!/usr/bin/env node
// The LSA service on its own (distributed runtime): KAFKA_BROKERS required. It also runs the
// demand pack's assembly step (the documents library's assemble_demand_pack task).
import { assembleDemandPack } from '@themis/documents';
import { createAgentRunners, DEMAND_PACK_TASK } from '@themis/legal';
import { OfflineProvider } from '@themis/llm';
import { runAgentApp } from '@themis/messaging';

await runAgentApp('lsa', createAgentRunners({ tasks: { lsa: { [DEMAND_PACK_TASK]: assembleDemandPack } } }).lsa, new OfflineProvider());
