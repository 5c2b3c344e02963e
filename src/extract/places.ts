/**
 * Places: the administrative divisions a text names, resolved to GB/T 2260 codes.
 *
 * Propose, then filter, as chrono's parsers and refiners do:
 * 1. Propose. One left-to-right scan. From each position a walk down a character trie of every
 *    full name, short form (`晋中`, `山西`) and listed compound word (`长治久安`) finds all of them
 *    starting there; most walks stop at the first character, and nothing is allocated until a
 *    name is found. The trie is flat (typed arrays: a table for the first character, one hash of
 *    (node, character) for the steps after it), so a step reads arrays and allocates nothing.
 *    Cost: text length × the longest name at worst; no regex, no pass over the list.
 * 2. Refine, in the order of {@link TEXT_REFINERS} then {@link HOME_REFINERS}: compound words drop
 *    the names they straddle, one-character names (`祁县`) need a clean left edge, overlaps go to
 *    the longer match, false friends (`惠民`, `公安`) are dropped, brand cues mark weak mentions,
 *    county short forms and county names built on an ordinary word need their prefecture
 *    confirmed (named in the text or the home), and names found in several places are narrowed
 *    by the home, by the places named around them, then by level. The text refiners run once per
 *    scan; only the home refiners run again for each home (none to infer it, then the paper's).
 * 3. Merge the surviving mentions by code, in order of first mention.
 *
 * Traditional text is scanned through its simplified twin (`臺北市` as `台北市`, same offsets),
 * built only when the text holds a traditional character; mentions are reported as printed.
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
  FORMER_SUFFIXES,
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
import { TRADITIONAL_TO_SIMPLIFIED } from '../data/script-table.js';
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
  /** Filled on first use by {@link lineageOf}. */
  lineage?: Lineage;
}

/** A division and those above it. */
interface Lineage {
  /** The division first: `榆次区`, `晋中市`, `山西省`. */
  divisions: readonly Division[];
  /** Their codes, each once (Taiwan's cities share 台湾省's code). */
  codes: readonly string[];
  /** Their names, province first: `['山西省', '晋中市', '榆次区']`. */
  path: readonly string[];
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
  /**
   * Filled by {@link scanPlaces}, so that a scan keeps no text: the mention as printed (`text`
   * itself unless the printed form differs, as `臺北` does), whether a doubtful name's suffix
   * starts the next word (`比如县级`, {@link SUFFIX_CONTINUATIONS}), and whether a dispatch's
   * source stands right before it (`本报北京`, `新华社北京`).
   */
  printed: string;
  glued: boolean;
  datelined: boolean;
}

/** The parsed table and the lookup built from it. */
interface Gazetteer {
  byCode: ReadonlyMap<string, Division>;
  falseFriends: ReadonlySet<string>;
  /** Every name, short form and compound word. */
  trie: NameTrie;
  /** First character → brand cues starting with it. */
  cues: ReadonlyMap<string, readonly string[]>;
}

/**
 * The name trie, flat: nodes are numbers, node 0 the root. The first step is a table read by
 * the text's own UTF-16 unit; each later step a probe of one open-addressing hash of
 * (node, simplified unit) → child. The arrays are kept small (about 400 KB, of which a walk
 * over Han text touches a fraction) because the other stages run between two articles' walks
 * and evict what is large.
 */
interface NameTrie {
  /**
   * For each UTF-16 unit as printed: the first-level node of its simplified twin (0 for none),
   * plus {@link TRADITIONAL_BIT} when the twin differs from the unit.
   */
  first: Uint16Array;
  /** The hash of the later steps: `node * 0x10000 + unit` of each slot's edge (0: empty slot). */
  edgeKey: Int32Array;
  /** The child each slot's edge leads to. */
  edgeTo: Uint16Array;
  /**
   * For each node, bit `unit & 31` set for every unit leading to a child: most steps find no
   * child, and this one read tells most of them so without a probe.
   */
  childBits: Int32Array;
  /** Index into `keys` of the key spelled by the path to each node; -1 for none. */
  keyAt: Int32Array;
  /** Every name, short form and compound word, as written in the table and the lists. */
  keys: readonly string[];
  /** The senses of each key; undefined for a compound word only. */
  senses: readonly (readonly Sense[] | undefined)[];
  /** 1 where a key is a compound word. */
  compound: Uint8Array;
}

