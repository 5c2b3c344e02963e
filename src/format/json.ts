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
 * is byte for byte the whole document. The fields before `articles` are rendered first and those
 * after it (the leftovers and their notes, which a big file has many of) once the last article is
 * written, a list an element a piece, so that no field's text is held whole.
 */
export function* formatJsonPieces(issue: Issue, articles: Iterable<Article> = issue.articles, arrayItem = false): Generator<string> {
  const keys = Object.keys(issue) as Array<keyof Issue>;
  const at = keys.indexOf('articles');
  if (at < 0) throw new Error('formatJsonPieces: an issue without an articles field');
  // `JSON.stringify(x, null, 2)` of an object is `{`, then each field on its own line two spaces in,
  // joined by `,`, then `\n}`; or `{}` with no field. So the fields before and after `articles`
  // render as parts of the whole, and a list as its elements, each four spaces in.
  const before = JSON.stringify(fieldsOf(issue, keys.slice(0, at)), null, 2);
  const open = (before === '{}' ? '{' : `${before.slice(0, -2)},`) + '\n  "articles": ';
  const pieces = [listPieces(open, articles), ...keys.slice(at + 1).map((k) => fieldPieces(issue, k))];
  let first = true;
  for (const list of pieces) {
    for (const piece of list) {
      yield (first && arrayItem ? '  ' : '') + indent(piece, arrayItem);
      first = false;
    }
  }
  yield indent('\n}', arrayItem) + (arrayItem ? '' : '\n');
}

/** A field after `articles`, as `JSON.stringify(issue, null, 2)` renders it: `,\n  "key": value`, a list an element at a time. */
function* fieldPieces(issue: Issue, key: keyof Issue): Generator<string> {
  // Read once the articles are written: a lazy issue's leftovers may be made only then.
  const value: unknown = issue[key];
  if (value === undefined) return;
  const name = `,\n  ${JSON.stringify(key)}: `;
  if (Array.isArray(value)) yield* listPieces(name, value);
  else yield name + JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
}

/** `prefix`, then a list of a field of the issue, an element a piece, as `JSON.stringify(issue, null, 2)` renders it. */
function* listPieces(prefix: string, items: Iterable<unknown>): Generator<string> {
  let n = 0;
  for (const item of items) {
    // Each element two levels in, after `[` or `,`; JSON.stringify escapes line breaks inside strings.
    yield (n++ === 0 ? prefix + '[' : ',') + '\n    ' + JSON.stringify(item, null, 2).replaceAll('\n', '\n    ');
  }
  yield n === 0 ? prefix + '[]' : '\n  ]';
}

/** The named fields of an issue, in that order. */
function fieldsOf(issue: Issue, keys: ReadonlyArray<keyof Issue>): Partial<Issue> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = issue[k];
  return out as Partial<Issue>;
}

/** One more level of indentation for an array item (formatJsonArrayItem); as is otherwise. */
function indent(json: string, arrayItem: boolean): string {
  return arrayItem ? json.replaceAll('\n', '\n  ') : json;
}

/** Streaming framing of a JSON array: `open`, items separated by `separator`, then `close`. Empty: `[]\n`. */
export const JSON_ARRAY = { open: '[\n', separator: ',\n', close: '\n]\n', empty: '[]\n' } as const;
