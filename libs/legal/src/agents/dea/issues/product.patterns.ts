import { INJURY_PATTERN } from '../../lda/medical-terms.ts';
import { type ElementSpec, type IssuePattern, words } from './issue-pattern.ts';

const PRODUCT_CAUSE = /product/;
const CHAIN = { element: 'The defendant manufactured, distributed or sold the product', evidence: [words('manufactur\\w*', 'sold', 'distribut\\w*', 'marketed', 'made by', 'produced')] };
const CAUSED = { element: 'The defect caused the plaintiff\'s injuries', evidence: [words('fail\\w*', 'cracked', 'split\\w*', 'broke', 'collaps\\w*', 'caus\\w+', 'would have prevented')] };
const HARM = { element: 'The plaintiff suffered damages', evidence: [INJURY_PATTERN] };
const NOTE = 'No products-liability authority is in the curated table, and products-specific limitation periods are outside the reference: research both.';

/** A theory is raised by facts only when the same statement is about a product, so "no warning cones" on a wet floor is not a warning claim. */
const PRODUCT_CONTEXT = words('products?', 'helmets?', 'devices?', 'manufactur\\w*', 'defect\\w*', 'recall\\w*', 'design\\w*', 'batch', 'model');

function theory(id: string, issue: string, defect: ElementSpec, trigger: RegExp): IssuePattern {
  return {
    id,
    issue: () => issue,
    areaOfLaw: 'Tort: products liability',
    causes: null,
    triggers: [[trigger, PRODUCT_CONTEXT]],
    elements: () => [CHAIN, defect, CAUSED, HARM],
    authorityIds: () => [],
    notes: () => [NOTE],
  };
}

export const manufacturingDefect = theory(
  'product_manufacturing_defect',
  'Product liability: manufacturing defect',
  { element: 'The product departed from its intended design when it left the defendant\'s control', evidence: [words('manufactur\\w* (?:defect|process|date)', 'batch', 'production run', 'recycled', 'substandard', 'specifications?', 'deviat\\w+', 'inferior materials')] },
  words('manufacturing defect', 'manufactured with', 'production run', 'batch'),
);

export const designDefect = theory(
  'product_design_defect',
  'Product liability: design defect',
  { element: 'The design was unreasonably dangerous, and a safer alternative design existed', evidence: [words('design\\w*', 'alternative', 'safer', 'virgin polycarbonate')] },
  words('design defect', 'designed with', 'safer alternative', 'alternative design'),
);

export const failureToWarn = theory(
  'product_failure_to_warn',
  'Product liability: failure to warn',
  { element: 'The defendant failed to give adequate warnings or instructions about a known risk', evidence: [words('no warning', 'warn\\w*', 'label\\w*', 'instructions?', 'no recall', 'failed to (?:voluntarily )?recall')] },
  words('failure to warn', 'failed to warn', 'no warning about', 'inadequate warnings?', 'no recall', 'failed to (?:voluntarily )?recall'),
);

/** Raised by the cause of action when no specific theory is visible in the facts. */
export const productLiability: IssuePattern = {
  id: 'product_liability',
  issue: () => 'Product liability (theory not yet identified)',
  areaOfLaw: 'Tort: products liability',
  causes: PRODUCT_CAUSE,
  triggers: [[words('defective product', 'product defect', 'recall\\w*')]],
  elements: () => [CHAIN, { element: 'The product was defective (manufacture, design or warning)', evidence: [words('defect\\w*', 'substandard', 'failed (?:lab )?testing')] }, CAUSED, HARM],
  authorityIds: () => [],
  notes: () => [NOTE],
};

export const PRODUCT_THEORIES = [manufacturingDefect, designDefect, failureToWarn] as const;
export const isProductCause = (cause: string): boolean => PRODUCT_CAUSE.test(cause);