/** The bit of {@link NameTrie.first} that marks a traditional unit; nodes are numbered below it. */
const TRADITIONAL_BIT = 0x8000;

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

type Refiner = (matches: readonly Match[], env: RefineEnv) => readonly Match[];

/** A refiner that reads the home and what the scan kept of each match, not the text. */
type HomeRefiner = (matches: readonly Match[], env: HomeEnv) => readonly Match[];

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
    byCode.set(code, { code, name: line.slice(tab + 1), level: levelOf(code), parent: undefined });
  }
  const falseFriends = new Set(FALSE_FRIENDS);
  const senses = new Map<string, Sense[]>();
  const add = (key: string, sense: Sense): void => {
    const list = senses.get(key);
    if (list === undefined) senses.set(key, [sense]);
    else if (!list.some((s) => s.division === sense.division)) list.push(sense);
  };
  for (const d of byCode.values()) {
    if (d.level === 'province') continue;
    const province = byCode.get(`${d.code.slice(0, 2)}0000`);
    const prefecture = d.level === 'county' ? byCode.get(`${d.code.slice(0, 4)}00`) : undefined;
    d.parent = prefecture ?? province;
    if (d.parent === undefined) throw new Error(`gazetteer: no province for ${d.code} ${d.name}`);
  }
  const former: [string, Sense][] = [];
  for (const d of byCode.values()) {
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
    if (county) for (const suffix of FORMER_SUFFIXES[split.suffix] ?? []) former.push([split.stem + suffix, full]);
  }
  addTaiwan(byCode, add);
  // A county's name before it was converted (太谷县 for 太谷区), unless some division has that name now.
  const current = new Set(senses.keys());
  for (const [name, sense] of former) if (!current.has(name)) add(name, sense);
  const cues = new Map<string, string[]>();
  for (const cue of BRAND_CUES) cues.set(cue[0]!, [...(cues.get(cue[0]!) ?? []), cue]);
  return { byCode, falseFriends, trie: buildTrie(senses, new Set(COMPOUND_WORDS)), cues };
}

/** The lineage of a division, made on first use: most divisions are never named in a run. */
function lineageOf(d: Division): Lineage {
  if (d.lineage !== undefined) return d.lineage;
  const divisions: Division[] = [];
  for (let x: Division | undefined = d; x !== undefined; x = x.parent) divisions.push(x);
  const codes = [...new Set(divisions.map((x) => x.code))];
  return (d.lineage = { divisions, codes, path: divisions.map((x) => x.name).reverse() });
}

