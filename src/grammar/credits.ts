/**
 * Credit parsing: turns the text of a byline, a photo credit or a lead marker's parentheses into
 * `{ name, role }` pairs. One tokenizer serves all of them: split on spaces and `、`, then each
 * token is a role (`本报记者`), a role glued to a name (`记者王晶`), a name (`殷雪鸢`), or the
 * photo mark `摄` glued to a name (`刘勇摄`). A token that is none of these means the text is not
 * a credit, so headlines such as `罗清宇主持` are never read as names.
 */
import { AGENCIES, BRIEF_BULLETS, CREDIT_LABELS, DEFAULT_ROLE, PHOTO_ROLE, ROLE_COMPOUNDS, ROLES } from '../data/markers.js';
import { AFFILIATION_OPENINGS, AFFILIATION_POSTS, PLACE_NAME_ENDS } from '../data/surnames.js';
import { isPersonName, splitRunTogether, surnameLength } from './names.js';
import type { Reporter } from '../types.js';

/**
 * `words` grouped by their first character, each group longest first: a token is then held against
 * the few words that can open it, not every word of the list.
 */
function byFirstCharacter(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const group = groups.get(w.charCodeAt(0));
    if (group) group.push(w);
    else groups.set(w.charCodeAt(0), [w]);
  }
  return groups;
}

/** The longest of `words` that `s` holds at `at`, or undefined. */
function wordAt(s: string, at: number, words: ReadonlyMap<number, readonly string[]>): string | undefined {
  const group = words.get(s.charCodeAt(at));
  if (group === undefined) return undefined;
  for (const w of group) if (s.startsWith(w, at)) return w;
  return undefined;
}

/** Sources that may stand before a role (`本报记者`, `新华社记者`), longest first; dropped from the role. */
const SOURCES = byFirstCharacter(['本报', ...AGENCIES]);

/** Roles, longest first, so `全媒体记者` wins over `记者`. */
const ROLE_WORDS = byFirstCharacter(ROLES);

/** A personal name: 2–4 Han characters, or a transcribed name with `·` (up to 12). */
const NAME = /^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6}){1,2})$/u;

/** Words that look like names by length but never are (they stand where a name could). */
const NOT_NAMES = new Set(['本报', '全媒体', '融媒体', '记者', '通讯员', '实习生', '评论员', '摄影', '报道', '编辑', '消息', '综合', '新华社', '新闻', '图片', '视频', '专题', '特稿']);

const LEADING_BULLET = new RegExp(`^[${BRIEF_BULLETS}]\\s*`, 'u');

/** An author's note closing a commentary: `（作者系某大学教授）`. */
const AUTHOR_NOTE = /[（(]作者(?:系|为|是|单位)[^（）()]{1,40}[）)]$/u;

/** Role of a commentary's author. */
export const AUTHOR_ROLE = '作者';

/** True for a credit line that is an author's note (`（作者为……研究员）`), with or without the name. */
export function isAuthorNote(text: string): boolean {
  return AUTHOR_NOTE.test(text.trim());
}

/** The parsed credit. `photo` is true when the text carried a `摄` mark or a photo role. */
export interface ParsedCredit {
  reporters: Reporter[];
  photo: boolean;
  /** True when the text named at least one role, `摄` or a `文/`-style prefix: a bare list of names is not a credit on its own. */
  hasRoleWord: boolean;
  /** True when every name is a person's name by surname (`王五`, not `扩大`): bare names may then stand alone. */
  surnamed: boolean;
}

/** Roles an outlet may stand before (`晚报记者`, `本版制图`). */
const OUTLET_ROLES = ['记者', '全媒体记者', '融媒体记者', '见习记者', '特约记者', '实习记者', '摄影记者', '首席记者', '通讯员', '特约通讯员', '实习生', '评论员', '摄影', '摄像', '制图'];

/** First characters of those roles: a token without one after its first character has no outlet before a role. */
const OUTLET_ROLE_OPENINGS = new Set(OUTLET_ROLES.map((r) => r.charCodeAt(0)));

/**
 * An outlet or its unit standing before a role (`潍坊日报社全媒体记者`, `郑报全媒体记者`, `晚报记者`,
 * `本报驻法国记者`, `本版制图`): dropped from the role as `本报` is.
 */
