import type { FieldIssue } from '../errors.ts';
import type { StepSpec } from './plan.schemas.ts';
import type { ExistingPlan } from './plan.state.ts';

/** Checks that step ids are unique, dependencies exist, and the steps form no cycle. */
export function stepGraphIssues(steps: readonly StepSpec[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = new Set<string>();
  steps.forEach((step, index) => {
    if (ids.has(step.id)) issues.push({ path: `steps.${index}.id`, message: `duplicate step id "${step.id}"` });
    ids.add(step.id);
  });
  steps.forEach((step, index) => {
    step.dependsOn.forEach((dependency, depIndex) => {
      if (!ids.has(dependency)) {
        issues.push({ path: `steps.${index}.dependsOn.${depIndex}`, message: `unknown step "${dependency}"` });
      }
      if (dependency === step.id) issues.push({ path: `steps.${index}.dependsOn.${depIndex}`, message: 'a step cannot depend on itself' });
    });
  });
  if (issues.length === 0 && topologicalOrder(steps) === undefined) {
    issues.push({ path: 'steps', message: 'the step dependencies form a cycle' });
  }
  return issues;
}

/** Kahn's algorithm; undefined when there is a cycle. Ties keep the template's order. */
export function topologicalOrder(steps: readonly StepSpec[]): string[] | undefined {
  const remaining = new Map(steps.map((step) => [step.id, new Set(step.dependsOn)]));
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining.entries()].filter(([, deps]) => deps.size === 0).map(([id]) => id);
    if (ready.length === 0) return undefined;
    for (const id of ready) {
      remaining.delete(id);
      order.push(id);
      for (const deps of remaining.values()) deps.delete(id);
    }
  }
  return order;
}

/** Pending steps whose dependencies have all completed, in plan order. */
export function readySteps(plan: ExistingPlan): string[] {
  return plan.stepOrder.filter((id) => {
    const step = plan.steps[id];
    return step?.status === 'pending' && step.spec.dependsOn.every((dep) => plan.steps[dep]?.status === 'completed');
  });
}

/** Every step that depends on `stepId`, directly or through others, in plan order. */
export function transitiveDependents(plan: ExistingPlan, stepId: string): string[] {
  const affected = new Set<string>([stepId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of plan.stepOrder) {
      const step = plan.steps[id];
      if (step !== undefined && !affected.has(id) && step.spec.dependsOn.some((dep) => affected.has(dep))) {
        affected.add(id);
        grew = true;
      }
    }
  }
  affected.delete(stepId);
  return plan.stepOrder.filter((id) => affected.has(id));
}