/** Builds the flat trie of every key in `senses` and `compounds`, over simplified UTF-16 units. */
function buildTrie(senses: ReadonlyMap<string, readonly Sense[]>, compounds: ReadonlySet<string>): NameTrie {
  const all = [...senses.keys(), ...compounds];
  const units = all.reduce((sum, key) => sum + key.length, 0);
  // Fewer edges than units: the hash is never more than half full in practice, never full.
  const size = 1 << (32 - Math.clz32(units));
  const hash = { edgeKey: new Int32Array(size), edgeTo: new Uint16Array(size) };
  const roots = new Uint16Array(0x10000);
  const keyAt = new Int32Array(units + 1).fill(-1);
  const childBits = new Int32Array(units + 1);
  const keys: string[] = [];
  let nodes = 1;
  for (const key of all) {
    // The trie is walked on simplified text: a name holding a character the twin maps (乾县) is stored as its twin.
    const lead = SIMPLIFIED_CODE[key.charCodeAt(0)]!;
    let node = roots[lead] || (roots[lead] = nodes++);
    for (let k = 1; k < key.length; k++) {
      const unit = SIMPLIFIED_CODE[key.charCodeAt(k)]!;
      const slot = slotOf(hash, node, unit);
      if (hash.edgeTo[slot] === 0) {
        hash.edgeKey[slot] = node * 0x10000 + unit;
        hash.edgeTo[slot] = nodes++;
        childBits[node] = childBits[node]! | (1 << (unit & 31));
      }
      node = hash.edgeTo[slot]!;
    }
    // Keys on one path (a name that is also a compound word) share the node; the last written wins.
    if (keyAt[node] === -1) keyAt[node] = keys.push(key) - 1;
    else keys[keyAt[node]!] = key;
  }
  if (nodes > TRADITIONAL_BIT) throw new Error(`gazetteer: ${nodes} trie nodes do not fit 15 bits`);
  // A unit leads where its twin does: the same node for all but the traditional units.
  const first = roots.slice();
  for (let k = 0; k < TRADITIONAL_TO_SIMPLIFIED.length; k += 2) {
    const unit = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(k);
    const twin = SIMPLIFIED_CODE[unit]!;
    first[unit] = roots[twin]! | (twin === unit ? 0 : TRADITIONAL_BIT);
  }
  const compound = Uint8Array.from(keys, (key) => (compounds.has(key) ? 1 : 0));
  return {
    first,
    ...hash,
    childBits: childBits.slice(0, nodes),
    keyAt: keyAt.slice(0, nodes),
    keys,
    senses: keys.map((key) => senses.get(key)),
    compound,
  };
}

/** The slot of the edge from `node` by `unit` in the hash, or of the empty slot where it would go. */
function slotOf(hash: Pick<NameTrie, 'edgeKey' | 'edgeTo'>, node: number, unit: number): number {
  const mask = hash.edgeTo.length - 1;
  const key = node * 0x10000 + unit;
  let slot = Math.imul(key, 0x9e3779b1) >>> Math.clz32(mask);
  while (hash.edgeTo[slot] !== 0 && hash.edgeKey[slot] !== key) slot = (slot + 1) & mask;
  return slot;
}

/** The child of `node` reached by the simplified unit `unit`; 0 for none. */
function childOf(trie: NameTrie, node: number, unit: number): number {
  return (trie.childBits[node]! >>> (unit & 31)) & 1 ? trie.edgeTo[slotOf(trie, node, unit)]! : 0;
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

/** What one left-to-right walk over a text finds. */
interface Proposals {
  matches: Match[];
  /** Spans of compound words, sorted by start. */
  compounds: [number, number][];
  /** Whether the text holds a unit that its simplified twin changes. */
  traditional: boolean;
}

/**
 * Every name, short form and compound word starting at each offset of `text`, read through the
 * simplified twin of each unit (so the twin itself need not exist).
 */
function proposeMatches(text: string, trie: NameTrie): Proposals {
  const matches: Match[] = [];
  const compounds: [number, number][] = [];
  const found: number[] = [];
  const { first, keyAt } = trie;
  let traditional = false;
  for (let i = 0; i < text.length; i++) {
    let node = first[text.charCodeAt(i)]!;
    if (node === 0) continue;
    if (node >= TRADITIONAL_BIT) {
      traditional = true;
      node -= TRADITIONAL_BIT;
      if (node === 0) continue;
    }
    // Longest first, as the refiners expect: collect along the walk, then push in reverse.
    let count = 0;
    for (let j = i + 1; node !== 0; j++) {
      if (keyAt[node]! >= 0) found[count++] = keyAt[node]!;
      node = j < text.length ? childOf(trie, node, SIMPLIFIED_CODE[text.charCodeAt(j)]!) : 0;
    }
    for (let k = count - 1; k >= 0; k--) {
      const key = trie.keys[found[k]!]!;
      const senses = trie.senses[found[k]!];
      if (senses !== undefined) matches.push({ start: i, end: i + key.length, text: key, senses, weak: false, printed: key, glued: false, datelined: false });
      if (trie.compound[found[k]!] === 1) compounds.push([i, i + key.length]);
    }
  }
  return { matches, compounds, traditional };
}

const withSenses = (m: Match, senses: readonly Sense[]): Match => ({ ...m, senses });

/**
 * Each match with the senses `keep` leaves it, dropped when none are left; a match whose senses
 * all stay is kept as it is.
 */
function narrowMatches(matches: readonly Match[], keep: (m: Match) => readonly Sense[]): Match[] {
  const out: Match[] = [];
  for (const m of matches) {
    const senses = keep(m);
    if (senses.length === m.senses.length) out.push(m);
    else if (senses.length > 0) out.push(withSenses(m, senses));
  }
  return out;
}

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
  let ends: Set<number> | undefined;
  return narrowMatches(matches, (m) => {
    if (!m.senses.some((s) => s.fragile)) return m.senses;
    const before = m.start > 0 ? text[m.start - 1]! : '';
    if (before === '' || !HAN.test(before) || SHORT_NAME_LEFT_BOUNDARY.includes(before)) return m.senses;
    ends ??= new Set(matches.map((x) => x.end));
    return ends.has(m.start) ? m.senses : m.senses.filter((s) => !s.fragile);
  });
};

