import type { JsonValue } from '@themis/domain';
import { asArray, asRecord, asText, firstText } from './json-read.ts';
import { readParty, resolveRoles } from './parties.ts';

/** Finds the matter inside a `{ matter: … }` wrapper (see unwrapMatter) for JSON values. */
export function matterRecord(raw: JsonValue): ReturnType<typeof asRecord> {
  const outer = asRecord(raw);
  const inner = asRecord(outer?.matter);
  if (outer !== null && inner !== null && !['parties', 'summary', 'description', 'facts'].some((key) => key in outer)) return inner;
  return outer;
}

/** metadata.title, else "<plaintiff> v. <defendant>", else the first 80 characters of the summary. */
export function matterTitle(raw: JsonValue): string {
  const matter = matterRecord(raw);
  if (matter === null) return 'Untitled matter';
  const given = firstText(asRecord(matter.metadata)?.title, matter.title);
  if (given !== null) return given;
  const parties = resolveRoles(asArray(matter.parties).flatMap((value, index) => readParty(value, `parties.${index}`) ?? []), null);
  const plaintiff = parties.find((party) => party.role === 'plaintiff');
  const defendant = parties.find((party) => party.role === 'defendant');
  if (plaintiff !== undefined && defendant !== undefined) return `${plaintiff.name} v. ${defendant.name}`;
  const summary = firstText(matter.summary, matter.description, asRecord(matter.facts)?.incident_description);
  if (summary !== null) return [...summary.trim()].slice(0, 80).join('');
  return asText(asRecord(matter.metadata)?.id) ?? 'Untitled matter';
}
