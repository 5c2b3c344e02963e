/**
 * JSON: one issue object per input. Several inputs make an array, which the caller streams with
 * the framing below so that no more than one issue is held at a time; the bytes are exactly
 * `JSON.stringify(issues, null, 2) + '\n'`.
 */
import type { Article, Issue } from '../types.js';

/** One issue as a standalone JSON document, ending in a newline. */
export function formatJson(issue: Issue): string {
  return JSON.stringify(issue, null, 2) + '\n';
}

/** One issue as an element of a JSON array: indented one level, no separator, no newline. */
export function formatJsonArrayItem(issue: Issue): string {
  // JSON.stringify escapes line breaks inside strings, so every raw \n is layout.
  return '  ' + JSON.stringify(issue, null, 2).replaceAll('\n', '\n  ');
}

/**
 * {@link formatJson} (or, with `arrayItem`, {@link formatJsonArrayItem}) in pieces, one per
 * article, so that articles built as they are read are written as they come: the concatenation
 * is byte for byte the whole document. The issue's other fields are rendered once around a
 * placeholder for `articles`, which keeps its place among the keys.
 */
export function* formatJsonPieces(issue: Issue, articles: Iterable<Article> = issue.articles, arrayItem = false): Generator<string> {
  const placeholder = JSON.stringify(ARTICLES_PLACEHOLDER);
  const whole = JSON.stringify({ ...issue, articles: ARTICLES_PLACEHOLDER }, null, 2);
  // The one top-level `articles` key: a raw line break never occurs inside a JSON string.
  const key = '\n  "articles": ';
  const cut = whole.indexOf(key + placeholder);
  if (cut < 0) throw new Error('formatJsonPieces: an issue without an articles field');
  const head = (arrayItem ? '  ' : '') + indent(whole.slice(0, cut) + key, arrayItem);
  const tail = indent(whole.slice(cut + key.length + placeholder.length), arrayItem) + (arrayItem ? '' : '\n');
  let n = 0;
  for (const article of articles) {
    // As inside JSON.stringify(issue, null, 2): each element two levels in, after `[` or `,`.
    const element = '    ' + JSON.stringify(article, null, 2).replaceAll('\n', '\n    ');
    yield (n++ === 0 ? head + '[' : ',') + indent('\n' + element, arrayItem);
  }
  yield (n === 0 ? head + '[]' : indent('\n  ]', arrayItem)) + tail;
}

/** One more level of indentation for an array item (formatJsonArrayItem); as is otherwise. */
function indent(json: string, arrayItem: boolean): string {
  return arrayItem ? json.replaceAll('\n', '\n  ') : json;
}

/** What stands for the articles while the rest of an issue is rendered. */
const ARTICLES_PLACEHOLDER = '\u0000articles';

/** Streaming framing of a JSON array: `open`, items separated by `separator`, then `close`. Empty: `[]\n`. */
export const JSON_ARRAY = { open: '[\n', separator: ',\n', close: '\n]\n', empty: '[]\n' } as const;
