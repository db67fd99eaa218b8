import type { JsonValue } from '@themis/domain';
import { readAmount } from '../text/money.ts';
import { asArray, asRecord, asText, asTexts, firstText, type JsonRecord } from './json-read.ts';
import { describeDate, readMatterDate } from './matter-date.ts';
import { matterRecord, matterTitle } from './matter-title.ts';
import type { MatterDate, NormalizedMatter } from './normalized-matter.schema.ts';
import { readParty, resolveRoles } from './parties.ts';

type Problems = NormalizedMatter['problems'];

function amountAt(record: JsonRecord | null, key: string, path: string, problems: Problems): number | null {
  const value = record?.[key];
  if (value === undefined || value === null) return null;
  const reading = readAmount(value);
  if (reading.ok) return reading.value;
  problems.push({ path, message: `amount ${reading.reason}; left out of every total` });
  return null;
}

function dateAt(value: JsonValue | undefined, path: string, problems: Problems): MatterDate {
  const date = readMatterDate(value);
  if (date.status === 'free_text') problems.push({ path, message: `date ${describeDate(date)} is free text and could not be resolved to a day` });
  if (date.status === 'invalid') problems.push({ path, message: `date ${describeDate(date)} is not a valid date` });
  return date;
}

function evidenceText(value: JsonValue): string | null {
  const record = asRecord(value);
  if (record === null) return asText(value) ?? (typeof value === 'number' ? String(value) : null);
  return firstText(record.description, record.title, record.name, record.summary) ?? JSON.stringify(value);
}

