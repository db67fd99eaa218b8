import { cite } from '../../../rules/authorities.ts';
import { dogBite } from './dog-bite.pattern.ts';
import type { IssueContext, IssuePattern, IssueResult, Statement } from './issue-pattern.ts';
import { medicalMalpractice } from './medical-malpractice.pattern.ts';
import { generalNegligence } from './negligence.pattern.ts';
import { premisesLiability } from './premises.pattern.ts';
import { isProductCause, PRODUCT_THEORIES, productLiability } from './product.patterns.ts';
import { motorVehicleNegligence, rearEndCollision } from './vehicle.patterns.ts';
import { workplaceThirdParty } from './workplace.pattern.ts';

export const ISSUE_CATALOG: readonly IssuePattern[] = [motorVehicleNegligence, rearEndCollision, premisesLiability, dogBite, medicalMalpractice, ...PRODUCT_THEORIES, workplaceThirdParty];

const strengthOf = (supported: number, total: number): IssueResult['strength'] => (supported === total ? 'strong' : supported / total >= 0.6 ? 'moderate' : 'weak');

function evaluate(pattern: IssuePattern, ctx: IssueContext, basis: IssueResult['basis'], trigger: string[]): IssueResult {
  const elements = pattern.elements(ctx).map((spec) => {
    const facts: Statement[] = ctx.statements.filter((s) => spec.evidence.some((re) => re.test(s.text)));
    return {
      element: spec.element,
      status: facts.length > 0 ? ('supported' as const) : ('unproven' as const),
      facts: facts.map((f) => ({ text: f.text, source: f.source })),
      note: facts.length > 0 ? null : 'No fact in the file establishes this element yet.',
    };
  });
  const supported = elements.filter((e) => e.status === 'supported').length;
  return {
    id: pattern.id,
    issue: pattern.issue(ctx),
    area_of_law: pattern.areaOfLaw,
    basis,
    trigger,
    facts: [...new Set(elements.flatMap((e) => e.facts.map((f) => f.text)))],
    strength: strengthOf(supported, elements.length),
    elements,
    authorities: pattern.authorityIds(ctx).map(cite),
    notes: [...pattern.notes(ctx)],
  };
}

function triggeringStatements(pattern: IssuePattern, statements: readonly Statement[]): Statement[] {
  return statements.filter((s) => pattern.triggers.some((group) => group.length > 0 && group.every((re) => re.test(s.text))));
}

/**
 * Issues raised by the matter's own cause of action or by its fact statements. Only the
 * matter's facts are read (never instructions or prompts), with word-bounded patterns.
 */
export function spotIssues(ctx: IssueContext): IssueResult[] {
  const found: IssueResult[] = [];
  const productCause = isProductCause(ctx.cause);
  for (const pattern of ISSUE_CATALOG) {
    const byCause = pattern.causes !== null && ctx.cause !== '' && pattern.causes.test(ctx.cause);
    const hits = triggeringStatements(pattern, ctx.statements);
    const isTheory = PRODUCT_THEORIES.some((t) => t.id === pattern.id);
    if (!byCause && hits.length === 0) continue;
    const basis = byCause || (isTheory && productCause) ? 'cause_of_action' : 'fact_pattern';
    const trigger = byCause ? [`cause_of_action "${ctx.cause}"`] : hits.map((s) => `${s.source.label}: "${s.text}"`);
    found.push(evaluate(pattern, ctx, basis, trigger));
  }
  if (productCause && !found.some((issue) => issue.id.startsWith('product_'))) found.push(evaluate(productLiability, ctx, 'cause_of_action', [`cause_of_action "${ctx.cause}"`]));
  if (found.length === 0) {
    const byCause = ctx.cause !== '';
    found.push(evaluate(generalNegligence, ctx, byCause ? 'cause_of_action' : 'fact_pattern', [byCause ? `cause_of_action "${ctx.cause}" (no more specific fact pattern recognised)` : 'No specific fact pattern recognised; negligence is the default personal-injury theory.']));
  }
  return found;
}
