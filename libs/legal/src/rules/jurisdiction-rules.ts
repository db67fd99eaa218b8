import { isoDateOf, type IsoDate } from '../time/calendar.ts';
import { cite } from './authorities.ts';
import { capsFor } from './caps.ts';
import { computeDeadline } from './deadline.ts';
import { faultRuleFor } from './fault.ts';
import { lookupJurisdiction } from './jurisdiction.ts';
import { type ClaimKind, limitationFor } from './limitation.ts';
import type { JurisdictionBlock } from './rules-output.schema.ts';
import { stateRules } from './state-rules.ts';
import type { StateRules } from './state-rules.types.ts';

export interface MatterRuleFacts {
  /** The jurisdiction as the matter gives it ("California", "CA", …); null when absent. */
  readonly jurisdiction: string | null;
  readonly claimKind: ClaimKind;
  readonly incidentDate: IsoDate | null;
  readonly now: Date;
  readonly filedOn: IsoDate | null;
  readonly isMotorVehicle: boolean;
  readonly isDogBite: boolean;
  readonly plaintiffAge: number | null;
  readonly isMinor: boolean;
  readonly publicParties: readonly string[];
  readonly hasPunitiveClaim: boolean;
}

function dogBiteBlock(rules: StateRules, facts: MatterRuleFacts): NonNullable<Extract<JurisdictionBlock, { known: true }>['dog_bite']> {
  const notes: string[] = [];
  if (rules.code === 'FL' && facts.plaintiffAge !== null && facts.plaintiffAge < 6) notes.push(`Victim aged ${facts.plaintiffAge}: the "Bad Dog" sign defence is not available for a victim under 6.`);
  if (rules.code === 'FL' && facts.plaintiffAge === null) notes.push('Victim\'s age unknown: the "Bad Dog" sign defence is unavailable only if the victim was under 6.');
  return { regime: rules.dogBite.regime, summary: rules.dogBite.summary, defences: [...rules.dogBite.defences], citations: rules.dogBite.authorityIds.map(cite), notes };
}

/** Everything the curated rules say about this matter's jurisdiction; an unknown state stays unknown. */
export function jurisdictionRules(facts: MatterRuleFacts): JurisdictionBlock {
  const lookup = lookupJurisdiction(facts.jurisdiction);
  if (!lookup.known) {
    return { known: false, code: null, name: null, input: lookup.input, reason: lookup.reason, limitation: null, fault_rule: null, damages_caps: [], government_claim: null, dog_bite: null };
  }
  const rules = stateRules[lookup.code];
  const asOf = isoDateOf(facts.now);
  const hasPublic = facts.publicParties.length > 0;
  const step = rules.government.firstStep;
  return {
    known: true,
    code: lookup.code,
    name: lookup.name,
    input: lookup.input,
    limitation: limitationFor(rules, { claimKind: facts.claimKind, incidentDate: facts.incidentDate, asOf, plaintiffAge: facts.plaintiffAge, isMinor: facts.isMinor }),
    fault_rule: faultRuleFor(rules, { claimKind: facts.claimKind, filedOn: facts.filedOn, isMotorVehicle: facts.isMotorVehicle }),
    damages_caps: capsFor(rules, { claimKind: facts.claimKind, year: Number(asOf.slice(0, 4)), hasPunitiveClaim: facts.hasPunitiveClaim, hasPublicDefendant: hasPublic }),
    government_claim: {
      applies: hasPublic ? 'yes' : 'not_indicated',
      public_parties: [...facts.publicParties],
      first_step: step.label,
      // Computed even when no public party is named: it is the deadline to watch if one appears.
      deadline: facts.incidentDate === null ? null : computeDeadline(facts.incidentDate, step.period, asOf),
      summary: rules.government.summary,
      citations: rules.government.authorityIds.map(cite),
    },
    dog_bite: facts.isDogBite ? dogBiteBlock(rules, facts) : null,
  };
}
