/**
 * Linking continued articles: each part that ends `（下转第N版）` on page P is paired with a part on
 * page N that opens `（上接第P版）`. Propose, then decide: every such part on page N is a candidate;
 * pairs are settled in rounds of falling certainty — the only candidate, the same headline, a
 * headline sharing its first words, then page order among those left — and a part is used once.
 */
import type { ArticleRef, ContinuationLink, IssueArticle, LinkMatch } from './types.js';

/** Shared leading characters that make two headlines the same story (`全市防汛工作会议召开` / `全市防汛工作会议`). */
const FIRST_WORDS = 4;

/** Returns copies of `articles` with `continuedOnRef`/`continuedFromRef` set, and the links found. */
export function linkContinuations(articles: readonly IssueArticle[]): { articles: IssueArticle[]; links: ContinuationLink[] } {
  const out = articles.map((a) => ({ ...a }));
  const senders = out.filter((a) => a.continuedOn !== undefined && a.page !== undefined);
  const taken = new Set<number>();
  const pairs: { from: IssueArticle; to: IssueArticle; match: LinkMatch }[] = [];

  const candidatesOf = (a: IssueArticle): IssueArticle[] =>
    out.filter((b) => b.page === a.continuedOn && b.continuedFrom !== undefined && b.continuedFrom === a.page && b.index !== a.index && !taken.has(b.index));

  const settle = (pick: (a: IssueArticle, candidates: IssueArticle[]) => IssueArticle | undefined, match: LinkMatch): void => {
    for (const a of senders) {
      if (pairs.some((p) => p.from === a)) continue;
      const candidates = candidatesOf(a);
      const b = candidates.length > 0 ? pick(a, candidates) : undefined;
      if (!b) continue;
      taken.add(b.index);
      pairs.push({ from: a, to: b, match });
    }
  };
  // A part that is the only one of its kind at both ends needs no headline.
  settle((a, c) => (c.length === 1 && senders.filter((s) => s.page === a.page && s.continuedOn === a.continuedOn).length === 1 ? c[0] : undefined), 'page');
  settle((a, c) => c.find((b) => a.headline !== '' && squeeze(b.headline) === squeeze(a.headline)), 'headline');
  settle((a, c) => c.find((b) => sharesFirstWords(a.headline, b.headline)), 'first-words');
  settle((_, c) => c[0], 'order');

  pairs.sort((x, y) => x.from.index - y.from.index);
  const links: ContinuationLink[] = pairs.map(({ from, to, match }) => {
    from.continuedOnRef = refOf(to);
    to.continuedFromRef = refOf(from);
    return { from: refOf(from), to: refOf(to), match };
  });
  return { articles: out, links };
}

function refOf(a: IssueArticle): ArticleRef {
  return { page: a.page!, index: a.index };
}

function squeeze(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** True when one headline opens with the first words of the other, or is all of them. */
function sharesFirstWords(a: string, b: string): boolean {
  const x = squeeze(a);
  const y = squeeze(b);
  if (x.length === 0 || y.length === 0) return false;
  const n = Math.min(FIRST_WORDS, x.length, y.length);
  return x.slice(0, n) === y.slice(0, n) && (n === FIRST_WORDS || x.startsWith(y) || y.startsWith(x));
}
