import { z } from 'zod';
import { normalizedMatterSchema } from '../../../matter/normalized-matter.schema.ts';
import { mentionsAny } from '../../../text/patterns.ts';
import { defineTool } from '../../shared/tool.ts';
import { sourceSchema } from '../../shared/source.schema.ts';
import { timelineEntrySchema } from './build-timeline.tool.ts';

const INCIDENT_WORDS = [
  'collision', 'crash', 'accident', 'rear-ended', 'rear-end', 'struck', 'hit', 'fell', 'fall', 'slipped', 'slip', 'tripped', 'trip',
  'bite', 'bitten', 'bit', 'attack', 'attacked', 'mauled', 'collapse', 'collapsed', 'explosion', 'incident', 'injury', 'injured', 'crushed',
];

const candidateSchema = z.object({ date: z.string(), basis: z.string(), source: sourceSchema });
export const incidentResultSchema = z.object({
  date: z.string().nullable(),
  basis: z.string(),
  source: sourceSchema.nullable(),
  candidates: z.array(candidateSchema),
  conflicts: z.array(z.string()),
});
export type IncidentResult = z.infer<typeof incidentResultSchema>;

const NARRATIVE_PATHS = new Set(['summary', 'description', 'facts.incident_description']);

/**
 * The date the cause of action accrued. In order: an explicit incident_date; the earliest
 * event that describes an incident; a day stated in the summary or incident description; the
 * earliest dated event. Upstream took the first listed event, whatever it described.
 */
export const establishIncidentTool = defineTool({
  name: 'establish_incident_date',
  description: 'Chooses the incident (accrual) date from an explicit field, incident events, or the narrative, listing every candidate and any disagreement.',
  input: z.object({ matter: normalizedMatterSchema, timeline: z.array(timelineEntrySchema) }),
  output: incidentResultSchema,
  run: ({ matter, timeline }) => {
    const days = timeline.filter((entry) => entry.precision === 'day');
    const candidates: IncidentResult['candidates'] = [];
    const given = matter.incidentDateGiven;
    if (given.status === 'exact' && given.iso !== null) candidates.push({ date: given.iso, basis: 'incident date given in the matter', source: { path: 'incident_date', label: 'Incident date field' } });
    const incidentEvent = days.find((entry) => entry.kind === 'event' && mentionsAny(entry.description, INCIDENT_WORDS));
    if (incidentEvent !== undefined) candidates.push({ date: incidentEvent.date, basis: `earliest event describing the incident: "${incidentEvent.description}"`, source: incidentEvent.source });
    const stated = days.find((entry) => entry.kind === 'text_mention' && NARRATIVE_PATHS.has(entry.source.path));
    if (stated !== undefined) candidates.push({ date: stated.date, basis: `date stated in the ${stated.source.label.toLowerCase()}`, source: stated.source });
    const firstEvent = days.find((entry) => entry.kind === 'event');
    if (firstEvent !== undefined && candidates.length === 0) candidates.push({ date: firstEvent.date, basis: `earliest dated event (no event describes an incident): "${firstEvent.description}"`, source: firstEvent.source });
    const [chosen] = candidates;
    const conflicts = chosen === undefined ? [] : candidates.filter((c) => c.date !== chosen.date).map((c) => `Incident date sources disagree: ${chosen.date} (${chosen.basis}) vs ${c.date} (${c.basis}).`);
    return chosen === undefined
      ? { date: null, basis: 'No incident date: no incident_date field, no dated event and no date stated in the narrative.', source: null, candidates, conflicts }
      : { date: chosen.date, basis: chosen.basis, source: chosen.source, candidates, conflicts };
  },
});