const OUTLET_BEFORE_ROLE = new RegExp(
  `^(?:[\\u4e00-\\u9fff]{0,8}(?:日报社|日报|晚报|早报|时报|商报|报社|报|网|电视台|融媒体中心)|本版)?(?:驻[\\u4e00-\\u9fff]{1,6}?)?(?=${OUTLET_ROLES.join('|')})`,
  'u',
);

/** The most tokens (roles and names) one credit holds. */
const MAX_CREDIT_TOKENS = 14;

/** The longest token of a credit: a role glued to names run together, a label with its value. */
const MAX_CREDIT_TOKEN = 20;

/** A name, a slash and its role: `赵丽/文`, `刘振华/图`, `孙浩/摄`. */
const ROLE_AFTER_NAME = /^(?<name>[\u4e00-\u9fff·]{2,12})[/／](?<role>文|图|摄|摄影)$/u;

/** Endings of an outlet's name standing alone. */
const OUTLET_NAME_ENDINGS = ['日报社', '日报', '晚报', '早报', '时报', '商报', '报社', '电视台', '融媒体中心'];

/** An outlet's name as a token of its own: `中牟时报`, `潍坊日报社`. */
const OUTLET_ALONE = new RegExp(`^[\\u4e00-\\u9fff]{1,8}(?:${OUTLET_NAME_ENDINGS.join('|')})$`, 'u');

/** Last characters of those endings: a token ending otherwise is no outlet's name. */
const OUTLET_NAME_LAST = new Set(OUTLET_NAME_ENDINGS.map((e) => e.charCodeAt(e.length - 1)));

function isOutletAlone(token: string): boolean {
  return OUTLET_NAME_LAST.has(token.charCodeAt(token.length - 1)) && OUTLET_ALONE.test(token);
}

/**
 * A credit label with its value in one token: `拍摄者：本报记者`, `播报人：范建荣`, `监制：贾志刚`,
 * and the slash forms of text and photo `文/王丽娟`, `图/刘振华`.
 */
const TOKEN_LABEL = new RegExp(`^(?<label>${[...CREDIT_LABELS].sort((a, b) => b.length - a.length).join('|')})[：:]\\s*(?<value>.*)$|^(?<label2>文|图)[/／](?<value2>.+)$`, 'u');

/** Marks after the names: `文/图` (text and photo), `摄影报道`, `报道`. */
const TRAILING_MARKS: ReadonlyMap<string, 'photo' | 'text'> = new Map([
  ['文/图', 'photo'], ['文／图', 'photo'], ['图/文', 'photo'], ['图／文', 'photo'], ['文图', 'photo'], ['摄影报道', 'photo'], ['报道', 'text'],
]);

/**
 * Parses a credit text such as `本报记者 刘勇摄`, `记者 A 通讯员 B C`, `全媒体记者 赵继钊 殷雪鸢`,
 * `记者王晶`, `文/本报记者 X`, `摄影 X`, `图/X`. Returns undefined when any token is not a name or role; an author's
 * note alone (`（作者系……）`) gives no names but counts as a credit.
 * `defaultRole` applies to names before any role word (`（李四）` in a dateline → 记者).
 */
export function parseCredit(text: string, defaultRole: string = DEFAULT_ROLE): ParsedCredit | undefined {
  // Classify, segment and the reporters each parse the same paragraph: the second time is a
  // lookup. Each caller gets its own copy, free to change. A long text, seldom a credit, is
  // parsed and not kept.
  if (text.length > MAX_PARSED_TEXT) return readCredit(text, defaultRole);
  const key = `${defaultRole}\u0000${text}`;
  let parsed = PARSED.get(key);
  if (parsed === undefined) {
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    parsed = readCredit(text, defaultRole) ?? null;
    PARSED.set(key, parsed);
  }
  if (parsed === null) return undefined;
  const reporters = parsed.reporters.map((r) => ({ name: r.name, role: r.role }));
  return { reporters, photo: parsed.photo, hasRoleWord: parsed.hasRoleWord, surnamed: parsed.surnamed };
}

