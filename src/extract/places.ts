/**
 * Places: the administrative divisions a text names, resolved to GB/T 2260 codes.
 *
 * Propose, then filter, as chrono's parsers and refiners do:
 * 1. Propose. One left-to-right scan. From each position a walk down a character trie of every
 *    full name, short form (`晋中`, `山西`) and listed compound word (`长治久安`) finds all of them
 *    starting there; most walks stop at the first character, and nothing is allocated until a
 *    name is found. Cost: text length × the longest name at worst; no regex, no pass over the list.
 * 2. Refine, in the order of {@link REFINERS}: compound words drop the names they straddle,
 *    one-character names (`祁县`) need a clean left edge, overlaps go to the longer match, false
 *    friends (`惠民`, `公安`) are dropped, brand cues mark weak mentions, county
 *    short forms and county names built on an ordinary word need their prefecture confirmed
 *    (named in the text or the home), and names found in several places are narrowed by the
 *    home, by the places named around them, then by level.
 * 3. Merge the surviving mentions by code, in order of first mention.
 *
 * Traditional text is scanned through its simplified twin (`臺北市` as `台北市`, same offsets);
 * mentions are reported as printed.
 *
 * The table is parsed on first use and kept for the life of the process.
 */
import {
  AUTONOMOUS_ABBREVIATIONS,
  BRAND_CUES,
  COMPOUND_WORDS,
  LOCAL_UNIT_CUES,
  ETHNIC_NAMES,
  FALSE_FRIENDS,
  HOME_CITY_MARKERS,
  HOME_COUNTY_MARKERS,
  HOME_PROVINCE_MARKERS,
  NAME_SUFFIXES,
  TAIWAN_DIVISIONS,
  SHORT_FORM_OVERRIDES,
  SHORT_NAME_LEFT_BOUNDARY,
  SUFFIX_CONTINUATIONS,
} from '../data/places.js';
import { GAZETTEER_TSV } from '../data/gazetteer-table.js';
import { AGENCIES } from '../data/markers.js';
import { SIMPLIFIED_CODE, toSimplified } from '../data/script.js';
import type { Home, Location } from '../types.js';

/** What the text leaves out about where the paper is. */
export interface PlaceContext {
  /**
   * 2-digit province prefix or 6-digit code of the paper's home province/city, used to resolve
   * names that exist in several places. Examples: `'14'`, `'140100'`.
   */
  home?: string;
}

type Level = Location['level'];

/** One row of the table, linked to the rows above it. */
interface Division {
  code: string;
  name: string;
  level: Level;
  /** The prefecture above a county, else the province above; undefined for a province. */
  parent: Division | undefined;
}

/** One way a string can name a division. */
interface Sense {
  division: Division;
  /** `full`: the standard name or its usual abbreviation (`黔东南州`); `short`: the stem alone. */
  form: 'full' | 'short';
  /** A county named by its stem alone (`榆次`): read only when its prefecture is confirmed. */
  needsConfirmation: boolean;
  /** A full county name on an ordinary word (`惠民县`, `比如县`): its suffix may start the next word. */
  ordinaryStem: boolean;
  /** A full county name on a one-character stem (`祁县`), easily part of a longer word. */
  fragile: boolean;
}

/** A proposed mention. `[start, end)` are 0-based UTF-16 offsets into the text. */
interface Match {
  start: number;
  end: number;
  /** The text as written, `text.slice(start, end)`. */
  text: string;
  senses: readonly Sense[];
  /** Inside a company or brand name (`北京科兴`). */
  weak: boolean;
}

/** The parsed table and the lookup built from it. */
interface Gazetteer {
  byCode: ReadonlyMap<string, Division>;
  senses: ReadonlyMap<string, readonly Sense[]>;
  compounds: ReadonlySet<string>;
  falseFriends: ReadonlySet<string>;
  /** Every name, short form and compound word, by character: the trie's first level indexed by UTF-16 code. */
  roots: readonly (TrieNode | undefined)[];
  /** First character → brand cues starting with it. */
  cues: ReadonlyMap<string, readonly string[]>;
}

