import type { DeaArtifact } from '@themis/legal';
import { addDays, daysBetween, formatLongDate } from '../text/dates.ts';
import type { DemandLetter, FilingDeadline } from './demand-letter.types.ts';

export const RESPONSE_DAYS = 30;
/** A filing deadline this close to the letter leaves no room to negotiate: the attorney must see it. */
export const FILING_WARNING_DAYS = 60;

export interface DeadlineAssessment {
  readonly response: DemandLetter['response'];
  readonly citations: readonly string[];
}

/** Filing deadlines the DEA computed that bind before suit: the limitation period and, for public defendants, the government claim. */
function filingDeadlines(letterDate: string, dea: DeaArtifact): FilingDeadline[] {
  const block = dea.jurisdiction;
  if (!block.known) return [];
  const found: FilingDeadline[] = [];
  const add = (label: string, date: string, citation: string | null): void => {
    found.push({ label, date, citation, daysAfterLetter: daysBetween(letterDate, date) });
  };
  if (block.limitation.deadline !== null) add('limitation deadline', block.limitation.deadline.deadline, block.limitation.citation.cite);
  const claim = block.government_claim;
  if (claim.applies === 'yes' && claim.deadline !== null) add('government-claim deadline', claim.deadline.deadline, claim.citations[0]?.cite ?? null);
  return found;
}

function warningFor(deadline: FilingDeadline, response: string): string | null {
  const what = `The ${deadline.label} (${formatLongDate(deadline.date)}${deadline.citation === null ? '' : `, ${deadline.citation}`})`;
  if (deadline.daysAfterLetter < 0) return `${what} passed ${-deadline.daysAfterLetter} days before the date of this letter: confirm the claim is still timely (tolling, minority, discovery) before sending.`;
  if (deadline.date <= response) return `${what} falls on or before the ${formatLongDate(response)} response deadline: file suit or obtain a written tolling agreement before it; do not wait for a response.`;
  if (deadline.daysAfterLetter <= FILING_WARNING_DAYS) return `${what} is ${deadline.daysAfterLetter} days after the date of this letter, within ${FILING_WARNING_DAYS} days: prepare to file; the response deadline does not extend it.`;
  return null;
}

/** The response deadline (letter date + 30 days) and every filing deadline that threatens it. */
export function assessDeadlines(letterDate: string, dea: DeaArtifact): DeadlineAssessment {
  const response = addDays(letterDate, RESPONSE_DAYS);
  const deadlines = filingDeadlines(letterDate, dea);
  const warnings = deadlines.flatMap((d) => warningFor(d, response) ?? []);
  const block = dea.jurisdiction;
  const limitationUnknown = !block.known ? `the jurisdiction is unknown (${block.reason})` : block.limitation.deadline === null ? 'the incident date is not established' : null;
  const unknownWarning = limitationUnknown === null ? [] : [`The limitation deadline could not be computed because ${limitationUnknown}: confirm it before relying on the response deadline.`];
  return {
    response: { deadline: response, filingDeadlines: deadlines, warnings: [...warnings, ...unknownWarning] },
    citations: deadlines.flatMap((d) => (d.citation === null ? [] : [d.citation])),
  };
}