/** Credits parsed lately, by role and text (null: no credit). Cleared when full: a page's paragraphs are parsed close together. */
const PARSED = new Map<string, ParsedCredit | null>();
const MAX_PARSED = 512;
const MAX_PARSED_TEXT = 120;

function readCredit(text: string, defaultRole: string): ParsedCredit | undefined {
  const frame = readFrame(text, defaultRole);
  if (frame === undefined) return { reporters: [], photo: false, hasRoleWord: true, surnamed: false };
  const raw = frame.rest.split(/[\s、，,]+/u).filter((t) => t.length > 0);
  if (raw.length > MAX_CREDIT_TOKENS * 3) return undefined;
  const tokens = joinSpacedNames(raw);
  if (tokens.length === 0 || tokens.length > MAX_CREDIT_TOKENS) return undefined;
  // Spelled out: object spread and rest cost more than the whole parse of a short credit.
  const state: CreditState = {
    role: frame.role, photo: frame.photo, hasRoleWord: frame.hasRoleWord, textAndPhoto: frame.textAndPhoto, inParens: frame.inParens, surnamed: true, reporters: [],
  };
  for (let k = 0; k < tokens.length; k++) if (!readToken(tokens[k]!, k === tokens.length - 1, state)) return undefined;
  // A trailing 摄 credits every name of the line as the photographer (`本报记者 刘勇摄`), unless
  // the credit is for text and photo alike (`文/图 X`).
  if (state.photo && !state.textAndPhoto && !state.rolePerName) for (const r of state.reporters) r.role = PHOTO_ROLE;
  return { reporters: state.reporters, photo: state.photo, hasRoleWord: state.hasRoleWord, surnamed: state.surnamed && state.reporters.length > 0 };
}

/** What the tokens of a credit have said so far. */
interface CreditState {
  role: string;
  photo: boolean;
  hasRoleWord: boolean;
  /** A `文/图` credit: text and photo by the same people, who keep their role. */
  textAndPhoto: boolean;
  /** Each name carried its own role (`文/王丽娟 图/刘振华`, `赵丽/文`): a photo mark does not override them. */
  rolePerName?: boolean;
  /** The credit stood in parentheses of its own (`（李明宋学春）`): names there may be cut more freely. */
  inParens: boolean;
  surnamed: boolean;
  reporters: Reporter[];
}

const OPENING_PARENS = '（(';
const CLOSING_PARENS = '）)';
/** A text in parentheses of its own, with none inside. */
const PARENTHESISED = /^[（(](?<inner>[^（）()]+)[）)]$/u;
/** A prefix naming the role of the names after it: 文/图 X (text and photo), 图/X, 摄影/X, 文/X. */
const CREDIT_PREFIX = /^(?<what>文[/／]图|图[/／]文|文图[/／]?|图文[/／]|图片[/／：:]|摄影[/／：:]|图[/／：:]|文[/／：:]|撰文[/／：:]?)\s*/u;
/** The characters CREDIT_PREFIX can open with. */
const PREFIX_OPENINGS = '文图摄撰';

/** True when `s` opens with one of the characters of `chars`. */
function opensWith(s: string, chars: string): boolean {
  return s.length > 0 && chars.includes(s.charAt(0));
}

/** True when `s` closes with one of the characters of `chars`. */
function closesWith(s: string, chars: string): boolean {
  return s.length > 0 && chars.includes(s.charAt(s.length - 1));
}

