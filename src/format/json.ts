/**
 * JSON: one issue object per input. Several inputs make an array, which the caller streams with
 * the framing below so that no more than one issue is held at a time; the bytes are exactly
 * `JSON.stringify(issues, null, 2) + '\n'`.
 */
import type { Issue } from '../types.js';

/** One issue as a standalone JSON document, ending in a newline. */
export function formatJson(issue: Issue): string {
  return JSON.stringify(issue, null, 2) + '\n';
}

/** One issue as an element of a JSON array: indented one level, no separator, no newline. */
export function formatJsonArrayItem(issue: Issue): string {
  // JSON.stringify escapes line breaks inside strings, so every raw \n is layout.
  return '  ' + JSON.stringify(issue, null, 2).replaceAll('\n', '\n  ');
}

/** Streaming framing of a JSON array: `open`, items separated by `separator`, then `close`. Empty: `[]\n`. */
export const JSON_ARRAY = { open: '[\n', separator: ',\n', close: '\n]\n', empty: '[]\n' } as const;