/** A node of the name trie: the characters that may follow, and the key that ends here, if any. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** The name or compound spelled by the path to this node. */
  key?: string;
}

/** What every refiner may read besides the matches. */
interface RefineEnv {
  text: string;
  gazetteer: Gazetteer;
  /** Sorted by start. */
  compounds: readonly (readonly [number, number])[];
  /** The home as a 6-digit code (`'14'` → `'140000'`), when given. */
  home: string | undefined;
  /** The home and the divisions above it (`140702` → 140702, 140700, 140000); empty without a home. */
  homeLineage: ReadonlySet<string>;
}

type Refiner = (matches: readonly Match[], env: RefineEnv) => Match[];

const LEVEL_RANK: Readonly<Record<Level, number>> = { province: 0, prefecture: 1, county: 2 };
const HAN = /\p{Script=Han}/u;
const MAX_COMPOUND_LENGTH = Math.max(...COMPOUND_WORDS.map((w) => w.length));

let cached: Gazetteer | undefined;

/** The gazetteer, parsed on first call. */
function gazetteer(): Gazetteer {
  cached ??= buildGazetteer(GAZETTEER_TSV);
  return cached;
}

function levelOf(code: string): Level {
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'prefecture' : 'county';
}

const ETHNIC_SET = new Set(ETHNIC_NAMES);
const ETHNIC_LONGEST_FIRST = [...ETHNIC_NAMES].sort((a, b) => b.length - a.length);

/** `晋中市` → `晋中`, `黔东南苗族侗族自治州` → `黔东南`, `矿区` → undefined. */
function stemOf(name: string, level: Level): { stem: string; suffix: string } | undefined {
  const override = SHORT_FORM_OVERRIDES[name];
  if (override !== undefined) return override === null ? undefined : { stem: override, suffix: '' };
  const suffix = NAME_SUFFIXES[level].find((s) => name.endsWith(s) && name.length > s.length);
  if (suffix === undefined) return undefined;
  let stem = name.slice(0, -suffix.length);
  // Only autonomous areas (and a few districts such as 梅里斯达斡尔族区) carry ethnic names.
  const ethnic = suffix.startsWith('自治') || stem.endsWith('族');
  for (let stripped = ethnic; stripped; ) {
    stripped = false;
    for (const people of ETHNIC_LONGEST_FIRST) {
      if (stem.endsWith(people) && stem.length - people.length >= 2) {
        stem = stem.slice(0, -people.length);
        stripped = true;
        break;
      }
    }
  }
  if (ethnic && (ETHNIC_SET.has(stem) || ETHNIC_SET.has(`${stem}族`))) return undefined;
  return { stem, suffix };
}

