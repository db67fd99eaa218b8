import { formatLongDate } from '../text/dates.ts';
import { formatUsd } from '../text/money.ts';
import { type LetterBlock, sectionHeadings as H, signaturePlaceholders } from './letter-block.ts';
import type { DatedEntry, DemandLetter } from './demand-letter.types.ts';

export const DRAFT_BANNER = 'DRAFT FOR ATTORNEY REVIEW. Text in [brackets] is a placeholder for something the file does not say; fill it in, and resolve and remove the attorney notes at the end, before sending.';

const note = (text: string): LetterBlock => ({ kind: 'paragraph', text: `[${text}]`, note: true });
const para = (text: string): LetterBlock => ({ kind: 'paragraph', text });
const dated = (entries: readonly DatedEntry[]): LetterBlock => ({ kind: 'list', items: entries.map((e) => `${formatLongDate(e.date)}: ${e.description}`) });

/** The letter in reading order: heading, addressee, body sections, signature, then the attorney-only sections. */
export function layoutDemandLetter(letter: DemandLetter): LetterBlock[] {
  const client = letter.re.client ?? '[Client name]';
  const incident = letter.facts.incidentDate === null ? '[date of incident: not established in the file]' : formatLongDate(letter.facts.incidentDate);
  return [
    { kind: 'banner', text: DRAFT_BANNER },
    para(formatLongDate(letter.letterDate)),
    { kind: 'paragraph', text: 'CONFIDENTIAL SETTLEMENT COMMUNICATION', bold: true },
    { kind: 'lines', lines: letter.recipient.lines },
    { kind: 'lines', lines: reLines(letter, client, incident) },
    { kind: 'paragraph', text: `Subject: Settlement Demand – ${letter.title}`, bold: true },
    para(letter.recipient.greeting),
    para(`This firm represents ${client} in connection with injuries sustained in the incident of ${incident}. This letter sets out the facts, liability and damages, and makes a demand for settlement.`),
    { kind: 'heading', text: H.facts },
    para(`Date of incident: ${incident}.`),
    letter.facts.narrative.length === 0 ? note('Description of the incident: not stated in the file.') : para(letter.facts.narrative.join(' ')),
    ...(letter.facts.chronology.length === 0 ? [note('Chronology: no dated events in the file.')] : [para('Key dates:'), dated(letter.facts.chronology)]),
    { kind: 'heading', text: H.liability },
    ...liabilityBlocks(letter.liability),
    { kind: 'heading', text: H.injuries },
    ...(letter.injuries.injuries.length === 0 ? [note('Injuries: not described in the file.')] : [para(`${client}'s injuries, as documented in the file:`), { kind: 'list', items: letter.injuries.injuries } as const]),
    ...(letter.injuries.providers.length === 0 ? [note('Treating providers: none identified in the file.')] : [para('Treating providers:'), { kind: 'list', items: letter.injuries.providers } as const]),
    ...(letter.injuries.treatment.length === 0 ? [note('Dates of treatment: none documented in the file.')] : [para('Dates of treatment:'), dated(letter.injuries.treatment)]),
    { kind: 'heading', text: H.damages },
    ...damagesBlocks(letter.damages),
    { kind: 'heading', text: H.demand },
    ...demandBlocks(letter, client, incident),
    { kind: 'heading', text: H.response },
    para(`Please respond in writing by ${formatLongDate(letter.response.deadline)}, 30 days from the date of this letter.`),
    ...letter.response.warnings.map((w) => note(`Attorney note: ${w}`)),
    para('We look forward to your response.'),
    { kind: 'lines', lines: ['Sincerely,', '', ...signaturePlaceholders, `Counsel for ${client}`] },
    { kind: 'heading', text: H.missing },
    letter.missing.length === 0 ? para('Nothing is recorded as missing from the file.') : { kind: 'list', items: letter.missing },
    { kind: 'heading', text: H.review },
    { kind: 'list', items: letter.reviewNotes },
  ];
}

function reLines(letter: DemandLetter, client: string, incident: string): string[] {
  const { re } = letter;
  const defendants = re.defendants.length === 0 ? '[Defendant: not identified in the file]' : re.defendants.join('; ');
  return [
    `Re: Our client: ${client}`,
    `${re.defendants.length > 1 ? 'Defendants' : 'Defendant'}: ${defendants}`,
    `Date of incident: ${incident}`,
    ...(re.matterId === null ? [] : [`Matter ID: ${re.matterId}`]),
    ...(re.caseNumber === null ? [] : [`Case number: ${re.caseNumber}`]),
    ...(re.insurer === null ? [] : [`Insurer: ${re.insurer}`]),
    ...(re.policyNumber === null ? [] : [`Policy number: ${re.policyNumber}`]),
  ];
}

function liabilityBlocks(liability: DemandLetter['liability']): LetterBlock[] {
  const issues = liability.issues.flatMap((issue): LetterBlock[] => [
    { kind: 'paragraph', text: issue.citations.length === 0 ? issue.issue : `${issue.issue} (${issue.citations.join('; ')})`, bold: true },
    issue.elementsMet.length === 0
      ? note('No element of this claim is yet supported by facts in the file.')
      : { kind: 'list', items: issue.elementsMet.map((e) => (e.fact === null ? e.element : `${e.element} — ${e.fact}`)) },
  ]);
  const rule = liability.faultRule;
  return [
    ...(issues.length === 0 ? [note('Liability: no legal theory is identified from the facts in the file.')] : issues),
    rule === null ? note('Fault rule: the jurisdiction is unknown, so no fault rule is stated.') : para(`Fault rule (${rule.jurisdiction}): ${rule.summary.replace(/\.$/, '')} (${rule.citation}).`),
  ];
}

function damagesBlocks(damages: DemandLetter['damages']): LetterBlock[] {
  const specials: LetterBlock[] =
    damages.economicTotal === null
      ? [note('Economic damages: none documented in the file (no medical bills, wage loss or other specials figures). Add the itemised specials before sending.')]
      : [
          para('Economic damages (specials), itemised:'),
          { kind: 'table', columns: ['Description', 'Source', 'Amount'], rows: damages.lines.map((l) => [l.description, l.source, formatUsd(l.amount)]), total: ['Total economic damages', '', formatUsd(damages.economicTotal)], numeric: [2] },
        ];
  return [
    ...specials,
    ...(damages.generals === null ? [] : [para(`General (non-economic) damages claimed, stated separately from the specials: ${formatUsd(damages.generals)}.`)]),
    ...(damages.punitive === null ? [] : [para(`Punitive damages claimed, stated separately: ${formatUsd(damages.punitive)}.`)]),
  ];
}

function demandBlocks(letter: DemandLetter, client: string, incident: string): LetterBlock[] {
  const { demand } = letter;
  const amount = demand.amount === null ? null : formatUsd(demand.amount);
  const main =
    amount === null
      ? note(`Demand amount: ${demand.basis}. Set the amount before sending.`)
      : para(`On behalf of ${client}, we demand ${demand.isPolicyLimitsDemand ? `the per-person policy limit of ${amount}` : amount} in full settlement of all claims arising from the incident of ${incident}.`);
  const limits = demand.policyLimits === null ? para('Please disclose the limits of every liability insurance policy that may cover this claim.') : para(`We understand the applicable liability coverage to be ${demand.policyLimits.text} (${formatUsd(demand.policyLimits.perPerson)} per person).`);
  return [main, limits];
}
