import type { JsonObject } from '@themis/domain';

/** A small matter that runs end to end; printed by `themis serve` and used by the README. */
export const sampleMatter: JsonObject = {
  summary: 'Jane Doe was rear-ended while stopped at a red light on Main Street in Austin and was treated for neck and back injuries.',
  parties: ['Jane Doe (Client)', 'ACME Trucking LLC'],
  documents: [
    { title: 'Police report', date: '2025-09-12', summary: 'Officer cited the ACME driver for following too closely.', facts: ['ACME truck struck the rear of the client vehicle.'] },
    { title: 'Emergency room bill', date: '2025-09-12', summary: 'Cervical strain; treated and released. Bill of $4,200.' },
  ],
  events: [
    { date: '2025-09-12', description: 'Rear-end collision at Main St and 5th Ave' },
    { date: '2025-09-22', description: 'Physical therapy begins' },
  ],
  damages: { specials: 12000, generals: 30000 },
  metadata: { jurisdiction: 'Texas', cause_of_action: 'motor_vehicle' },
};

export function sampleCurl(baseUrl: string, withKey: boolean): string {
  const auth = withKey ? ` -H "Authorization: Bearer $THEMIS_API_KEY"` : '';
  return `curl -s ${baseUrl}/v1/runs -H 'Content-Type: application/json'${auth} -d '${JSON.stringify({ matter: sampleMatter })}'`;
}
