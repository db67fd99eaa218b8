import type { JsonValue } from '@themis/domain';
import type { RecordedEvent } from '@themis/event-store';
import type { PlanView, StepView } from '@themis/projections';

// The Python API's plan and execution shapes (reference/upstream-api.md §1), built from our plan.

interface UpstreamPhase {
  readonly agent: string;
  readonly phase: string;
  readonly artifacts: string[];
  readonly exitSignals: string[];
}

const phases: Record<string, UpstreamPhase> = {
  lda: { agent: 'lda', phase: 'intake_facts', artifacts: ['facts'], exitSignals: ['facts'] },
  dea: { agent: 'dea', phase: 'issue_framing', artifacts: ['legal_analysis', 'authorities'], exitSignals: ['issues'] },
  lsa: { agent: 'lsa', phase: 'draft_review', artifacts: ['strategy', 'draft'], exitSignals: ['draft'] },
  // The Python system assembled documents with a fourth agent, `dda`; our assembly step plays that part.
  assemble_demand_pack: { agent: 'dda', phase: 'document_assembly', artifacts: ['demand_letter'], exitSignals: ['document'] },
};

const phaseOf = (step: Pick<StepView, 'agent' | 'task'>): UpstreamPhase => phases[step.task ?? step.agent] ?? phases[step.agent]!;

const upstreamStatus = (status: PlanView['status']) =>
  status === 'completed' ? 'complete' : status === 'failed' || status === 'cancelled' ? 'failed' : status;

const stepStatus = (status: StepView['status']) => (status === 'completed' ? 'complete' : status);

function upstreamStep(step: StepView, index: number, all: readonly StepView[]) {
  const phase = phaseOf(step);
  return {
    id: step.id,
    agent: phase.agent,
    phase: phase.phase,
    description: step.description,
    dependencies: step.dependsOn,
    expected_artifacts: phase.artifacts.map((name) => ({ name, description: `${name} produced by ${step.agent.toUpperCase()}` })),
    supporting_agents: [],
    exit_signals: phase.exitSignals,
    entry_signals: step.dependsOn.flatMap((dep) => {
      const upstream = all.find((s) => s.id === dep);
      return upstream === undefined ? [] : phaseOf(upstream).exitSignals;
    }),
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
      byAgent[base.agent] = output;
      result['output'] = output;
      if (typeof output === 'object' && output !== null && !Array.isArray(output)) {
        result['artifacts'] = Object.fromEntries(phaseOf(step).artifacts.filter((name) => name in output).map((name) => [name, output[name]]));
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
    const data = event.data as { stepId?: string; agent?: string; task?: string };
    if (data.stepId === undefined) continue;
    if (event.type === 'StepDispatched' && data.agent !== undefined) {
      const phase = phaseOf({ agent: data.agent as StepView['agent'], task: data.task ?? null });
      agentOf.set(data.stepId, phase.agent);
      trace.push({ timestamp, event: 'phase_start', payload: { node_id: data.stepId, agent: phase.agent, phase: phase.phase } });
      trace.push({ timestamp, event: 'agent_run_start', payload: { agent: phase.agent, node_id: data.stepId } });
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
