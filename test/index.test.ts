import { expect, it } from 'vitest';
import * as api from '../src/index.js';
import { splitBytes, splitBytesLazily } from '../src/index.js';

it('exports exactly the public API (a change here is a change of the package contract)', () => {
  expect(Object.keys(api).sort()).toEqual([
    'CSV_BOM',
    'CSV_COLUMNS',
    'CSV_COLUMN_NAMES',
    'JSON_ARRAY',
    'STDIN_NAME',
    'articleRecord',
    'assembleIssue',
    'csvCells',
    'displayWidth',
    'finishIssue',
    'formatCsvHeader',
    'formatCsvRows',
    'formatHtml',
    'formatJson',
    'formatJsonArrayItem',
    'formatJsonPieces',
    'formatNdjson',
    'formatReport',
    'formatText',
    'groupInputs',
    'isUnusable',
    'lineStarts',
    'locate',
    'locateDiagnostics',
    'looksBinary',
    'parseEncoding',
    'parseIssueDate',
    'splitBytes',
    'splitBytesLazily',
    'splitFile',
    'splitFileLazilySync',
    'splitFileSync',
    'splitInput',
    'splitInputBytes',
    'splitIssue',
    'splitIssues',
    'splitText',
    'truncate',
  ]);
});

it('returns the decoded text the spans point into with the lazy issue, not through a callback', () => {
  const text = '\ufeff本报讯（记者 王晶）6月1日，全市召开会议。\r\n';
  const lazy = splitBytesLazily(new TextEncoder().encode(text), { name: 'a.txt' });
  expect(lazy.text).toBe(text.slice(1));
  const leads = [...lazy.articles].map((a) => lazy.text!.slice(...a.span));
  expect(leads[0]).toContain('本报讯');
  expect(lazy.issue).toEqual({ ...splitBytes(new TextEncoder().encode(text), { name: 'a.txt' }), articles: [] });
  // Blank input is decoded (its text is known); undecodable input has none.
  expect(splitBytesLazily(new TextEncoder().encode(' \n'), {}).text).toBe(' \n');
  expect(splitBytesLazily(new Uint8Array([0, 1, 2, 0, 0, 0, 3, 0]), {}).text).toBeUndefined();
});