/** Parses the table and builds the lookup. Pure; called once. */
function buildGazetteer(tsv: string): Gazetteer {
  const byCode = new Map<string, Division>();
  for (const line of tsv.split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    const code = line.slice(0, tab);
    const name = line.slice(tab + 1);
    byCode.set(code, { code, name, level: levelOf(code), parent: undefined });
  }
  const falseFriends = new Set(FALSE_FRIENDS);
  const senses = new Map<string, Sense[]>();
  const add = (key: string, sense: Sense): void => {
    const list = senses.get(key);
    if (list === undefined) senses.set(key, [sense]);
    else if (!list.some((s) => s.division === sense.division)) list.push(sense);
  };
  for (const d of byCode.values()) {
    if (d.level !== 'province') {
      const province = byCode.get(`${d.code.slice(0, 2)}0000`);
      const prefecture = d.level === 'county' ? byCode.get(`${d.code.slice(0, 4)}00`) : undefined;
      d.parent = prefecture ?? province;
      if (d.parent === undefined) throw new Error(`gazetteer: no province for ${d.code} ${d.name}`);
    }
    const split = stemOf(d.name, d.level);
    const county = d.level === 'county';
    const ordinaryStem = county && split !== undefined && falseFriends.has(split.stem);
    const fragile = county && split !== undefined && split.stem.length === 1;
    const full: Sense = { division: d, form: 'full', needsConfirmation: false, ordinaryStem, fragile };
    add(d.name, full);
    if (split === undefined || split.stem.length < 2) continue;
    add(split.stem, { division: d, form: 'short', needsConfirmation: county, ordinaryStem: false, fragile: false });
    const abbreviation = AUTONOMOUS_ABBREVIATIONS[split.suffix];
    if (abbreviation !== undefined) add(split.stem + abbreviation, full);
  }
  addTaiwan(byCode, add);
  const compounds = new Set(COMPOUND_WORDS);
  const trie: TrieNode = { next: new Map() };
  for (const key of [...senses.keys(), ...compounds]) {
    let node = trie;
    for (let k = 0; k < key.length; k++) {
      // The trie is walked on simplified text: a name holding a character the twin maps (乾县) is stored as its twin.
      const code = SIMPLIFIED_CODE[key.charCodeAt(k)]!;
      let child = node.next.get(code);
      if (child === undefined) node.next.set(code, (child = { next: new Map() }));
      node = child;
    }
    node.key = key;
  }
  const cues = new Map<string, string[]>();
  for (const cue of BRAND_CUES) cues.set(cue[0]!, [...(cues.get(cue[0]!) ?? []), cue]);
  const roots: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(0x10000).fill(undefined);
  for (const [code, node] of trie.next) roots[code] = node;
  return { byCode, senses, compounds, falseFriends, roots, cues };
}

/**
 * Taiwan's cities and counties (`台北市`, `彰化县`): GB/T 2260 gives Taiwan one code, 710000, so
 * each is a prefecture-level division under 台湾省 with that code and its own name. The short
 * form (`台北`) is read as a city's, and as a county's only where no city has it (`新竹` is the city).
 */
function addTaiwan(byCode: ReadonlyMap<string, Division>, add: (key: string, sense: Sense) => void): void {
  const taiwan = byCode.get(TAIWAN_CODE);
  if (taiwan === undefined) return;
  const stems = new Set<string>();
  for (const name of [...TAIWAN_DIVISIONS].sort((a, b) => Number(b.endsWith('市')) - Number(a.endsWith('市')))) {
    const division: Division = { code: TAIWAN_CODE, name, level: 'prefecture', parent: taiwan };
    const sense = { division, needsConfirmation: false, ordinaryStem: false, fragile: false };
    add(name, { ...sense, form: 'full' });
    const stem = name.slice(0, -1);
    if (!stems.has(stem)) add(stem, { ...sense, form: 'short' });
    stems.add(stem);
  }
}

/** GB/T 2260's code for Taiwan. */
const TAIWAN_CODE = '710000';

/** Every name, short form and compound word starting at each offset of `text`. */
function proposeMatches(text: string, g: Gazetteer): { matches: Match[]; compounds: [number, number][] } {
  const matches: Match[] = [];
  const compounds: [number, number][] = [];
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const root = g.roots[text.charCodeAt(i)];
    if (root === undefined) continue;
    // Longest first, as the refiners expect: collect along the walk, then push in reverse.
    let count = 0;
    for (let node: TrieNode | undefined = root, j = i + 1; node !== undefined; node = node.next.get(text.charCodeAt(j++))) {
      if (node.key !== undefined) found[count++] = node.key;
    }
    for (let k = count - 1; k >= 0; k--) {
      const key = found[k]!;
      const senses = g.senses.get(key);
      if (senses !== undefined) matches.push({ start: i, end: i + key.length, text: key, senses, weak: false });
      if (g.compounds.has(key)) compounds.push([i, i + key.length]);
    }
  }
  return { matches, compounds };
}

const withSenses = (m: Match, senses: readonly Sense[]): Match => ({ ...m, senses });

