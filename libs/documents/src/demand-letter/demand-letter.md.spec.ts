import { describe, expect, it } from '@jest/globals';
import { authoritiesTable } from '@themis/legal';
import { renderDocument } from '../demand-pack.ts';
import { fixtureNames, fixturePack, matterPack } from '../testing/pack-fixtures.ts';

/** The text a CommonMark reader shows: backslash escapes and numeric references resolved. */
const shown = (markdown: string): string => markdown.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/\\([!-/:-@[-`{-~])/g, '$1');

const usd = (amount: number): string => `$${amount.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2 })}`;
const longDate = (iso: string): string => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

async function markdownOf(name: string): Promise<string> {
  const pack = await fixturePack(name);
  const rendered = await renderDocument('demand-letter.md', pack.input);
  expect(rendered.contentType).toBe('text/markdown; charset=utf-8');
  return rendered.body.toString('utf8');
}

/** The lines of one `## ` section, up to the next heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('demand-letter.md', () => {
  it.each(fixtureNames)('carries the key facts and figures of %s', async (name) => {
    const pack = await fixturePack(name);
    const text = shown(await markdownOf(name));
    const included = pack.lda.facts.damages.lines.filter((l) => l.included);
    const opening = pack.lsa.strategy.negotiation_positions.opening.amount;

    expect(text).toContain('Subject: Settlement Demand');
    expect(text).toContain(`Our client: ${pack.lda.facts.plaintiff ?? ''}`);
    if (pack.lda.facts.incident.date !== null) expect(text).toContain(`Date of incident: ${longDate(pack.lda.facts.incident.date)}`);
    for (const line of included) expect(text).toContain(`| ${usd(line.amount)} |`);
    if (included.length > 0) expect(text).toContain(`| **Total economic damages** |  | **${usd(included.reduce((sum, l) => sum + l.amount, 0))}** |`);
    expect(text).toContain(`we demand ${opening === pack.lsa.strategy.settlement_range.policy_limits?.per_person ? 'the per-person policy limit of ' : ''}${usd(opening)} in full settlement`);
    expect(text).toContain('Please respond in writing by July 1, 2025, 30 days from the date of this letter.');
    expect(text).toContain('[Attorney name]');
    for (const heading of ['Facts', 'Liability', 'Injuries and Treatment', 'Damages', 'Demand', 'Response Deadline', 'Missing Information', 'Attorney Review Notes']) expect(text).toContain(`\n## ${heading}`);
  });

  it.each(fixtureNames)('prints no curated citation that is not in the DEA artifact of %s', async (name) => {
    const pack = await fixturePack(name);
    const text = shown(await markdownOf(name));
    const dea = JSON.stringify(pack.dea);
    const printed = authoritiesTable.map((a) => a.citation).filter((citation) => text.includes(citation));
    expect(printed.length).toBeGreaterThan(0);
    for (const citation of printed) expect(dea).toContain(JSON.stringify(citation));
    // Authorities the client supplied are unverified and stay out of the letter (some are prefixes of curated ones).
    const rest = printed.reduce((remaining, citation) => remaining.split(citation).join(''), text);
    for (const client of pack.dea.legal_analysis.client_authorities.filter((c) => !c.in_curated_table)) expect(rest).not.toContain(client.cite);
  });

  it('honours the upstream expectations for the Lopez and Chen letters', async () => {
    const lopez = shown(await markdownOf('nominal_collision_matter.json'));
    expect(lopez).toContain('Maria Lopez suffered shoulder and knee injuries');
    expect(lopez).toContain('$210,000');
    const chen = shown(await markdownOf('edgecase_sparse_slip_and_fall.json'));
    expect(chen).toContain('Maya Chen slipped on a puddle');
    expect(chen).toContain('Dear Opposing Counsel:');
  });

  it('names what the sparse file lacks and prints no dollar figure but the demand', async () => {
    const markdown = await markdownOf('edgecase_sparse_slip_and_fall.json');
    const missing = shown(section(markdown, 'Missing Information'));
    expect(missing).toContain('- No medical records:');
    expect(missing).toContain('- No itemised medical bills:');
    expect(missing).toContain('- No economic damages figures:');
    const damages = shown(section(markdown, 'Damages'));
    expect(damages).toContain('[Economic damages: none documented in the file');
    expect(damages).not.toContain('$');
    expect(damages).not.toContain('| Total');
    expect(shown(markdown).match(/\$[\d,.]+/g)).toEqual(['$45,000', '$45,000']);
  });

  it('escapes matter text so it cannot inject HTML or Markdown structure', async () => {
    const pack = await matterPack({
      summary: '# Pwned\n- injected item\n<script>alert(1)</script> [link](http://evil.test) *bold* was rear-ended on 2024-05-01 and injured her neck.',
      parties: ['Eve <img src=x onerror=alert(1)> Smith (Client)', 'Mallory_Corp | Inc'],
      metadata: { jurisdiction: 'California', title: 'Smith v. **Mallory**' },
      damages: { specials: 1000 },
    });
    const markdown = (await renderDocument('demand-letter.md', pack.input)).body.toString('utf8');
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)/);
    expect(markdown).not.toMatch(/^# Pwned|^- injected item/m);
    expect(markdown).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(markdown).toContain('\\*\\*Mallory\\*\\*');
    expect(shown(markdown)).toContain('Our client: Eve <img src=x onerror=alert(1)> Smith');
    expect(shown(markdown)).toContain('<script>alert(1)</script> [link](http://evil.test) *bold*');
  });
});
