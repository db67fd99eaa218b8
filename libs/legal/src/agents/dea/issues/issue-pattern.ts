import { z } from 'zod';
import type { StateCode } from '../../../rules/authority.schema.ts';
import { citedAuthoritySchema } from '../../../rules/authority.schema.ts';
import { sourceSchema } from '../../shared/source.schema.ts';

export interface Statement {
  readonly text: string;
  readonly source: z.infer<typeof sourceSchema>;
}

export interface IssueContext {
  /** cause_of_action as given, lower-cased ("" when absent). */
  readonly cause: string;
  readonly state: StateCode | null;
  /** Narrative fact statements (LDA), never the agent's own instructions. */
  readonly statements: readonly Statement[];
  readonly defendants: readonly string[];
  readonly plaintiffAge: number | null;
  /** Weaknesses and liability defences listed in the matter, for contrary-fact notes. */
  readonly contraryTexts: readonly string[];
}

export interface ElementSpec {
  readonly element: string;
  /** A statement supports the element when it matches any of these (word-bounded) patterns. */
  readonly evidence: readonly RegExp[];
}

export interface IssuePattern {
  readonly id: string;
  readonly issue: (ctx: IssueContext) => string;
  readonly areaOfLaw: string;
  /** cause_of_action values that raise the issue by themselves. */
  readonly causes: RegExp | null;
  /** The issue is raised by facts when one statement matches every pattern of any group. */
  readonly triggers: readonly (readonly RegExp[])[];
  readonly elements: (ctx: IssueContext) => readonly ElementSpec[];
  readonly authorityIds: (ctx: IssueContext) => readonly string[];
  readonly notes: (ctx: IssueContext) => readonly string[];
}

export const elementResultSchema = z.object({
  element: z.string(),
  status: z.enum(['supported', 'unproven']),
  facts: z.array(z.object({ text: z.string(), source: sourceSchema })),
  note: z.string().nullable(),
});

export const issueResultSchema = z.object({
  id: z.string(),
  issue: z.string(),
  area_of_law: z.string(),
  basis: z.enum(['cause_of_action', 'fact_pattern']),
  trigger: z.array(z.string()),
  facts: z.array(z.string()),
  strength: z.enum(['strong', 'moderate', 'weak']),
  elements: z.array(elementResultSchema),
  authorities: z.array(citedAuthoritySchema),
  notes: z.array(z.string()),
});
export type IssueResult = z.infer<typeof issueResultSchema>;

/** Word-bounded, case-insensitive pattern from alternatives (stems may end in \w*). */
export const words = (...alternatives: string[]): RegExp => new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
