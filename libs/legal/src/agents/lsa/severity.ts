import { MODERATE_PATTERN, SEVERE_PATTERN } from '../lda/medical-terms.ts';

export type Severity = 'severe' | 'moderate' | 'minor' | 'unknown';

/**
 * Multiplier bands for the multiplier method (total settlement value = economic damages ×
 * multiplier). They are Themis's valuation heuristic, not law, and are always shown with the
 * facts that selected them so a lawyer can override the choice.
 */
export const MULTIPLIER_BANDS: Readonly<Record<Severity, { low: number; high: number; reason: string }>> = {
  severe: { low: 3, high: 5, reason: 'permanent injury, fracture or surgery, brain or organ injury, disfigurement, or inability to work' },
  moderate: { low: 2, high: 3.5, reason: 'torn tissue, disc injury, lacerations needing repair, psychological trauma, or injections' },
  minor: { low: 1.5, high: 2.5, reason: 'soft-tissue injury (sprain, strain, contusion) without surgery' },
  unknown: { low: 1, high: 2, reason: 'the injuries are not described well enough to grade: the band is deliberately low' },
};

const MINOR_PATTERN = /\b(sprain\w*|strain\w*|contusion\w*|bruis\w*|soft[- ]tissue|whiplash|abrasion\w*)\b/i;

export interface SeverityReading {
  readonly severity: Severity;
  /** The statements (or stated severities) that decided the grade. */
  readonly basis: string[];
}

const STATED: readonly [RegExp, Severity][] = [
  [/severe|catastrophic|permanent|critical/, 'severe'],
  [/moderate|serious/, 'moderate'],
  [/minor|mild/, 'minor'],
];

/**
 * Grades the injuries. A severity the matter states (Format B `injuries[].severity`) is a
 * lawyer's judgement and wins; otherwise the injury statements decide, most serious first.
 */
export function readSeverity(statedSeverities: readonly string[], injuryTexts: readonly string[]): SeverityReading {
  const stated = statedSeverities.map((s) => s.toLowerCase());
  for (const [pattern, severity] of STATED) {
    const hits = stated.filter((s) => pattern.test(s));
    if (hits.length > 0) return { severity, basis: hits.map((s) => `severity stated in the matter: "${s}"`) };
  }
  for (const [pattern, severity] of [[SEVERE_PATTERN, 'severe'], [MODERATE_PATTERN, 'moderate'], [MINOR_PATTERN, 'minor']] as const) {
    const hits = injuryTexts.filter((t) => pattern.test(t));
    if (hits.length > 0) return { severity, basis: hits };
  }
  return { severity: 'unknown', basis: [] };
}
