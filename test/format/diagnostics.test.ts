import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatReport, lineStarts, locate, locateDiagnostics } from '../../src/diagnostics.js';

describe('lineStarts', () => {
  it.each([
    ['', [0]],
    ['ab', [0]],
    ['a\nb', [0, 2]],
    ['a\r\nb', [0, 3]],
    ['a\rb', [0, 2]],
    ['a\r\n\r\nb\n', [0, 3, 5, 7]],
    ['\n\r\r\n', [0, 1, 2, 4]],
  ])('%j → %j (CR, LF and CRLF are one break each)', (text, expected) => {
    expect(lineStarts(text)).toEqual(expected);
  });
});

describe('locate', () => {
  const starts = lineStarts('标题\r\n\r\n本报讯 6月1日\n𠀀x');
  it.each([
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3],
    [4, 2, 1],
    [6, 3, 1],
    [9, 3, 4],
    [15, 4, 1],
    [17, 4, 3],
    [99, 4, 85],
  ])('offset %i → %i:%i', (offset, line, column) => {
    expect(locate(starts, offset)).toEqual({ line, column });
  });
});

describe('formatReport', () => {
  const plain = new Chalk({ level: 0 });

  it('aligns place, severity and message by display width (Han = 2 columns)', () => {
    const located = locateDiagnostics(
      [
        { severity: 'warning', code: 'input/empty', message: '空', file: '甲.txt' },
        { severity: 'info', code: 'segment/leftover-orphan', message: 'a line', file: 'b.txt', span: [3, 5] },
        { severity: 'error', code: 'decode/binary', message: 'binary', note: 'not text' },
      ],
      'ab\ncde',
    );
    expect(formatReport(located, plain)).toBe(
      [
        '甲.txt:1:1   warning  空                 input/empty',
        'b.txt:2:1    info     a line             segment/leftover-orphan',
        '<stdin>:1:1  error    binary (not text)  decode/binary',
        '',
      ].join('\n'),
    );
  });

  it('colours the severity and dims the code when asked', () => {
    const located = locateDiagnostics([{ severity: 'error', code: 'x/y', message: 'm', file: 'f' }], undefined);
    expect(formatReport(located, new Chalk({ level: 1 }))).toBe('f:1:1  \u001b[31merror\u001b[39m  m  \u001b[2mx/y\u001b[22m\n');
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatReport([], plain)).toBe('');
  });
});
