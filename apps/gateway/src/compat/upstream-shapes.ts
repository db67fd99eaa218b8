import type { JsonValue } from '@themis/domain';
import type { RecordedEvent } from '@themis/event-store';
import type { PlanView, StepView } from '@themis/projections';

// The Python API's plan and execution shapes (reference/upstream-api.md §1), built from our plan.

const phases: Record<string, { phase: string; artifacts: string[]; exitSignals: string[] }> = {
  lda: { phase: 'intake_facts', artifacts: ['facts'], exitSignals: ['facts'] },
  dea: { phase: 'issue_framing', artifacts: ['legal_analysis', 'authorities'], exitSignals: ['issues'] },
  lsa: { phase: 'draft_review', artifacts: ['strategy', 'draft'], exitSignals: ['draft'] },
};

const upstreamStatus = (status: PlanView['status']) =>
  status === 'completed' ? 'complete' : status === 'failed' || status === 'cancelled' ? 'failed' : status;

const stepStatus = (status: StepView['status']) => (status === 'completed' ? 'complete' : status);

function upstreamStep(step: StepView, index: number, all: readonly StepView[]) {
  const phase = phases[step.agent]!;
  return {
    id: step.id,
    agent: step.agent,
    phase: phase.phase,
    description: step.description,
    dependencies: step.dependsOn,
    expected_artifacts: phase.artifacts.map((name) => ({ name, description: `${name} produced by ${step.agent.toUpperCase()}` })),
    supporting_agents: [],
    exit_signals: phase.exitSignals,
    entry_signals: step.dependsOn.flatMap((dep) => phases[all.find((s) => s.id === dep)?.agent ?? '']?.exitSignals ?? []),
    required_connectors: [],
    metadata: { phase_index: index + 1 },
  };
}

export function upstreamPlan(view: PlanView) {
  const steps = view.steps.map(upstreamStep);
  const graph = Object.fromEntries(
    steps.map((step) => [step.id, { ...step, successors: view.steps.filter((s) => s.dependsOn.includes(step.id)).map((s) => s.id) }]),
  );
  return { plan_id: view.id, status: view.status === 'planned' ? 'planned' : upstreamStatus(view.status), matter: unwrap(view.matter), graph, steps, connectors: [] };
}

/** Upstream echoes the inner matter when the client wrapped it as `{"matter": {…}}`. */
function unwrap(matter: JsonValue): JsonValue {
  if (typeof matter === 'object' && matter !== null && !Array.isArray(matter) && typeof matter['matter'] === 'object' && matter['matter'] !== null) {
    return matter['matter'];
  }
  return matter;
}

export function upstreamExecution(view: PlanView, artifacts: Readonly<Record<string, JsonValue>>, events: readonly RecordedEvent[]) {
  const byAgent: Record<string, JsonValue> = {};
  const steps = view.steps.map((step, index, all) => {
    const base = upstreamStep(step, index, all);
    const output = artifacts[step.id];
    const result: Record<string, unknown> = {
      id: base.id,
      agent: base.agent,
      dependencies: base.dependencies,
      expected_artifacts: base.expected_artifacts,
      phase: base.phase,
      status: stepStatus(step.status),
    };
    if (output !== undefined) {
      byAgent[step.agent] = output;
      result['output'] = output;
      if (typeof output === 'object' && output !== null && !Array.isArray(output)) {
        result['artifacts'] = Object.fromEntries(phases[step.agent]!.artifacts.filter((name) => name in output).map((name) => [name, output[name]]));
      }
    }
    if (step.error !== null) result['error'] = step.error.message;
    return result;
  });
  return { plan_id: view.id, status: upstreamStatus(view.status), steps, artifacts: byAgent, trace: upstreamTrace(events) };
}

function upstreamTrace(events: readonly RecordedEvent[]) {
  const trace: { timestamp: number; event: string; payload: Record<string, unknown> }[] = [];
  const agentOf = new Map<string, string>();
  for (const event of events) {
    const timestamp = Date.parse(event.occurredAt) / 1000;
    const data = event.data as { stepId?: string; agent?: string };
    if (data.stepId === undefined) continue;
    if (event.type === 'StepDispatched' && data.agent !== undefined) {
      agentOf.set(data.stepId, data.agent);
      trace.push({ timestamp, event: 'phase_start', payload: { node_id: data.stepId, agent: data.agent, phase: phases[data.agent]?.phase } });
      trace.push({ timestamp, event: 'agent_run_start', payload: { agent: data.agent, node_id: data.stepId } });
    }
    const agent = agentOf.get(data.stepId);
    if (event.type === 'StepCompleted') {
      trace.push({ timestamp, event: 'agent_run_complete', payload: { agent, node_id: data.stepId } });
      trace.push({ timestamp, event: 'phase_complete', payload: { node_id: data.stepId, agent, status: 'complete' } });
    }
    if (event.type === 'StepFailed') {
      trace.push({ timestamp, event: 'agent_run_error', payload: { agent, node_id: data.stepId } });
      trace.push({ timestamp, event: 'phase_complete', payload: { node_id: data.stepId, agent, status: 'failed' } });
    }
  }
  return trace;
}