/**
 * Of overlapping matches the longer wins; on a tie the earlier one (text reads left to right).
 * The matches come by start, the longest first at each start, as the walk proposes them.
 */
const overlapFilter: Refiner = (matches) => {
  const kept: Match[] = [];
  for (const m of matches) {
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
  own: Map<Match, readonly string[]>;
  /** Prefecture code → the counties named in it by a short form alone (`榆次`, `太谷` → 140700). */
  shortForms: Map<string, Set<Division>>;
}

/**
 * The anchors of each list of matches asked for: the list the text refiners leave is asked for
 * again for every home, and lists are never changed once made.
 */
const anchorMemo = new WeakMap<readonly Match[], Anchors>();

function anchorsOf(matches: readonly Match[]): Anchors {
  const memo = anchorMemo.get(matches);
  if (memo !== undefined) return memo;
  const anchors: Anchors = { count: new Map(), own: new Map(), shortForms: new Map() };
  for (const m of matches) {
    if (m.weak) continue;
    for (const s of m.senses) if (s.needsConfirmation) addTo(anchors.shortForms, s.division.parent!.code, s.division);
    let first: Division | undefined;
    let single = true;
    for (const s of m.senses) {
      if (s.needsConfirmation) continue;
      first ??= s.division;
      if (s.division !== first) single = false;
    }
    if (first === undefined || !single) continue;
    const { codes } = lineageOf(first);
    anchors.own.set(m, codes);
    for (const code of codes) anchors.count.set(code, (anchors.count.get(code) ?? 0) + 1);
  }
  anchorMemo.set(matches, anchors);
  return anchors;
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([value]));
  else set.add(value);
}

/** Whether another county of the prefecture above `d` is named by its short form. */
function siblingNamed(anchors: Anchors, d: Division): boolean {
  const named = anchors.shortForms.get(d.parent!.code);
  return named !== undefined && (named.size > 1 || !named.has(d));
}

/** Whether a match other than `m` names `code` or a division below it. */
function anchoredElsewhere(anchors: Anchors, m: Match, code: string): boolean {
  return (anchors.count.get(code) ?? 0) - (anchors.own.get(m)?.includes(code) ? 1 : 0) > 0;
}

/** Whether a sense of `m` waits for its prefecture or province to be confirmed. */
const doubtful = (m: Match): boolean => m.senses.some((s) => s.needsConfirmation || s.ordinaryStem);

/**
 * County short forms (`榆次`) need their prefecture confirmed, by another mention (`晋中`,
 * `榆次区` … `太谷`), by the short form of another of its counties (`榆次、太谷`) or by the home. County names on an ordinary word (`比如县`) need their
 * prefecture or province confirmed when their suffix starts the next word (`比如县级医院`).
 */