/** Drops a match that a compound word overlaps without lying strictly inside it (`篇章贡献` ⊅ 章贡). */
const compoundFilter: Refiner = (matches, { compounds }) =>
  matches.filter((m) => {
    // Compounds are sorted by start, so only those starting at most one compound length before m matter.
    for (let k = lowerBound(compounds, m.start - MAX_COMPOUND_LENGTH); k < compounds.length; k++) {
      const [start, end] = compounds[k]!;
      if (start >= m.end) break;
      if (end <= m.start) continue;
      const strictlyInside = start >= m.start && end <= m.end && end - start < m.end - m.start;
      if (!strictlyInside) return false;
    }
    return true;
  });

/** Drops short forms that are ordinary words (`惠民`, `公安`) and names that are (`城区`). */
const falseFriendFilter: Refiner = (matches, { gazetteer: g }) => matches.filter((m) => !g.falseFriends.has(m.text));

/** A one-character-stem county (`祁县`) needs a non-word character or another place before it. */
const leftEdgeFilter: Refiner = (matches, { text }) => {
  const ends = new Set(matches.map((m) => m.end));
  return matches.flatMap((m) => {
    if (!m.senses.some((s) => s.fragile)) return [m];
    const before = m.start > 0 ? text[m.start - 1]! : '';
    const clean = before === '' || !HAN.test(before) || SHORT_NAME_LEFT_BOUNDARY.includes(before) || ends.has(m.start);
    if (clean) return [m];
    const senses = m.senses.filter((s) => !s.fragile);
    return senses.length > 0 ? [withSenses(m, senses)] : [];
  });
};

/** Of overlapping matches the longer wins; on a tie the earlier one (text reads left to right). */
const overlapFilter: Refiner = (matches) => {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || m.start >= last.end) kept.push(m);
    else if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
  }
  return kept;
};

/** A province or city short form followed by a brand cue (`北京科兴`, `安徽智飞`) is weak. */
const brandMarker: Refiner = (matches, { text, gazetteer: g }) =>
  matches.map((m) => {
    if (!m.senses.every((s) => s.form === 'short' && s.division.level !== 'county')) return m;
    const cues = g.cues.get(text[m.end] ?? '') ?? [];
    return cues.some((cue) => text.startsWith(cue, m.end)) ? { ...m, weak: true } : m;
  });

/** A short form naming a neighbourhood, school or road (`海东社区`, `北海学校`) names no division. */
const localUnitFilter: Refiner = (matches, { text }) =>
  matches.filter((m) => !(m.senses.every((s) => s.form === 'short') && LOCAL_UNIT_CUES.some((cue) => text.startsWith(cue, m.end))));

/** Codes named by the strong, unambiguous matches and by the divisions above them. */
interface Anchors {
  /** Code → how many matches name it. */
  count: Map<string, number>;
  /** The codes each match contributes, so that a match never confirms itself. */
  own: Map<Match, Set<string>>;
}

function anchorsOf(matches: readonly Match[]): Anchors {
  const anchors: Anchors = { count: new Map(), own: new Map() };
  for (const m of matches) {
    if (m.weak) continue;
    const sure = m.senses.filter((s) => !s.needsConfirmation);
    const first = sure[0]?.division;
    if (first === undefined || sure.some((s) => s.division !== first)) continue;
    const codes = new Set(lineage(first).map((d) => d.code));
    anchors.own.set(m, codes);
    for (const code of codes) anchors.count.set(code, (anchors.count.get(code) ?? 0) + 1);
  }
  return anchors;
}

/** Whether a match other than `m` names `code` or a division below it. */
function anchoredElsewhere(anchors: Anchors, m: Match, code: string): boolean {
  return (anchors.count.get(code) ?? 0) - (anchors.own.get(m)?.has(code) ? 1 : 0) > 0;
}

/**
 * County short forms (`榆次`) need their prefecture confirmed, by another mention (`晋中`,
 * `榆次区` … `太谷`) or by the home. County names on an ordinary word (`比如县`) need their
 * prefecture or province confirmed when their suffix starts the next word (`比如县级医院`).
 */
