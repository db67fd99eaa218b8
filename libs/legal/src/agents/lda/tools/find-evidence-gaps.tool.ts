import { z } from 'zod';
import { normalizedMatterSchema, type NormalizedMatter } from '../../../matter/normalized-matter.schema.ts';
import { formatUsd } from '../../../text/money.ts';
import { mentionsAny } from '../../../text/patterns.ts';
import { daysBetween } from '../../../time/calendar.ts';
import { defineTool } from '../../shared/tool.ts';
import { matterTexts } from '../matter-texts.ts';
import { incidentResultSchema } from './establish-incident.tool.ts';
import { type InjuriesResult, injuriesResultSchema } from './summarize-injuries.tool.ts';
import { ledgerSchema } from './damages-ledger.tool.ts';
import { timelineResultSchema } from './build-timeline.tool.ts';

const gapSchema = z.object({ gap: z.string(), detail: z.string(), severity: z.enum(['high', 'medium', 'low']) });
export const gapsResultSchema = z.object({
  gaps: z.array(gapSchema),
  treatment_gaps: z.array(z.object({ from: z.string(), to: z.string(), days: z.number().int(), from_description: z.string(), to_description: z.string() })),
  client_listed_gaps: z.array(z.string()),
});
export type GapsResult = z.infer<typeof gapsResultSchema>;
type Gap = z.infer<typeof gapSchema>;

const TREATMENT_GAP_DAYS = 30;
const COLLISION_WORDS = ['collision', 'crash', 'rear-ended', 'rear-end', 'motor vehicle', 'car accident', 'traffic'];

/** Where the matter says something happened but the file lacks the record that proves it. */
function findGaps(matter: NormalizedMatter, input: Omit<GapsInput, 'matter'>): GapsResult {
  const { incident, injuries, ledger, timeline } = input;
  const gaps: Gap[] = [];
  const narrative = matterTexts(matter).filter((t) => t.kind !== 'weakness' && t.kind !== 'strength').map((t) => t.text).join('\n');
  const fileItems = [...matter.documents.map((d) => `${d.title} ${d.type ?? ''}`), ...matter.evidence.map((e) => e.text)].join('\n');
  const cause = (matter.causeOfAction ?? '').toLowerCase();

  if (incident.date === null) gaps.push({ gap: 'Incident date missing', detail: incident.basis, severity: 'high' });
  if (matter.jurisdiction === null) gaps.push({ gap: 'Jurisdiction missing', detail: 'No jurisdiction is given, so no limitation period, fault rule or cap can be applied.', severity: 'high' });
  if (!matter.parties.some((p) => p.role === 'defendant')) gaps.push({ gap: 'No defendant identified', detail: 'No party is identified as a defendant.', severity: 'high' });
  const isCollision = /motor|vehicle|auto/.test(cause) || mentionsAny(narrative, COLLISION_WORDS);
  if (isCollision && !mentionsAny(fileItems, ['police', 'collision report', 'crash report', 'accident report', 'CR-3', 'traffic collision'])) {
    gaps.push({ gap: 'No police or collision report', detail: 'The matter describes a vehicle collision, but no police, crash or collision report is among the documents or evidence.', severity: 'high' });
  }
  if (/premises|slip/.test(cause) && !mentionsAny(fileItems, ['incident report', 'surveillance', 'cctv', 'video', 'photographs', 'photos'])) {
    gaps.push({ gap: 'No incident report, photographs or video of the hazard', detail: 'Premises claim without a property incident report or images of the condition.', severity: 'medium' });
  }
  if (/dog|animal/.test(cause) && !mentionsAny(fileItems, ['animal control', 'police'])) {
    gaps.push({ gap: 'No animal-control or police report', detail: 'Dog-bite claim without an animal-control or police report identifying the dog and its owner.', severity: 'medium' });
  }
  if (/malpractice|medical_negligence/.test(cause) && !mentionsAny(fileItems, ['expert', 'certificate of merit', 'affidavit of merit', 'review'])) {
    gaps.push({ gap: 'No expert review of the standard of care', detail: 'Medical-malpractice claim without an expert opinion on the departure from the standard of care.', severity: 'high' });
  }
  const injured = injuries.injuries.length > 0 || injuries.injury_mentions.length > 0;
  const hasMedicalRecords = matter.medical.length > 0 || injuries.treatment_dates.length > 0;
  if (injured && !hasMedicalRecords) gaps.push({ gap: 'No medical records', detail: 'Injuries are described, but no medical record, provider or dated treatment is in the file.', severity: 'high' });
  if (injured && ledger.billed_medical_total === null) {
    const specials = ledger.lines.find((line) => line.category === 'specials');
    gaps.push({ gap: 'No itemised medical bills', detail: specials === undefined ? 'Injuries are described but no bill amounts are in the file.' : `Stated specials of ${formatUsd(specials.amount)} are not supported by itemised bills.`, severity: 'medium' });
  }
  for (const provider of matter.medical) {
    for (const record of provider.records.filter((r) => r.balance === null)) {
      gaps.push({ gap: `Bill missing for ${provider.name}`, detail: `${record.path}: ${record.description ?? 'treatment'} has no balance.`, severity: 'medium' });
    }
  }
  if (ledger.lines.length === 0) gaps.push({ gap: 'No economic damages figures', detail: 'No specials, bills, wage loss or future medical amounts are stated.', severity: 'high' });
  const treatmentGaps = findTreatmentGaps(incident.date, injuries.treatment_dates);
  for (const g of treatmentGaps) gaps.push({ gap: `Gap of ${g.days} days in documented treatment`, detail: `No treatment is documented between ${g.from} (${g.from_description}) and ${g.to} (${g.to_description}).`, severity: 'medium' });
  for (const item of timeline.unresolved_dates) gaps.push({ gap: 'Unresolved date', detail: item, severity: 'low' });
  if (matter.insurance.length === 0) gaps.push({ gap: 'Liability coverage unknown', detail: 'No insurance carrier or policy limits are given for the defendant.', severity: 'low' });
  return { gaps, treatment_gaps: treatmentGaps, client_listed_gaps: matter.evidentiaryGaps };
}

/** Gaps over 30 days between consecutive treatment dates, counting from the incident to the first treatment. */
function findTreatmentGaps(incident: string | null, dates: InjuriesResult['treatment_dates']): GapsResult['treatment_gaps'] {
  const points = [...(incident === null ? [] : [{ date: incident, description: 'incident' }]), ...dates]
    .filter((point, index, all) => all.findIndex((other) => other.date === point.date) === index)
    .sort((a, b) => a.date.localeCompare(b.date));
  return points.slice(1).flatMap((point, i) => {
    const previous = points[i];
    if (previous === undefined) return [];
    const days = daysBetween(previous.date, point.date);
    return days > TREATMENT_GAP_DAYS ? [{ from: previous.date, to: point.date, days, from_description: previous.description, to_description: point.description }] : [];
  });
}

const gapsInputSchema = z.object({ matter: normalizedMatterSchema, incident: incidentResultSchema, injuries: injuriesResultSchema, ledger: ledgerSchema, timeline: timelineResultSchema });
type GapsInput = z.infer<typeof gapsInputSchema>;

export const findEvidenceGapsTool = defineTool({
  name: 'find_evidence_gaps',
  description: 'What the file lacks: incident date, jurisdiction, police report for a collision, medical records and bills for treated injuries, treatment gaps over 30 days, unresolved dates, coverage.',
  input: gapsInputSchema,
  output: gapsResultSchema,
  run: ({ matter, ...rest }) => findGaps(matter, rest),
});
