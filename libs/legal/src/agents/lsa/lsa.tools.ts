import { assessCaseTool } from './tools/assess-case.tool.ts';
import { assessRisksTool } from './tools/assess-risks.tool.ts';
import { planNegotiationTool } from './tools/plan-negotiation.tool.ts';
import { planNextActionsTool } from './tools/plan-next-actions.tool.ts';
import { valueCaseTool } from './tools/value-case.tool.ts';

export interface LsaTools {
  readonly assess_case: typeof assessCaseTool;
  readonly value_case: typeof valueCaseTool;
  readonly plan_negotiation: typeof planNegotiationTool;
  readonly assess_risks: typeof assessRisksTool;
  readonly plan_next_actions: typeof planNextActionsTool;
}

export const defaultLsaTools: LsaTools = Object.freeze({
  assess_case: assessCaseTool,
  value_case: valueCaseTool,
  plan_negotiation: planNegotiationTool,
  assess_risks: assessRisksTool,
  plan_next_actions: planNextActionsTool,
});