/** The part around the names: a bullet, an author's note, parentheses, a label, a `文/图` prefix. Undefined for a note alone. */
function readFrame(text: string, defaultRole: string): Omit<CreditState, 'surnamed' | 'reporters'> & { rest: string } | undefined {
  // A bullet may open a byline set on its own line (`■本报记者 王芳`).
  // Each pattern below runs only when the first or last character allows it: most texts handed
  // here are headlines and sentences, and the patterns would only fail on them.
  let rest = text.trim();
  if (opensWith(rest, BRIEF_BULLETS)) rest = rest.replace(LEADING_BULLET, '');
  const frame = { rest, role: defaultRole, photo: false, hasRoleWord: false, textAndPhoto: false, inParens: false };
  // A commentary's author line: `张三（作者系某大学教授）`, or the note on a line of its own.
  const author = closesWith(rest, CLOSING_PARENS) ? AUTHOR_NOTE.exec(rest) : null;
  if (author) {
    rest = rest.slice(0, author.index).trim();
    frame.role = AUTHOR_ROLE;
    frame.hasRoleWord = true;
    if (rest.length === 0) return undefined;
  }
  // A credit may stand in parentheses of its own: `（图/孙浩）`, `（记者 赵敏）`.
  const unwrapped = opensWith(rest, OPENING_PARENS) && closesWith(rest, CLOSING_PARENS) ? rest.replace(PARENTHESISED, '$<inner>') : rest;
  const inParens = unwrapped !== rest;
  rest = unwrapped;
  // Prefixes: 文/图 X (text and photo), 图/X, 摄影/X, 文/X.
  const prefix = opensWith(rest, PREFIX_OPENINGS) ? CREDIT_PREFIX.exec(rest) : null;
  if (prefix) {
    const what = prefix.groups!['what']!;
    frame.hasRoleWord = true;
    if (what.includes('图') || what.startsWith('摄影')) {
      frame.photo = true;
      if (what.includes('文')) frame.textAndPhoto = true;
      else frame.role = PHOTO_ROLE;
    }
    rest = rest.slice(prefix[0].length);
  }
  frame.rest = rest;
  frame.inParens = inParens;
  return frame;
}

/** True when `token` holds a slash or a colon, which a label or a role after a name needs. */
function hasLabelMark(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 0x2f || c === 0xff0f || c === 0x3a || c === 0xff1a) return true;
  }
  return false;
}

/** Reads one token into the state; false when it is neither a name nor a word of a credit. */
function readToken(raw: string, last: boolean, state: CreditState): boolean {
  // No role, label or name (four names run together at most) is longer: a headline's words are not a credit.
  if (raw.length > MAX_CREDIT_TOKEN) return false;
  let token = raw;
  if (token === '摄' || (token === '摄影' && state.reporters.length > 0)) {
    state.photo = true;
    state.hasRoleWord = true;
    return true;
  }
  const standalone = TRAILING_MARKS.get(token);
  const glued = standalone ? undefined : trailingMarkOf(token);
  if ((standalone && state.reporters.length > 0) || glued) {
    state.hasRoleWord = true;
    if ((standalone ?? glued) === 'photo') {
      state.photo = true;
      if ((standalone ?? '').includes('文')) state.textAndPhoto = true;
    }
    if (standalone) return true;
    token = token.slice(0, token.length - markLength(token));
  }
  // Both patterns below need a slash or a colon, which few tokens hold.
  const marked = hasLabelMark(token);
  // A name with its role after a slash: `赵丽/文`, `刘振华/图`.
  const suffixed = marked ? ROLE_AFTER_NAME.exec(token) : null;
  if (suffixed) {
    const photoRole = suffixed.groups!['role'] !== '文';
    if (photoRole) state.photo = true;
    state.hasRoleWord = true;
    state.rolePerName = true;
    const before = state.role;
    state.role = photoRole ? PHOTO_ROLE : DEFAULT_ROLE;
    const ok = readNames(suffixed.groups!['name']!, state);
    state.role = before;
    return ok;
  }
  // A label with its value (`监制：贾志刚`, `图/刘振华`, `出品：阳泉日报社`): the label is the role.
  const labelled = marked ? TOKEN_LABEL.exec(token) : null;
  if (labelled) {
    const word = labelled.groups!['label'] ?? labelled.groups!['label2']!;
    state.role = word === '图' || word.includes('摄') ? PHOTO_ROLE : word === '文' ? DEFAULT_ROLE : word;
    if (state.role === PHOTO_ROLE) state.photo = true;
    state.hasRoleWord = true;
    if (labelled.groups!['label2']) state.rolePerName = true;
    token = labelled.groups!['value'] ?? labelled.groups!['value2']!;
    if (token.length === 0 || isOutletAlone(token)) return true;
  }
  // An outlet standing alone before names is their affiliation, printed as their role
  // (`记者 张朝晖` / `中牟时报 李淑娟` / `通讯员 张志宏`).
  if (state.reporters.length === 0 && !last && isOutletAlone(token)) {
    state.role = token;
    state.hasRoleWord = true;
    return true;
  }
  token = withoutSource(token);
  const matched = wordAt(token, 0, ROLE_WORDS);
  if (matched) {
    const photoRole = matched === '摄影' || matched === '摄影记者';
    state.role = photoRole ? PHOTO_ROLE : matched;
    if (photoRole) state.photo = true;
    state.hasRoleWord = true;
    token = token.slice(matched.length);
    // A role glued to a word is a column's name (`记者手记`, `记者调查`), not a credit.
    if (ROLE_COMPOUNDS.some((w) => token.startsWith(w))) return false;
  }
  if (token.length === 0) return true;
  const photoMark = token.endsWith('摄') && token.length >= 3;
  if (photoMark) token = token.slice(0, -1);
  if (!readNames(token, state)) return false;
  if (photoMark) {
    state.photo = true;
    state.hasRoleWord = true;
  }
  return true;
}

