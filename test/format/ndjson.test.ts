import { describe, expect, it } from 'vitest';
import { articleRecord, formatNdjson } from '../../src/format/ndjson.js';
import { SAMPLE, UNUSABLE } from './sample.js';

describe('formatNdjson', () => {
  it('yields one line per article, each a record with source and issueDate first', () => {
    const lines = [...formatNdjson(SAMPLE)];
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    expect(lines[1]).toBe(
      '{"source":"issues/2021-06-27.txt","issueDate":{"value":"2021-06-27","source":"file-name"},"index":1,"kind":"other",' +
        '"headline":"=SUM(A1:A2), \\"quoted\\"","deck":[],"subheadings":[],"body":"－1 degrees, no sentence end","reporters":[],' +
        '"date":null,"dates":[],"locations":[],"lines":{"first":8,"last":8},"span":[82,110]}\n',
    );
  });

  it('gives each record the full article', () => {
    expect(articleRecord(SAMPLE, SAMPLE.articles[0]!)).toEqual({ source: SAMPLE.source, issueDate: SAMPLE.issueDate, ...SAMPLE.articles[0] });
  });

  it('sets issueDate to null when the issue date is unknown, and yields nothing for an issue without articles', () => {
    const { issueDate: _, ...noDate } = SAMPLE;
    expect(JSON.parse([...formatNdjson(noDate)][0]!).issueDate).toBeNull();
    expect([...formatNdjson(UNUSABLE)]).toEqual([]);
  });
});
