import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonArrayItem, JSON_ARRAY } from '../../src/format/json.js';
import { SAMPLE, UNUSABLE } from './sample.js';

describe('formatJson', () => {
  it('prints one issue as a 2-space indented document ending in a newline', () => {
    expect(formatJson(UNUSABLE)).toBe(
      '{\n  "source": "bad.txt",\n  "encoding": "utf-8",\n  "articles": [],\n  "leftovers": [],\n  "diagnostics": [\n    {\n' +
        '      "severity": "error",\n      "code": "decode/binary",\n      "message": "binary data",\n      "file": "bad.txt"\n    }\n  ]\n}\n',
    );
  });

  it('round-trips', () => {
    expect(JSON.parse(formatJson(SAMPLE))).toEqual(SAMPLE);
  });
});

describe('JSON array streaming', () => {
  it('frames items into exactly what JSON.stringify gives for the array', () => {
    const streamed = JSON_ARRAY.open + [SAMPLE, UNUSABLE].map(formatJsonArrayItem).join(JSON_ARRAY.separator) + JSON_ARRAY.close;
    expect(streamed).toBe(JSON.stringify([SAMPLE, UNUSABLE], null, 2) + '\n');
  });

  it('keeps line breaks inside strings escaped when indenting', () => {
    const item = formatJsonArrayItem(SAMPLE);
    expect(item).toContain('"body": "本报讯（记者 王晶）6月1日，会议召开。他强调，要抓好安全。\\n会议指出');
    expect(JSON.parse(item)).toEqual(SAMPLE);
  });
});
