import { z } from 'zod';
import { jurisdictionRules } from '../../../rules/jurisdiction-rules.ts';
import { jurisdictionBlockSchema } from '../../../rules/rules-output.schema.ts';
import { defineTool } from '../../shared/tool.ts';

export const applyJurisdictionRulesTool = defineTool({
  name: 'apply_jurisdiction_rules',
  description: 'Looks up the jurisdiction and applies its curated rules: limitation period and deadline (with weekend roll-forward and days remaining), minors, government claims, fault rule, damages caps and dog-bite regime. Unknown stays unknown.',
  input: z.object({
    jurisdiction: z.string().nullable(),
    claim_kind: z.enum(['general', 'medical_malpractice']),
    incident_date: z.string().nullable(),
    now: z.string(),
    filed_on: z.string().nullable(),
    is_motor_vehicle: z.boolean(),
    is_dog_bite: z.boolean(),
    plaintiff_age: z.number().nullable(),
    is_minor: z.boolean(),
    public_parties: z.array(z.string()),
    has_punitive_claim: z.boolean(),
  }),
  output: jurisdictionBlockSchema,
  run: (input) =>
    jurisdictionRules({
      jurisdiction: input.jurisdiction,
      claimKind: input.claim_kind,
      incidentDate: input.incident_date,
      now: new Date(input.now),
      filedOn: input.filed_on,
      isMotorVehicle: input.is_motor_vehicle,
      isDogBite: input.is_dog_bite,
      plaintiffAge: input.plaintiff_age,
      isMinor: input.is_minor,
      publicParties: input.public_parties,
      hasPunitiveClaim: input.has_punitive_claim,
    }),
});
