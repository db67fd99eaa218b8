import { z } from 'zod';
import { normalizedMatterSchema, type NormalizedMatter } from '../../../matter/normalized-matter.schema.ts';
import { findMoneyMentions, formatUsd } from '../../../text/money.ts';
import { splitSentences } from '../../../text/sentences.ts';
import { defineTool } from '../../shared/tool.ts';
import { sourceSchema } from '../../shared/source.schema.ts';
import { matterTexts } from '../matter-texts.ts';

const categorySchema = z.enum(['specials', 'medical_bills', 'wage_loss', 'future_medical', 'property_damage']);
const lineSchema = z.object({ category: categorySchema, description: z.string(), amount: z.number(), included: z.boolean(), basis: z.string(), source: sourceSchema });

export const ledgerSchema = z.object({
  lines: z.array(lineSchema),
  totals_by_category: z.array(z.object({ category: categorySchema, total: z.number() })),
  economic_total: z.number(),
  billed_medical_total: z.number().nullable(),
  non_economic: z.object({ generals: z.number().nullable(), source: sourceSchema.nullable(), note: z.string() }),
  punitive: z.object({ amount: z.number(), source: sourceSchema }).nullable(),
  reported_amounts: z.array(z.object({ text: z.string(), kind: z.enum(['amount', 'range', 'rate']), low: z.number(), high: z.number(), per: z.string().nullable(), context: z.string(), source: sourceSchema })),
  notes: z.array(z.string()),
  problems: z.array(z.string()),
});
export type Ledger = z.infer<typeof ledgerSchema>;
type Line = z.infer<typeof lineSchema>;

const damagesSource = (key: string): Ledger['lines'][number]['source'] => ({ path: `damages.${key}`, label: `Damages: ${key} (as stated in the matter)` });

/**
 * The economic damages ledger. Rules, chosen to avoid double counting:
 * - `damages.specials` as stated is a line; itemised bills are then listed as support but not
 *   added, since specials normally include them. Without stated specials, the bills are the line.
 * - wage loss, future medical and property damage are their own categories when stated.
 * - Amounts written in documents ("$18,000 in refunds") are reported separately, never totalled:
 *   they often restate or project the same losses.
 */
export function buildLedger(matter: NormalizedMatter): Ledger {
  const d = matter.damages;
  const lines: Line[] = [];
  const hasSpecials = d.specials !== null;
  if (d.specials !== null) lines.push({ category: 'specials', description: 'Economic specials as stated in the matter', amount: d.specials, included: true, basis: 'stated in damages.specials', source: damagesSource('specials') });
  for (const provider of matter.medical) {
    for (const record of provider.records) {
      if (record.balance === null) continue;
      lines.push({
        category: 'medical_bills',
        description: `${provider.name}: ${record.description ?? 'treatment'}${record.date.iso === null ? '' : ` (${record.date.iso})`}`,
        amount: record.balance,
        included: !hasSpecials,
        basis: hasSpecials ? 'itemised bill; presumed to be part of the stated specials, so not added again' : 'itemised bill (no specials stated, so the bills are the medical specials)',
        source: { path: `${record.path}.balance`, label: `Medical record, ${provider.name}` },
      });
    }
  }
  const separate = hasSpecials ? 'listed separately from specials, so added as its own category (confirm it is not already inside specials)' : 'stated in the matter';
  if (d.wageLoss !== null) lines.push({ category: 'wage_loss', description: 'Wage loss', amount: d.wageLoss, included: true, basis: separate, source: damagesSource('wage_loss') });
  if (d.futureMedical !== null) lines.push({ category: 'future_medical', description: 'Future medical expenses', amount: d.futureMedical, included: true, basis: separate, source: damagesSource('future_medical') });
  if (d.propertyDamage !== null) lines.push({ category: 'property_damage', description: 'Property damage', amount: d.propertyDamage, included: true, basis: separate, source: damagesSource('property_damage') });

  const included = lines.filter((line) => line.included);
  const categories = [...new Set(included.map((line) => line.category))];
  const bills = lines.filter((line) => line.category === 'medical_bills');
  const billed = bills.length === 0 ? null : bills.reduce((sum, line) => sum + line.amount, 0);
  const notes: string[] = ['Amounts stated in documents and notes are reported separately and never added to the totals: they may restate, project or overlap the stated damages.'];
  if (billed !== null && d.specials !== null) {
    notes.push(`Itemised bills total ${formatUsd(billed)} against stated specials of ${formatUsd(d.specials)}${billed < d.specials ? `; ${formatUsd(d.specials - billed)} of the specials is not itemised` : billed > d.specials ? '; the bills exceed the stated specials: reconcile before any demand' : ''}.`);
  }
  if (lines.length === 0) notes.push('No economic damages are stated and no bills are itemised: the economic total is 0 because nothing is documented, not because there is no loss.');
  return {
    lines,
    totals_by_category: categories.map((category) => ({ category, total: included.filter((line) => line.category === category).reduce((sum, line) => sum + line.amount, 0) })),
    economic_total: included.reduce((sum, line) => sum + line.amount, 0),
    billed_medical_total: billed,
    non_economic: { generals: d.generals, source: d.generals === null ? null : damagesSource('generals'), note: 'General (non-economic) damages as claimed in the matter; not part of the economic total.' },
    punitive: d.punitive === null ? null : { amount: d.punitive, source: damagesSource('punitive') },
    reported_amounts: matterTexts(matter).flatMap((text) =>
      splitSentences(text.text).flatMap((sentence) => findMoneyMentions(sentence).map((m) => ({ text: m.text, kind: m.kind, low: m.low, high: m.high, per: m.per, context: sentence, source: text.source }))),
    ),
    notes,
    problems: matter.problems.filter((p) => /^(damages|medical)\./.test(p.path)).map((p) => `${p.path}: ${p.message}`),
  };
}

export const buildDamagesLedgerTool = defineTool({
  name: 'build_damages_ledger',
  description: 'Economic damages by category with the source of every line, the economic total (sum of included lines), non-economic and punitive amounts kept apart, and amounts merely reported in documents.',
  input: z.object({ matter: normalizedMatterSchema }),
  output: ledgerSchema,
  run: ({ matter }) => buildLedger(matter),
});