/** The internal model of a matter (Format A, Format B or a mix). Total: it never throws. */
export function normalizeMatter(raw: JsonValue): NormalizedMatter {
  const m = matterRecord(raw) ?? {};
  const meta = asRecord(m.metadata);
  const facts = asRecord(m.facts);
  const damages = asRecord(m.damages);
  const goals = asRecord(m.goals) ?? asRecord(m.objectives);
  const problems: Problems = [];
  const title = matterTitle(raw);
  const given = firstText(meta?.title, m.title);
  const parties = resolveRoles(asArray(m.parties).flatMap((value, i) => readParty(value, `parties.${i}`) ?? []), given);
  const isFormatB = ['insurance', 'medical', 'injuries', 'liability', 'deadlines', 'facts'].some((key) => key in m) || asArray(m.parties).some((p) => asRecord(p) !== null);
  const isFormatA = ['documents', 'events', 'issues', 'authorities', 'counterparty'].some((key) => key in m) || asArray(m.parties).some((p) => typeof p === 'string');
  const events = [
    ...asArray(m.events).map((value, i) => ({ value, path: `events.${i}` })),
    ...asArray(facts?.timeline).map((value, i) => ({ value, path: `facts.timeline.${i}` })),
  ].flatMap(({ value, path }) => {
    const record = asRecord(value);
    const description = record === null ? asText(value) : firstText(record.description, record.summary, record.event);
    return description === null ? [] : [{ path, date: dateAt(record?.date, `${path}.date`, problems), description }];
  });
  const fault = asRecord(m.fault_allocation);
  return {
    format: isFormatA && isFormatB ? 'mixed' : isFormatB ? 'B' : 'A',
    id: firstText(meta?.id, m.id),
    title,
    jurisdiction: firstText(meta?.jurisdiction, m.jurisdiction),
    causeOfAction: firstText(meta?.cause_of_action, m.cause_of_action),
    venue: firstText(meta?.venue, m.venue),
    phase: firstText(meta?.phase, m.phase),
    caseNumber: firstText(meta?.case_number, m.case_number),
    filingDate: dateAt(meta?.filing_date ?? m.filing_date, 'metadata.filing_date', problems),
    incidentDateGiven: dateAt(facts?.incident_date ?? meta?.incident_date ?? m.incident_date, 'incident_date', problems),
    summary: asText(m.summary),
    description: asText(m.description),
    incidentDescription: asText(facts?.incident_description),
    parties,
    counterparty: firstText(m.counterparty),
    documents: asArray(m.documents).flatMap((value, i) => {
      const doc = asRecord(value);
      if (doc === null) return [];
      const path = `documents.${i}`;
      return [{ path, title: firstText(doc.title, doc.name) ?? `Document ${i + 1}`, date: dateAt(doc.date, `${path}.date`, problems), summary: firstText(doc.summary, doc.description), content: asText(doc.content), type: asText(doc.type), facts: asTexts(doc.facts ?? doc.key_facts) }];
    }),
    events,
    issues: asArray(m.issues).flatMap((value, i) => {
      const record = asRecord(value);
      const issue = record === null ? asText(value) : firstText(record.issue, record.label);
      return issue === null ? [] : [{ path: `issues.${i}`, issue, facts: asTexts(record?.facts), areaOfLaw: asText(record?.area_of_law), strength: asText(record?.strength) }];
    }),
    authorities: asArray(m.authorities).flatMap((value) => {
      const record = asRecord(value);
      const cite = record === null ? asText(value) : asText(record.cite);
      return cite === null ? [] : [{ cite, summary: asText(record?.summary) }];
    }),
    goals: {
      settlement: amountAt(goals, 'settlement', 'goals.settlement', problems),
      fallback: amountAt(goals, 'fallback', 'goals.fallback', problems),
      opening: amountAt(goals, 'opening', 'goals.opening', problems),
      ideal: amountAt(goals, 'ideal', 'goals.ideal', problems),
      minimum: amountAt(goals, 'minimum', 'goals.minimum', problems),
      remedy: asText(goals?.remedy),
    },
    strengths: asTexts(m.strengths),
    weaknesses: asTexts(m.weaknesses),
    concessions: asTexts(m.concessions),
    evidentiaryGaps: asTexts(m.evidentiary_gaps),
    confidenceScore: amountAt(m, 'confidence_score', 'confidence_score', problems),
    damages: {
      specials: amountAt(damages, 'specials', 'damages.specials', problems),
      generals: amountAt(damages, 'generals', 'damages.generals', problems),
      punitive: amountAt(damages, 'punitive', 'damages.punitive', problems),
      wageLoss: amountAt(damages, 'wage_loss', 'damages.wage_loss', problems),
      futureMedical: amountAt(damages, 'future_medical', 'damages.future_medical', problems),
      propertyDamage: amountAt(damages, 'property_damage', 'damages.property_damage', problems),
      notes: asText(damages?.notes),
    },
    insurance: asArray(m.insurance).flatMap((value, i) => {
      const record = asRecord(value);
      if (record === null) return [];
      const limits = typeof record.coverage_limits === 'number' ? String(record.coverage_limits) : asText(record.coverage_limits);
      return [{ path: `insurance.${i}`, carrier: asText(record.carrier), policyNumber: asText(record.policy_number), coverageLimits: limits, adjuster: asText(record.adjuster) }];
    }),
    deadlines: asArray(m.deadlines).flatMap((value, i) => {
      const record = asRecord(value);
      const name = asText(record?.name);
      return record === null || name === null ? [] : [{ path: `deadlines.${i}`, name, due: dateAt(record.due, `deadlines.${i}.due`, problems), description: asText(record.description) }];
    }),
    injuries: asArray(m.injuries).flatMap((value, i) => {
      const record = asRecord(value);
      const description = record === null ? asText(value) : asText(record.description);
      return description === null ? [] : [{ path: `injuries.${i}`, description, bodyParts: asTexts(record?.body_parts), severity: asText(record?.severity), treatment: asText(record?.treatment), prognosis: asText(record?.prognosis) }];
    }),
    medical: asArray(m.medical).flatMap((value, i) => {
      const record = asRecord(value);
      const name = asText(record?.name);
      if (record === null || name === null) return [];
      const path = `medical.${i}`;
      const records = asArray(record.records).flatMap((item, j) => {
        const rec = asRecord(item);
        const recPath = `${path}.records.${j}`;
        return rec === null ? [] : [{ path: recPath, date: dateAt(rec.date, `${recPath}.date`, problems), description: asText(rec.description), balance: amountAt(rec, 'balance', `${recPath}.balance`, problems) }];
      });
      return [{ path, name, specialty: asText(record.specialty), records }];
    }),
    liability: asArray(m.liability).flatMap((value, i) => {
      const record = asRecord(value);
      const name = asText(record?.name);
      return record === null || name === null ? [] : [{ path: `liability.${i}`, name, facts: asTexts(record.facts), defenses: asTexts(record.defenses) }];
    }),
    evidence: asArray(facts?.evidence).flatMap((value, i) => {
      const text = evidenceText(value);
      return text === null ? [] : [{ path: `facts.evidence.${i}`, text }];
    }),
    witnesses: asArray(facts?.witnesses ?? m.witnesses).flatMap((value) => evidenceText(value) ?? []),
    negotiationHistory: asTexts(asRecord(m.notes)?.negotiation_history),
    plaintiffFaultPercent: typeof fault?.plaintiff === 'number' && fault.plaintiff >= 0 && fault.plaintiff <= 100 ? fault.plaintiff : null,
    faultBasis: asText(fault?.basis),
    problems,
  };
}
