import type { LdaArtifact, NormalizedMatter } from '@themis/legal';
import type { DemandLetter } from './demand-letter.types.ts';

export const ADDRESS_PLACEHOLDER = '[Mailing address]';
export const RECIPIENT_PLACEHOLDER = '[Recipient name]';

/**
 * The recipient, in the order a PI firm would send a pre-suit demand: the opposing contact the
 * matter names (upstream letters greeted the counterparty too), else the defendant's liability
 * adjuster, else defence counsel, else the carrier's claims department; with nobody named, the
 * upstream greeting "Dear Opposing Counsel" and a placeholder name. The address is never in the
 * file, so it is always a placeholder.
 */
export function addressLetter(lda: LdaArtifact, matter: NormalizedMatter): Pick<DemandLetter, 'recipient' | 're'> {
  const facts = lda.facts;
  const insurance = matter.insurance.find((i) => i.adjuster !== null || i.carrier !== null) ?? null;
  const defence = facts.parties.find((p) => p.role === 'defendant' && p.counsel !== null);
  const recipient = ((): DemandLetter['recipient'] => {
    if (facts.counterparty !== null) return named(facts.counterparty, []);
    if (insurance !== null && insurance.adjuster !== null) return named(insurance.adjuster, insurance.carrier === null ? [] : [insurance.carrier]);
    if (defence !== undefined && defence.counsel !== null) return named(defence.counsel, [`Counsel for ${defence.name}`]);
    if (insurance !== null && insurance.carrier !== null) return { name: null, lines: ['Claims Department', insurance.carrier, ADDRESS_PLACEHOLDER], greeting: 'Dear Claims Representative:' };
    return { name: null, lines: [RECIPIENT_PLACEHOLDER, ADDRESS_PLACEHOLDER], greeting: 'Dear Opposing Counsel:' };
  })();
  return {
    recipient,
    re: {
      client: facts.plaintiff,
      defendants: facts.defendants,
      incidentDate: facts.incident.date,
      matterId: facts.matter.id,
      caseNumber: matter.caseNumber,
      insurer: insurance?.carrier ?? null,
      policyNumber: insurance?.policyNumber ?? null,
    },
  };
}

const named = (name: string, organisation: readonly string[]): DemandLetter['recipient'] => ({ name, lines: [name, ...organisation, ADDRESS_PLACEHOLDER], greeting: `Dear ${name}:` });