/** `本报记者王晶` → `记者王晶`, `潍坊日报社全媒体记者` → `全媒体记者`: the outlet before a role goes. */
function withoutSource(token: string): string {
  const sources = SOURCES.get(token.charCodeAt(0));
  const source = sources?.find((src) => token.startsWith(src) && wordAt(token, src.length, ROLE_WORDS) !== undefined);
  if (source) return token.slice(source.length);
  // An outlet is dropped only before a role, which must then open after the first character.
  let roleAhead = false;
  for (let i = 1; i < token.length && !roleAhead; i++) roleAhead = OUTLET_ROLE_OPENINGS.has(token.charCodeAt(i));
  const outlet = roleAhead ? OUTLET_BEFORE_ROLE.exec(token) : null;
  return outlet && outlet[0].length > 0 ? token.slice(outlet[0].length) : token;
}

/**
 * One name, or names run together (`王行增王君超`), cut by surname when the cut is clear. Without a
 * role word before them a run is cut only when it stands in parentheses of its own and cannot be
 * one name (`（李明宋学春）`), or when it cuts into three-character names (`宋学春张仁明`):
 * `虞舜文化` and `国民党区灾荒严重` are no names.
 */
function readNames(token: string, state: CreditState): boolean {
  const cut = token.length >= 4 ? splitRunTogether(token) : undefined;
  const names = cut && (state.hasRoleWord || (state.inParens && token.length >= 5) || cut.every((n) => n.length === 3)) ? cut : [token];
  for (const name of names) {
    if (!NAME.test(name) || NOT_NAMES.has(name)) return false;
    if (!name.includes('·') && !isPersonName(name)) state.surnamed = false;
    state.reporters.push({ name, role: state.role });
  }
  return true;
}

/**
 * Joins a two-character name spaced out to the width of a three-character one (`刘　畅` → `刘畅`):
 * a run of two or three single Han characters is one name. `摄` stays the photo mark.
 */