const confirmationFilter: HomeRefiner = (matches, { homeLineage }) => {
  if (!matches.some(doubtful)) return matches;
  const anchors = anchorsOf(matches);
  return narrowMatches(matches, (m) => {
    if (!doubtful(m)) return m.senses;
    const { glued } = m;
    return m.senses.filter((s) => {
      if (!s.needsConfirmation && !(s.ordinaryStem && glued)) return true;
      if (homeLineage.has(s.division.code)) return true;
      // A short form needs its prefecture; a full name, whose only doubt is the glued suffix, its province.
      if (s.needsConfirmation) return confirmedBy(s.division.parent!, homeLineage, anchors, m) || siblingNamed(anchors, s.division);
      const above = lineageOf(s.division).divisions;
      for (let k = 1; k < above.length; k++) if (confirmedBy(above[k]!, homeLineage, anchors, m)) return true;
      return false;
    });
  });
};

/** Whether the home or a match other than `m` confirms `d`. */
const confirmedBy = (d: Division, homeLineage: ReadonlySet<string>, anchors: Anchors, m: Match): boolean =>
  homeLineage.has(d.code) || anchoredElsewhere(anchors, m, d.code);

/**
 * Narrows a name found in several places: the home province, then the home prefecture, then
 * places named elsewhere in the text, then the bigger unit over a county short form, then the
 * single highest level (`海南` is the province before 海南藏族自治州). Each step applies only
 * when something is left.
 */
