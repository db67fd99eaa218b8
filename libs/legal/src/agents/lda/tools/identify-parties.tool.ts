import { z } from 'zod';
import { normalizedMatterSchema, type NormalizedMatter } from '../../../matter/normalized-matter.schema.ts';
import { defineTool } from '../../shared/tool.ts';
import { sourceSchema } from '../../shared/source.schema.ts';
import { matterTexts } from '../matter-texts.ts';

export const partySchema = z.object({
  name: z.string(),
  role: z.enum(['plaintiff', 'defendant', 'other']),
  role_label: z.string().nullable(),
  role_basis: z.enum(['given', 'tag', 'title', 'order']),
  counsel: z.string().nullable(),
  is_minor: z.boolean(),
  guardian: z.string().nullable(),
  is_organization: z.boolean(),
  is_public_entity: z.boolean(),
  source: sourceSchema,
});

export const partiesResultSchema = z.object({
  parties: z.array(partySchema),
  plaintiff: z.string().nullable(),
  defendants: z.array(z.string()),
  counterparty: z.string().nullable(),
  plaintiff_age: z.object({ age: z.number().int(), text: z.string(), source: sourceSchema }).nullable(),
  notes: z.array(z.string()),
});
export type PartiesResult = z.infer<typeof partiesResultSchema>;

const BASIS_LABEL = { given: 'role given in the matter', tag: 'role tag in the party name', title: 'matched to the "X v. Y" title', order: 'inferred from list order' } as const;

/** "Maria Garcia, 67, slipped" / "Carlos Martinez, age 8, was": an age written right after the plaintiff's name. */
function plaintiffAge(matter: NormalizedMatter, plaintiff: string | null): PartiesResult['plaintiff_age'] {
  const surname = plaintiff?.split(/\s+/).at(-1);
  if (surname === undefined || surname === '') return null;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\b${escaped},\\s*(?:age\\s+|aged\\s+)?(\\d{1,3})(?=[,)\\s])`);
  for (const text of matterTexts(matter)) {
    const match = pattern.exec(text.text);
    if (match !== null) return { age: Number(match[1]), text: match[0], source: text.source };
  }
  return null;
}

export const identifyPartiesTool = defineTool({
  name: 'identify_parties',
  description: 'Parties with roles (from given roles, "(Client)"-style tags, the "X v. Y" title, or list order), minors and guardians, public entities, the counterparty contact, and the plaintiff\'s stated age.',
  input: z.object({ matter: normalizedMatterSchema }),
  output: partiesResultSchema,
  run: ({ matter }) => {
    const parties = matter.parties.map((p) => ({
      name: p.name,
      role: p.role,
      role_label: p.roleLabel,
      role_basis: p.roleBasis,
      counsel: p.counsel,
      is_minor: p.isMinor,
      guardian: p.guardian,
      is_organization: p.isOrganization,
      is_public_entity: p.isPublicEntity,
      source: { path: p.path, label: `Party "${p.name}" (${BASIS_LABEL[p.roleBasis]})` },
    }));
    const plaintiff = parties.find((p) => p.role === 'plaintiff')?.name ?? null;
    const notes = parties.filter((p) => p.role_basis === 'order').map((p) => `Role of "${p.name}" (${p.role}) was inferred from list order; confirm it.`);
    if (matter.counterparty !== null) notes.push(`Counterparty "${matter.counterparty}" is recorded as the opposing contact, not as a party.`);
    return { parties, plaintiff, defendants: parties.filter((p) => p.role === 'defendant').map((p) => p.name), counterparty: matter.counterparty, plaintiff_age: plaintiffAge(matter, plaintiff), notes };
  },
});
