import { formatLongDate } from '../text/dates.ts';
import { demandNote } from './demand-letter.damages.ts';
import type { DemandLetterSources } from './demand-letter.model.ts';
import type { DemandLetter } from './demand-letter.types.ts';

type Drafted = Omit<DemandLetter, 'missing' | 'reviewNotes'>;

const unique = (values: readonly string[]): string[] => [...new Set(values)];
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What the file lacks, in the agents' own words: the LDA's evidence gaps and the gaps the client
 * listed, unreadable amounts, conflicting incident dates, the DEA's unknowns (jurisdiction,
 * deadline, unproven elements) and anything the letter itself had to leave as a placeholder.
 */
export function listMissing(letter: Drafted, { lda, dea }: DemandLetterSources): string[] {
  const facts = lda.facts;
  const missing: string[] = [];
  if (letter.re.client === null) missing.push('Client: no plaintiff is identified in the file.');
  if (letter.recipient.name === null && letter.re.insurer === null) missing.push('Recipient: no opposing contact, insurance adjuster or defence counsel is named in the file.');
  missing.push(...facts.evidence_gaps.map((g) => `${g.gap}: ${g.detail}`));
  missing.push(...facts.client_listed_gaps.map((g) => `Listed in the file as outstanding: ${g}`));
  missing.push(...facts.incident.conflicts);
  missing.push(...facts.damages.problems.map((p) => `Unreadable amount: ${p}`));
  if (!dea.jurisdiction.known) missing.push(`Jurisdiction: ${dea.jurisdiction.reason}`);
  else if (dea.jurisdiction.limitation.deadline === null) missing.push('Limitation deadline: not computed because the incident date is not established.');
  if (letter.liability.issues.length === 0) missing.push('Liability: no legal issue was identified from the facts in the file.');
  for (const issue of letter.liability.issues) {
    missing.push(...issue.elementsUnproven.map((element) => `Liability (${issue.issue}): no fact in the file supports the element "${element}".`));
  }
  if (letter.injuries.injuries.length === 0) missing.push('Injuries: the file describes no injury.');
  if (letter.demand.amount === null) missing.push(`Demand amount: ${letter.demand.basis}.`);
  return unique(missing);
}

/** Notes for the attorney: deadline warnings first, then how the demand was reached and what the agents could not verify. */
export function listReviewNotes(letter: Drafted, { lda, dea, lsa }: DemandLetterSources): string[] {
  const filing = letter.response.filingDeadlines.map((d) => {
    const when = d.daysAfterLetter < 0 ? `${-d.daysAfterLetter} days before` : `${d.daysAfterLetter} days after`;
    return `${capitalise(d.label)}: ${formatLongDate(d.date)}${d.citation === null ? '' : ` (${d.citation})`}, ${when} the date of this letter.`;
  });
  return unique([...letter.response.warnings, ...filing, demandNote(lsa, letter.demand), ...dea.unresolved_issues,
    ...lda.unresolved_issues,
  ]);
}
