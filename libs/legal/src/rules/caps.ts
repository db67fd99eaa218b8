import { cite } from './authorities.ts';
import type { Cap } from './rules-output.schema.ts';
import type { StateRules } from './state-rules.types.ts';
import type { ClaimKind } from './limitation.ts';

export interface MicraFigures {
  readonly year: number;
  readonly nonDeath: number;
  readonly death: number;
  /** True for years after 2033, where the 2% growth was computed here rather than seen in a source. */
  readonly derived: boolean;
}

/** California's MICRA schedule (AB 35): +$40,000 / +$50,000 each 1 January from 2023 to 2033, then 2% a year. */
export function micraCaps(year: number): MicraFigures | null {
  if (year < 2023) return null;
  if (year <= 2033) return { year, nonDeath: 350_000 + 40_000 * (year - 2023), death: 500_000 + 50_000 * (year - 2023), derived: year > 2023 };
  const growth = 1.02 ** (year - 2033);
  return { year, nonDeath: Math.round(750_000 * growth), death: Math.round(1_000_000 * growth), derived: true };
}

export interface CapFacts {
  readonly claimKind: ClaimKind;
  readonly year: number;
  readonly hasPunitiveClaim: boolean;
  readonly hasPublicDefendant: boolean;
}

function figuresFor(rules: StateRules, kind: Cap['kind'], year: number): { limit: number | null; figures: Cap['figures'] } {
  if (rules.code === 'CA' && kind === 'non_economic_medical_malpractice') {
    const micra = micraCaps(year);
    if (micra === null) return { limit: null, figures: { year, note: 'Figures before 2023 are not in the reference.' } };
    return { limit: micra.nonDeath, figures: { year, non_death: micra.nonDeath, death: micra.death, derived_from_schedule: micra.derived, note: 'Whether the filing or the judgment year picks the figure is unverified; up to three separate caps can apply.' } };
  }
  if (rules.code === 'TX' && kind === 'non_economic_medical_malpractice') {
    return { limit: 250_000, figures: { per_claimant_physicians: 250_000, per_institution: 250_000, all_institutions: 500_000, wrongful_death_per_claimant: 500_000 } };
  }
  if (rules.code === 'FL' && kind === 'government_defendant') return { limit: null, figures: { per_person: 200_000, per_incident: 300_000 } };
  return { limit: null, figures: {} };
}

/** Every cap the state's rules list, each marked whether it applies to this matter. */
export function capsFor(rules: StateRules, facts: CapFacts): Cap[] {
  return rules.caps.map((cap) => {
    const applies =
      cap.kind === 'non_economic_medical_malpractice' ? facts.claimKind === 'medical_malpractice' && cap.status === 'in_force'
      : cap.kind === 'punitive' ? facts.hasPunitiveClaim
      : facts.hasPublicDefendant;
    const citations = cap.authorityIds.map(cite);
    const { limit, figures } = figuresFor(rules, cap.kind, facts.year);
    return {
      kind: cap.kind,
      status: cap.status,
      applies,
      summary: cap.summary,
      citations,
      source_urls: cap.sourceUrls.length > 0 ? [...cap.sourceUrls] : citations.flatMap((c) => c.source_urls),
      verified: cap.verified,
      non_economic_limit: applies && cap.kind === 'non_economic_medical_malpractice' ? limit : null,
      figures,
    };
  });
}
