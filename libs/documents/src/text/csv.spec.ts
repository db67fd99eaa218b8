import { describe, expect, it } from '@jest/globals';
import { csvField, csvText } from './csv.ts';

describe('csvField', () => {
  it('leaves a plain value as it is', () => {
    expect(csvField('Rear-end collision on I-35')).toBe('Rear-end collision on I-35');
  });

  it('quotes a value holding a comma, a quote, CR or LF, doubling the quotes', () => {
    expect(csvField('Austin, TX')).toBe('"Austin, TX"');
    expect(csvField('Document "Crash Report"')).toBe('"Document ""Crash Report"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises a cell starting %j with a leading apostrophe', (value) => {
    expect(csvField(value).replace(/^"|"$/g, '')).toBe(`'${value}`);
  });

  it('protects a formula first and then quotes, so the apostrophe sits inside the quotes', () => {
    expect(csvField('=HYPERLINK("http://x.test","a")')).toBe('"\'=HYPERLINK(""http://x.test"",""a"")"');
  });

  it('does not treat a sign inside the text as a formula', () => {
    expect(csvField('Impact was moderate - not high-speed')).toBe('Impact was moderate - not high-speed');
  });
});

describe('csvText', () => {
  it('ends every record, the last one included, with CRLF', () => {
    expect(csvText([['a', 'b'], ['c', '']])).toBe('a,b\r\nc,\r\n');
  });
});