const confirmationFilter: Refiner = (matches, { text, homeLineage }) => {
  const anchors = anchorsOf(matches);
  return matches.flatMap((m) => {
    if (!m.senses.some((s) => s.needsConfirmation || s.ordinaryStem)) return [m];
    const glued = SUFFIX_CONTINUATIONS[m.text.at(-1)!]?.includes(text[m.end] ?? '\0') ?? false;
    const senses = m.senses.filter((s) => {
      if (!s.needsConfirmation && !(s.ordinaryStem && glued)) return true;
      // A short form needs its prefecture; a full name, whose only doubt is the glued suffix, its province.
      const confirming = s.needsConfirmation ? [s.division.parent!] : lineage(s.division).slice(1);
      return (
        homeLineage.has(s.division.code) ||
        confirming.some((d) => homeLineage.has(d.code) || anchoredElsewhere(anchors, m, d.code))
      );
    });
    return senses.length > 0 ? [withSenses(m, senses)] : [];
  });
};

/**
 * Narrows a name found in several places: the home province, then the home prefecture, then
 * places named elsewhere in the text, then the bigger unit over a county short form, then the
 * single highest level (`海南` is the province before 海南藏族自治州). Each step applies only
 * when something is left.
 */
const ambiguityResolver: Refiner = (matches, { home }) => {
  const anchors = anchorsOf(matches);
  const homeProvince = home?.slice(0, 2);
  const homePrefecture = home !== undefined && levelOf(home) !== 'province' ? home.slice(0, 4) : undefined;
  const steps: ((s: Sense, m: Match) => boolean)[] = [
    (s) => homeProvince !== undefined && s.division.code.startsWith(homeProvince),
    (s) => homePrefecture !== undefined && s.division.code.startsWith(homePrefecture),
    (s, m) => lineage(s.division).some((d) => d !== s.division && anchoredElsewhere(anchors, m, d.code)),
    (s) => !(s.form === 'short' && s.division.level === 'county'),
  ];
  return matches.map((m) => {
    let senses = m.senses;
    for (const step of steps) {
      if (distinct(senses) < 2) break;
      const narrowed = senses.filter((s) => step(s, m));
      if (narrowed.length > 0) senses = narrowed;
    }
    if (distinct(senses) > 1) {
      const top = Math.min(...senses.map((s) => LEVEL_RANK[s.division.level]));
      const highest = senses.filter((s) => LEVEL_RANK[s.division.level] === top);
      if (distinct(highest) === 1) senses = highest;
    }
    return senses === m.senses ? m : withSenses(m, senses);
  });
};

/** The refiners, in the order they run. */
const REFINERS: readonly Refiner[] = [
  compoundFilter,
  leftEdgeFilter,
  // False friends take part in overlap removal, so that `长子长孙` hides 子长 before 长子 goes.
  overlapFilter,
  falseFriendFilter,
  localUnitFilter,
  brandMarker,
  confirmationFilter,
  ambiguityResolver,
];

function distinct(senses: readonly Sense[]): number {
  return new Set(senses.map((s) => s.division)).size;
}

/** The division and those above it, the division first. */
function lineage(d: Division): Division[] {
  const out: Division[] = [];
  for (let x: Division | undefined = d; x !== undefined; x = x.parent) out.push(x);
  return out;
}

