import { loadConfig, requireDistributed } from '@themis/config';
import type { AgentName } from '@themis/domain';
import type { AgentLlm, AgentRunner } from '@themis/legal';
import { categoryLogger, createLogger, runService, stopOnSignal } from '@themis/telemetry';
import { startAgentService } from './agent-service.ts';
import { createBus } from './create-bus.ts';

/** The main of an agent service in the distributed runtime: consume its task topic on Kafka until stopped. */
export function runAgentApp(agent: AgentName, runner: AgentRunner, llm: AgentLlm): Promise<void> {
  const config = loadConfig();
  const logger = categoryLogger(createLogger({ level: config.log.level }), 'themis.agents');
  return runService(logger, async () => {
    requireDistributed(config, ['KAFKA_BROKERS'], `agent-${agent}`);
    const bus = await createBus(config.bus, `themis-agent-${agent}`, logger);
    const service = await startAgentService(agent, { bus, llm, logger, runner });
    logger.info({ agent, brokers: config.bus.kafkaBrokers }, 'agent service ready');
    stopOnSignal(logger, async () => {
      await service.stop();
      await bus.close();
    });
  });
}
