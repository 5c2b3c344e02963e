/**
 * Lead markers of Taiwan papers, where the byline itself opens the lead in brackets:
 *
 *   〔记者林佳慧／台北报导〕   (记者王志明／高雄报导)   【记者X、Y／综合报导】     reporter / place 报导
 *   （中央社记者陈怡君台北3日电）  （中央社台北3日专电）                       agency, reporter, place, date
 *
 * Matched on the normalised (simplified) text; the marker's text and dateline place are sliced
 * from the printed text at the same offsets.
 */
import { NUMERAL_CHARS } from '../data/numerals.js';
import { BYLINE_FIRST_AGENCIES, DATELINE_PLACES, NO_PLACE_WORDS, REPORTED_WORDS } from '../data/traditional.js';
import type { LeadMarker, Reporter, Span } from '../types.js';
import { parseCredit } from './credits.js';

/** `〔记者林佳慧／台北报导〕`: a credit, a slash, a place (or 综合), 报导, in brackets. */
const REPORTED_BYLINE = new RegExp(
  String.raw`^[〔（［【]\s*(?<byline>[^〔〕（）［］【】／/]{2,30}?)\s*[／/]\s*(?<place>[\u4e00-\u9fff]{0,8}?)\s*(?:${REPORTED_WORDS.join('|')})\s*[〕）］】]`,
  'du',
);

const PLACES_LONGEST_FIRST = [...DATELINE_PLACES].sort((a, b) => b.length - a.length).join('|');

/** `（中央社记者陈怡君台北3日电）`: the agency, an optional reporter run into the place, the date, 电. */
const AGENCY_DATELINE = new RegExp(
  String.raw`^（\s*(?<source>${BYLINE_FIRST_AGENCIES.join('|')})\s*(?<rest>(?:记者[\u4e00-\u9fff、]{2,16}?)?[\u4e00-\u9fff]{1,6}?)\s*(?<date>(?:[${NUMERAL_CHARS}]{1,3}月)?[${NUMERAL_CHARS}]{1,3}日)\s*(?:专电|电)\s*）`,
  'du',
);
const KNOWN_PLACE_TAIL = new RegExp(String.raw`(?<place>${PLACES_LONGEST_FIRST})$`, 'u');

/** The bracketed lead marker opening `norm`, or undefined. `offset` is the source offset of `norm[0]`. */
export function parseBracketedLead(norm: string, offset: number, text: string): LeadMarker | undefined {
  const reported = REPORTED_BYLINE.exec(norm);
  if (reported) {
    const byline = reported.groups!['byline']!.trim();
    const credit = parseCredit(byline);
    if (!credit?.hasRoleWord || credit.reporters.length === 0) return undefined;
    const end = reported[0].length;
    const marker: LeadMarker = { text: text.slice(0, end), source: '本报', form: '讯', byline, reporters: credit.reporters, span: [offset, offset + end] as Span };
    const [from, to] = reported.indices!.groups!['place']!;
    const place = norm.slice(from, to);
    if (place.length > 0 && !NO_PLACE_WORDS.includes(place)) marker.place = text.slice(from, to);
    return marker;
  }
  const dispatch = AGENCY_DATELINE.exec(norm);
  if (!dispatch) return undefined;
  const g = dispatch.groups!;
  const [restFrom] = dispatch.indices!.groups!['rest']!;
  const split = splitBylinePlace(g['rest']!);
  if (!split) return undefined;
  const end = dispatch[0].length;
  const placeFrom = restFrom + split.placeAt;
  const marker: LeadMarker = {
    text: text.slice(0, end),
    source: g['source']!,
    form: '电',
    place: text.slice(placeFrom, placeFrom + split.place.length),
    dateText: g['date']!,
    span: [offset, offset + end] as Span,
  };
  if (split.byline) {
    marker.byline = split.byline;
    marker.reporters = split.reporters;
  }
  return marker;
}

/**
 * `记者陈怡君台北` → byline `记者陈怡君`, place `台北` (at 5); `台北` → place alone. The place is
 * a listed dateline place at the end, else what follows a three-character name.
 */
function splitBylinePlace(rest: string): { byline?: string; reporters: Reporter[]; place: string; placeAt: number } | undefined {
  if (!rest.startsWith('记者')) return { reporters: [], place: rest, placeAt: 0 };
  const known = KNOWN_PLACE_TAIL.exec(rest)?.groups?.['place'];
  const placeAt = known !== undefined && rest.length - known.length >= 4 ? rest.length - known.length : 5;
  const byline = rest.slice(0, placeAt);
  const reporters = parseCredit(byline)?.reporters;
  if (placeAt >= rest.length || !reporters?.length) return undefined;
  return { byline, reporters, place: rest.slice(placeAt), placeAt };
}
