/**
 * Projections of an issue for comparisons that must ignore what legitimately differs.
 */
import type { Article, Leftover } from '../../src/index.js';

/** The value with every `span` field removed, at any depth (CRLF copies shift every offset). */
export function withoutSpans<T>(value: T): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'span').map(([k, v]) => [k, withoutSpans(v)]));
  }
  return value;
}

export type { Article, Leftover };
