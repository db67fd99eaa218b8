import { describe, expect, it } from '@jest/globals';
import { isDomainError } from '@themis/domain';
import { documentNames, isDocumentName, MissingArtifactError, renderDemandPack, renderDocument } from './index.ts';
import { fixtureNames, fixturePack } from './testing/pack-fixtures.ts';

describe('renderDemandPack', () => {
  it('renders the four documents in order with their content types', async () => {
    const pack = await fixturePack('rear_end_collision_texas.json');
    const rendered = await renderDemandPack(pack.input);
    expect(rendered.map((d) => [d.name, d.contentType])).toEqual([
      ['timeline.csv', 'text/csv; charset=utf-8'],
      ['demand-letter.md', 'text/markdown; charset=utf-8'],
      ['demand-letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['demand-letter.pdf', 'application/pdf'],
    ]);
    expect(rendered[2]?.body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(rendered[3]?.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(rendered[3]?.body.toString('latin1')).toContain('(D:20250601000000Z)');
  });

  it.each(fixtureNames)('gives identical bytes for all four documents when %s is rendered twice', async (name) => {
    const pack = await fixturePack(name);
    const first = await renderDemandPack(pack.input);
    const second = await renderDemandPack(structuredClone(pack.input));
    expect(second.map((d) => d.body.length)).toEqual(first.map((d) => d.body.length));
    second.forEach((document, i) => expect(document.body.equals(first[i]?.body ?? Buffer.alloc(0))).toBe(true));
  });

  it('dates the PDF and the Word package from the letter date, not the clock', async () => {
    const pack = await fixturePack('sample_matter.json');
    const later = await renderDemandPack({ ...pack.input, letterDate: '2025-07-15' });
    expect(later[3]?.body.toString('latin1')).toContain('(D:20250715000000Z)');
    // ZIP entry dates are MS-DOS dates: (2025 - 1980) << 9 | 7 << 5 | 15.
    expect(later[2]?.body.readUInt16LE(12)).toBe((45 << 9) | (7 << 5) | 15);
  });
});

describe('renderDocument', () => {
  it('renders the timeline from the LDA artifact alone', async () => {
    const pack = await fixturePack('dog_bite_illinois.json');
    const onlyLda = { ...pack.input, artifacts: { 'facts-step': pack.input.artifacts['facts-step'] ?? null } };
    const csv = await renderDocument('timeline.csv', onlyLda);
    expect(csv.body.toString('utf8').split('\r\n')[1]).toMatch(/^2025-05-17,day,/);
  });

  it('names the missing agent when the letter has no LSA artifact', async () => {
    const pack = await fixturePack('dog_bite_illinois.json');
    const { 'strategy-step': _lsa, ...withoutLsa } = pack.input.artifacts;
    const attempt = renderDocument('demand-letter.pdf', { ...pack.input, artifacts: withoutLsa });
    await expect(attempt).rejects.toBeInstanceOf(MissingArtifactError);
    await expect(attempt).rejects.toMatchObject({ agent: 'lsa', message: 'demand-letter.pdf needs the LSA artifact: no LSA artifact among the completed steps' });
  });

  it('treats an artifact that fails its schema as missing, and says where it fails', async () => {
    const pack = await fixturePack('dog_bite_illinois.json');
    const broken = { ...pack.input, artifacts: { ...pack.input.artifacts, 'facts-step': { agent: 'lda', facts: {} } } };
    await expect(renderDocument('timeline.csv', broken)).rejects.toMatchObject({ name: 'MissingArtifactError', agent: 'lda', message: expect.stringContaining('the artifact of step "facts-step" does not match the LDA schema (facts.') });
  });

  it('rejects a letter date that is not a calendar day as a validation error', async () => {
    const pack = await fixturePack('dog_bite_illinois.json');
    const error: unknown = await renderDocument('demand-letter.md', { ...pack.input, letterDate: '2025-02-30' }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.kind === 'validation' && error.code === 'invalid_letter_date').toBe(true);
  });
});

describe('isDocumentName', () => {
  it('accepts the four pack names and nothing else', () => {
    expect(documentNames.filter(isDocumentName)).toEqual(['timeline.csv', 'demand-letter.md', 'demand-letter.docx', 'demand-letter.pdf']);
    expect(['demand-letter.txt', 'timeline.CSV', '../timeline.csv', ''].some(isDocumentName)).toBe(false);
  });
});
