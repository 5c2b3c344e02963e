import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the public API (a change here is a change of the package contract)', () => {
  expect(Object.keys(api).sort()).toEqual([
    'CSV_BOM',
    'CSV_COLUMNS',
    'JSON_ARRAY',
    'STDIN_NAME',
    'articleRecord',
    'assembleIssue',
    'csvCells',
    'formatCsvHeader',
    'formatCsvRows',
    'formatHtml',
    'formatJson',
    'formatJsonArrayItem',
    'formatNdjson',
    'formatReport',
    'formatText',
    'lineStarts',
    'locate',
    'locateDiagnostics',
    'parseEncoding',
    'splitBytes',
    'splitFile',
    'splitFileSync',
    'splitIssue',
    'splitIssues',
    'splitText',
  ]);
});