function joinSpacedNames(tokens: string[]): string[] {
  const single = (t: string | undefined): boolean => t !== undefined && t.length === 1 && t !== '摄' && t >= '\u4e00' && t <= '\u9fff';
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (single(tokens[j])) j++;
    if (j - i >= 2 && j - i <= 3) {
      out.push(tokens.slice(i, j).join(''));
      i = j;
    } else if (j - i > 3) {
      // A longer run of single characters is no name: keep them apart, and move past the run at once.
      out.push(...tokens.slice(i, j));
      i = j;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}

/** The mark glued to the last name (`吕依霖摄影报道`, `裴庆力报道`), or undefined. */
function trailingMarkOf(token: string): 'photo' | 'text' | undefined {
  const n = markLength(token);
  return n > 0 ? TRAILING_MARKS.get(token.slice(token.length - n)) : undefined;
}

function markLength(token: string): number {
  for (const m of ['摄影报道', '报道']) if (token.length > m.length + 1 && token.endsWith(m)) return m.length;
  return 0;
}

/**
 * A reader's or correspondent's credit in parentheses: an affiliation, then the name
 * (`河南开封市牛建海`, `北京市西城区佟景宸`, `山西大同市闻诚`). The affiliation must end in a unit
 * word (市, 区, 县, 行, 报, 队 …) and the name must read as one by surname.
 */
export function parseAffiliatedName(text: string): Reporter | undefined {
  // One space may stand before the name: `（山西大学教授 赵六）`.
  const t = text.trim().replace(/^([\u4e00-\u9fff]+)\s([\u4e00-\u9fff]{2,3})$/u, '$1$2');
  if (t.length < 5 || t.length > 40 || !/^[\u4e00-\u9fff]+$/u.test(t) || !AFFILIATION_OPENINGS.some((o) => t.startsWith(o))) return undefined;
  for (const len of [3, 2]) {
    const name = t.slice(t.length - len);
    const affiliation = t.slice(0, t.length - len);
    if (PLACE_NAME_ENDS.includes(name.charAt(name.length - 1))) continue;
    const ends = AFFILIATION_ENDS.includes(affiliation.charAt(affiliation.length - 1)) || AFFILIATION_POSTS.some((p) => affiliation.endsWith(p));
    if (surnameLength(name) > 0 && isPersonName(name) && ends) return { name, role: AUTHOR_ROLE };
  }
  return undefined;
}

/** Last characters of an affiliation before a name: places, units, outlets. */
const AFFILIATION_ENDS = '省市区县州盟旗镇乡村行报社局院校厂司部委所站队室会处科馆台团军场店中心';

/**
 * Where the last `n` characters of a normalised text start, a run of spaces counting as one: a
 * credit set flush right after a wide gap (`……参考考生共计12611人。⎵⎵⎵…⎵⎵全媒体记者 张沁`) is read
 * with the stop before it. Linear in the tail and its gaps.
 */
export function tailStart(norm: string, n: number): number {
  let k = norm.length;
  for (let count = 0; k > 0 && count < n; count++) {
    k--;
    if (norm.charCodeAt(k) === 0x20) while (k > 0 && norm.charCodeAt(k - 1) === 0x20) k--;
  }
  return k;
}

/** The tail of a paragraph that may hold its closing credit. */
const END_CREDIT_TAIL = 48;
/** `……招聘会。（记者 赵敏）`, `……参加。(葛虹虹)`: a credit in parentheses closing the paragraph. */
const END_CREDIT_PAREN = /（(?<credit>[^（）]{2,40})）[\s？?]*$/u;
/** `……生活方式。刘雪平`, `……刊发。 本报记者 侯晓晨`: a credit after the last full stop. */
const END_CREDIT_AFTER_STOP = /[。！？]\s*(?<credit>[^。！？，；：（）“”]{2,30})$/u;

/**
 * The credit that closes a paragraph of body text, or undefined: in parentheses (a role, names
 * that read as names, or an affiliation and a name), or after the last full stop (a role and
 * names, or one name alone). The paragraph itself must be longer than the credit.
 */
export function parseEndCredit(norm: string, photo: 'photo-allowed' | 'text-only' = 'text-only'): Reporter[] | undefined {
  const from = tailStart(norm, END_CREDIT_TAIL);
  const tail = norm.slice(from).trimEnd();
  const paren = END_CREDIT_PAREN.exec(tail);
  if (paren && from + paren.index > 0) {
    const inner = paren.groups!['credit']!;
    const credit = parseCredit(inner);
    if (credit && (credit.hasRoleWord || credit.surnamed) && credit.reporters.length > 0) return credit.reporters;
    const affiliated = parseAffiliatedName(inner);
    return affiliated ? [affiliated] : undefined;
  }
  const after = END_CREDIT_AFTER_STOP.exec(tail);
  if (!after) return undefined;
  const credit = parseCredit(after.groups!['credit']!);
  if (!credit || credit.reporters.length === 0) return undefined;
  // A photo credit on a caption's line is split off by repair, except on a numbered caption of a
  // photo box, which keeps it (`1、……观赏秋景。 李振杰 摄`).
  if (credit.hasRoleWord && (!credit.photo || photo === 'photo-allowed')) return credit.reporters;
  // A name alone after the last stop, with no role or parentheses, must have a given name of two
  // characters: `……生活方式。刘雪平`, while `……。明天`, `……。武汉` are words.
  const alone = credit.reporters[0]!;
  return !credit.hasRoleWord && credit.surnamed && credit.reporters.length === 1 && alone.name.length >= 3 ? credit.reporters : undefined;
}