/** First index whose start is ≥ `offset` in a list sorted by start. */
function lowerBound(spans: readonly (readonly [number, number])[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]![0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `'14'` → `'140000'`, `'140100'` → `'140100'`; anything else → undefined. */
function normaliseHome(home: string | undefined): string | undefined {
  if (home === undefined) return undefined;
  if (/^\d{2}$/.test(home)) return `${home}0000`;
  return /^\d{6}$/.test(home) ? home : undefined;
}

/**
 * The proposals for one text: the costly part (a trie walk from every character), made once and
 * refined as often as needed — without a home to infer the home, then with it for the article.
 */
export interface PlaceScan {
  /** The simplified twin of the text scanned (the text itself when it is simplified). */
  readonly text: string;
  /** The text as printed, same length as `text`: mentions are sliced from it. */
  readonly printed: string;
  /** Opaque to callers: the proposed matches and compound words of `text`. */
  readonly proposals: { readonly matches: readonly Match[]; readonly compounds: readonly [number, number][] };
}

/** Proposes every place name in `text`; refine it with {@link placesOf} or {@link inferHomeFrom}. */
export function scanPlaces(text: string): PlaceScan {
  const twin = toSimplified(text);
  return { text: twin, printed: text, proposals: proposeMatches(twin, gazetteer()) };
}

/** The surviving mentions of `text`, in text order. */
function findMentions(scan: PlaceScan, ctx: PlaceContext | undefined): Match[] {
  const g = gazetteer();
  const { text } = scan;
  const { matches, compounds } = scan.proposals;
  const home = normaliseHome(ctx?.home);
  const homeDivision = home === undefined ? undefined : g.byCode.get(home);
  const homeLineage = new Set(homeDivision === undefined ? [] : lineage(homeDivision).map((d) => d.code));
  const env: RefineEnv = { text, gazetteer: g, compounds, home, homeLineage };
  return REFINERS.reduce<Match[]>((acc, refine) => refine(acc, env), [...matches]);
}

/** The divisions a mention may stand for, province first, then by code. */
function candidatesOf(m: Match): Division[] {
  const divisions = [...new Set(m.senses.map((s) => s.division))];
  return divisions.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code));
}

/** Every administrative place named in `text`, merged by code, in order of first mention. */
export function extractPlaces(text: string, ctx?: PlaceContext): Location[] {
  return placesOf(scanPlaces(text), ctx);
}

/** {@link extractPlaces} on a text already scanned. */
export function placesOf(scan: PlaceScan, ctx?: PlaceContext): Location[] {
  const merged = new Map<string, { location: Location; weak: boolean }>();
  for (const m of findMentions(scan, ctx)) {
    const candidates = candidatesOf(m);
    const first = candidates[0]!;
    // Taiwan's cities share one code: the name tells them apart.
    const key = candidates.map((d) => `${d.code}${d.name}`).join(',');
    const printed = scan.printed.slice(m.start, m.end);
    const entry = merged.get(key);
    if (entry === undefined) {
      const location: Location = {
        name: first.name,
        code: first.code,
        level: first.level,
        path: lineage(first).reverse().map((d) => d.name),
        mentions: [printed],
      };
      if (candidates.length > 1) location.candidates = candidates.map((d) => d.code);
      merged.set(key, { location, weak: m.weak });
    } else {
      if (!entry.location.mentions.includes(printed)) entry.location.mentions.push(printed);
      entry.weak &&= m.weak;
    }
  }
  return [...merged.values()].map(({ location, weak }) => (weak ? { ...location, weak: true } : location));
}

/** How often each word occurs in `text`, in list order, e.g. `[['我市', 6], ['全市', 12], ['本市', 0]]`. */
function countOccurrences(text: string, words: readonly string[]): [string, number][] {
  return words.map((word) => {
    let n = 0;
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
    return [word, n];
  });
}

const total = (counts: readonly [string, number][]): number => counts.reduce((sum, [, n]) => sum + n, 0);

/** How often a city or province is named, for {@link inferHome}. */
interface Tally {
  /** Mentions of the unit itself. */
  named: number;
  /** Mentions of the divisions inside it. */
  within: number;
  /** Offset of its first mention. */
  first: number;
  /** Mentions of the unit by written form, e.g. `太原` → 9. */
  forms: Map<string, number>;
}

/** More named, then more named inside, then named first. */
const beats = (a: Tally, b: Tally): boolean =>
  a.named !== b.named ? a.named > b.named : a.within !== b.within ? a.within > b.within : a.first < b.first;

