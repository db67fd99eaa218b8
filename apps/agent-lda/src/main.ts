#!/usr/bin/env node
// The LDA service on its own (distributed runtime): KAFKA_BROKERS required.
import { createAgentRunners } from '@themis/legal';
import { OfflineProvider } from '@themis/llm';
import { runAgentApp } from '@themis/messaging';

await runAgentApp('lda', createAgentRunners().lda, new OfflineProvider());