const ambiguityResolver: HomeRefiner = (matches, { home }) => {
  if (!matches.some((m) => distinct(m.senses) > 1)) return matches;
  const anchors = anchorsOf(matches);
  const homeProvince = home?.slice(0, 2);
  const homePrefecture = home !== undefined && levelOf(home) !== 'province' ? home.slice(0, 4) : undefined;
  const steps: ((s: Sense, m: Match) => boolean)[] = [
    (s) => homeProvince !== undefined && s.division.code.startsWith(homeProvince),
    (s) => homePrefecture !== undefined && s.division.code.startsWith(homePrefecture),
    (s, m) => lineageOf(s.division).divisions.some((d) => d !== s.division && anchoredElsewhere(anchors, m, d.code)),
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

/** The refiners that read only the text, in the order they run: once per scan. */
const TEXT_REFINERS: readonly Refiner[] = [
  compoundFilter,
  leftEdgeFilter,
  // False friends take part in overlap removal, so that `长子长孙` hides 子长 before 长子 goes.
  overlapFilter,
  falseFriendFilter,
  localUnitFilter,
  brandMarker,
];

/** The refiners that read the home, in the order they run after {@link TEXT_REFINERS}: once per home. */
const HOME_REFINERS: readonly HomeRefiner[] = [confirmationFilter, ambiguityResolver];

/** How many divisions the senses name. */
function distinct(senses: readonly Sense[]): number {
  if (senses.length === 1) return 1;
  return new Set(senses.map((s) => s.division)).size;
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
 * The proposals for one text: the costly part (a trie walk from every character and the
 * refiners that read only the text), made once and refined as often as needed — without a home
 * to infer the home, then with it for the article. It keeps no text: an issue's scans wait
 * together for its home, and a big file's would hold a copy of all its articles (issue 12).
 */
export interface PlaceScan {
  /** The length of the text scanned, in UTF-16 units. */
  readonly length: number;
  /** Opaque to callers: the proposed matches after {@link TEXT_REFINERS}, each with what the home refiners read of the text. */
  readonly matches: readonly Match[];
}

const NO_HOME: ReadonlySet<string> = new Set();

/** Proposes every place name in `text`; refine it with {@link placesOf} or {@link inferHomeFrom}. */
export function scanPlaces(text: string): PlaceScan {
  const g = gazetteer();
  const { matches, compounds, traditional } = proposeMatches(text, g.trie);
  if (matches.length === 0) return { length: text.length, matches };
  // Most texts are simplified throughout: the twin is the text itself, and no copy is made.
  const twin = traditional ? toSimplified(text) : text;
  const env: RefineEnv = { text: twin, gazetteer: g, compounds, home: undefined, homeLineage: NO_HOME };
  const refined = TEXT_REFINERS.reduce<readonly Match[]>((acc, refine) => refine(acc, env), matches);
  for (const m of refined) keepContext(m, twin, text);
  return { length: text.length, matches: refined };
}

/**
 * Records on `m` what is read of the text around it after the scan ({@link Match.printed}):
 * `twin` is the text as scanned, `printed` as printed. Matches are the scan's own, not yet shared.
 */
function keepContext(m: Match, twin: string, printed: string): void {
  // The key itself when printed so: a slice is a copy, or keeps the article's text alive.
  if (!printed.startsWith(m.text, m.start)) m.printed = printed.slice(m.start, m.end);
  if (doubtful(m)) m.glued = SUFFIX_CONTINUATIONS[m.text.at(-1)!]?.includes(twin[m.end] ?? '\0') ?? false;
  m.datelined = m.start > 0 && DATELINE_LAST.has(twin.charCodeAt(m.start - 1)) && DATELINE_SOURCES.some((src) => twin.endsWith(src, m.start));
}

/** The home as the home refiners read it. */
type HomeEnv = Pick<RefineEnv, 'home' | 'homeLineage'>;

/** The last home asked for and what it gives: an issue's articles all share one home. */
let lastHome: { given: string | undefined; env: HomeEnv } | undefined;

function homeEnvOf(given: string | undefined): HomeEnv {
  if (lastHome !== undefined && lastHome.given === given) return lastHome.env;
  const home = normaliseHome(given);
  const division = home === undefined ? undefined : gazetteer().byCode.get(home);
  const env: HomeEnv = { home, homeLineage: division === undefined ? NO_HOME : new Set(lineageOf(division).codes) };
  lastHome = { given, env };
  return env;
}

/** The surviving mentions of a scanned text, in text order. */
function findMentions(scan: PlaceScan, ctx: PlaceContext | undefined): readonly Match[] {
  const env = homeEnvOf(ctx?.home);
  return HOME_REFINERS.reduce((acc, refine) => refine(acc, env), scan.matches);
}

/** The divisions a mention may stand for, province first, then by code. */
function candidatesOf(m: Match): readonly Division[] {
  const only = m.senses[0]!.division;
  if (m.senses.every((s) => s.division === only)) return [only];
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
    const { printed } = m;
    const entry = merged.get(key);
    if (entry === undefined) {
      const location: Location = {
        name: first.name,
        code: first.code,
        level: first.level,
        path: [...lineageOf(first).path],
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

/** The words by which a paper means its own county, city and province, in that order. */
const HOME_MARKERS: readonly (readonly string[])[] = [HOME_COUNTY_MARKERS, HOME_CITY_MARKERS, HOME_PROVINCE_MARKERS];
const MARKER_WORDS: readonly string[] = HOME_MARKERS.flat();
/** For each first unit of a marker word (simplified), every unit printed for it (`我`; `縣` for `县`); made on first use. */
let markerLeads: ReadonlyMap<number, readonly string[]> | undefined;

/**
 * How often each of {@link HOME_MARKERS} occurs in `text` read through its simplified twin, list
 * by list, e.g. `[[['我县', 0], …], [['我市', 6], ['全市', 12], ['本市', 0]], …]`. A word's
 * occurrences are counted without overlap. The text is the whole issue: only the few units that
 * start a word are visited, each found by a native `indexOf`.
 */
function countHomeMarkers(text: string): [string, number][][] {
  const leads = (markerLeads ??= leadUnits(MARKER_WORDS));
  const counts = MARKER_WORDS.map(() => 0);
  const free = MARKER_WORDS.map(() => 0); // where each word may next start
  for (const [lead, printed] of leads) {
    const at = occurrences(text, printed);
    for (const i of at) {
      for (let k = 0; k < MARKER_WORDS.length; k++) {
        const word = MARKER_WORDS[k]!;
        if (i < free[k]! || word.charCodeAt(0) !== lead) continue;
        let t = 1;
        while (t < word.length && SIMPLIFIED_CODE[text.charCodeAt(i + t)] === word.charCodeAt(t)) t++;
        if (t < word.length) continue;
        counts[k]!++;
        free[k] = i + word.length;
      }
    }
  }
  let k = 0;
  return HOME_MARKERS.map((list) => list.map((word) => [word, counts[k++]!]));
}

/** Every offset of each of `units` in `text`, in order. */
function occurrences(text: string, units: readonly string[]): number[] {
  const at: number[] = [];
  for (const unit of units) for (let i = text.indexOf(unit); i >= 0; i = text.indexOf(unit, i + 1)) at.push(i);
  if (units.length > 1) at.sort((a, b) => a - b);
  return at;
}

/** The first unit of each word, with every unit whose simplified twin it is. */
function leadUnits(words: readonly string[]): Map<number, string[]> {
  const leads = new Map<number, string[]>();
  for (const word of words) leads.set(word.charCodeAt(0), []);
  for (let unit = 0; unit < SIMPLIFIED_CODE.length; unit++) leads.get(SIMPLIFIED_CODE[unit]!)?.push(String.fromCharCode(unit));
  return leads;
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
/** The last unit of each of {@link DATELINE_SOURCES}: most matches follow none, and need no comparison. */
const DATELINE_LAST: ReadonlySet<number> = new Set(DATELINE_SOURCES.map((src) => src.charCodeAt(src.length - 1)));

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
  const tally = HomeTally.of(markerText);
  if (tally === undefined) return undefined;
  for (const scan of scans) tally.add(scan);
  return tally.home();
}

/**
 * The home inferred scan by scan, in reading order: for an issue whose scans are not all held
 * at once (a big text read in windows). The level is chosen first, from the marker words of the
 * whole text, so each scan is tallied once and let go.
 */
export class HomeTally {
  private readonly tallies = new Map<Division, Tally>();
  /** Where the next scan starts in one reading order, for "named first". */
  private offset = 0;

  private constructor(private readonly level: HomeLevel) {}

  /** The tally for the level the paper speaks of as its own; undefined when `markerText` has none of 我县, 我市, 我省 and their kin. */
  static of(markerText: string): HomeTally | undefined {
    const [county, city, province] = countHomeMarkers(markerText);
    const levels: HomeLevel[] = [
      { markers: county!, unitOf: (d: Division) => (d.level === 'county' ? d : undefined) },
      { markers: city!, unitOf: cityOf },
      { markers: province!, unitOf: (d: Division) => lineageOf(d).divisions.at(-1)! },
    ];
    let level = levels[0]!;
    for (const l of levels) if (total(l.markers) > total(level.markers)) level = l;
    return total(level.markers) === 0 ? undefined : new HomeTally(level);
  }

  add(scan: PlaceScan): void {
    for (const m of findMentions(scan, undefined)) tally(this.tallies, this.level.unitOf, m, this.offset);
    this.offset += scan.length + 1;
  }

  /** The unit named most so far, with the evidence; undefined when no scan named one. */
  home(): Home | undefined {
    let best: [Division, Tally] | undefined;
    for (const entry of this.tallies) if (best === undefined || beats(entry[1], best[1])) best = entry;
    if (best === undefined) return undefined;
    const [unit, t] = best;
    const form = [...t.forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? unit.name;
    const named = t.named > 0 ? `${form} named ${times(t.named)}` : `places in ${unit.name} named ${times(t.within)}`;
    const markers = this.level.markers.filter(([, n]) => n > 0).map(([w, n]) => `${w} ×${n}`);
    return { name: unit.name, code: unit.code, evidence: `${named}; ${markers.join(', ')}` };
  }
}

/** One level of home (county, city, province): its marker words' counts, and the unit of that level a division lies in. */
interface HomeLevel {
  markers: [string, number][];
  unitOf: (d: Division) => Division | undefined;
}

/** Counts one mention towards the unit it names or lies in. */
function tally(tallies: Map<Division, Tally>, unitOf: (d: Division) => Division | undefined, m: Match, offset: number): void {
  // A dispatch's dateline (`本报北京6月1日电`, `新华社北京……`) says where a reporter was, not where the paper is.
  if (m.datelined) return;
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
  const chain = lineageOf(d).divisions;
  const prefecture = chain.find((x) => x.level === 'prefecture');
  if (prefecture !== undefined) return prefecture;
  const province = chain.at(-1)!;
  return province.name.endsWith('市') ? province : undefined;
}