/** Sources whose name a dateline's place follows directly. */
const DATELINE_SOURCES: readonly string[] = ['本报', ...AGENCIES];

const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);

/**
 * The paper's home from the whole issue's text: the prefecture named most when the text
 * uses 我市/全市/本市 most (the county for 我县/全县, the province for 我省/全省), with evidence. Mentions of its counties
 * break ties; a municipality (北京市) counts as a city. Weak and ambiguous mentions do not count.
 * Example evidence: `太原 named 10 times; 我市 ×6, 全市 ×12`.
 */
export function inferHome(text: string): Home | undefined {
  return inferHomeFrom([scanPlaces(text)], text);
}

/**
 * {@link inferHome} from texts already scanned (an issue's articles and its leftover lines);
 * `markerText` is where 我市 and its kin are counted (the whole issue).
 */
export function inferHomeFrom(scans: readonly PlaceScan[], markerText: string): Home | undefined {
  // The level the paper speaks of as its own: the commonest of 我县, 我市, 我省 and their kin.
  const text = toSimplified(markerText);
  const levels = [
    { markers: countOccurrences(text, HOME_COUNTY_MARKERS), unitOf: (d: Division) => (d.level === 'county' ? d : undefined) },
    { markers: countOccurrences(text, HOME_CITY_MARKERS), unitOf: cityOf },
    { markers: countOccurrences(text, HOME_PROVINCE_MARKERS), unitOf: (d: Division) => lineage(d).at(-1)! },
  ];
  let level = levels[0]!;
  for (const l of levels) if (total(l.markers) > total(level.markers)) level = l;
  if (total(level.markers) === 0) return undefined;
  const tallies = new Map<Division, Tally>();
  let offset = 0; // where each scan starts in one reading order, for "named first"
  for (const scan of scans) {
    for (const m of findMentions(scan, undefined)) tally(tallies, level.unitOf, scan.text, m, offset);
    offset += scan.text.length + 1;
  }
  let best: [Division, Tally] | undefined;
  for (const entry of tallies) if (best === undefined || beats(entry[1], best[1])) best = entry;
  if (best === undefined) return undefined;
  const [unit, t] = best;
  const form = [...t.forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? unit.name;
  const named = t.named > 0 ? `${form} named ${times(t.named)}` : `places in ${unit.name} named ${times(t.within)}`;
  const markers = level.markers.filter(([, n]) => n > 0).map(([w, n]) => `${w} ×${n}`);
  return { name: unit.name, code: unit.code, evidence: `${named}; ${markers.join(', ')}` };
}

/** Counts one mention towards the unit it names or lies in. */
function tally(tallies: Map<Division, Tally>, unitOf: (d: Division) => Division | undefined, text: string, m: Match, offset: number): void {
  // A dispatch's dateline (`本报北京6月1日电`, `新华社北京……`) says where a reporter was, not where the paper is.
  if (DATELINE_SOURCES.some((src) => text.endsWith(src, m.start))) return;
  const candidates = candidatesOf(m);
  if (m.weak || candidates.length !== 1) return;
  const d = candidates[0]!;
  const unit = unitOf(d);
  if (unit === undefined) return;
  const t = tallies.get(unit) ?? { named: 0, within: 0, first: offset + m.start, forms: new Map<string, number>() };
  if (unit === d) {
    t.named++;
    t.forms.set(m.text, (t.forms.get(m.text) ?? 0) + 1);
  } else {
    t.within++;
  }
  tallies.set(unit, t);
}

/** The city a division belongs to: a prefecture, or a municipality (北京市); undefined for other provinces. */
function cityOf(d: Division): Division | undefined {
  const chain = lineage(d);
  const prefecture = chain.find((x) => x.level === 'prefecture');
  if (prefecture !== undefined) return prefecture;
  const province = chain.at(-1)!;
  return province.name.endsWith('市') ? province : undefined;
}
