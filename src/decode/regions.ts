/**
 * Files stitched from two sources (the first pages UTF-8, the rest GBK) decode well only region by
 * region. Each line that holds non-ASCII bytes is scored in every byte-oriented encoding; a line
 * goes to another encoding than the file's (`primary`) only when it reads clearly better there,
 * and a run of such lines becomes a region only when its total lead is large enough, so that a
 * UTF-8 line with one bad byte stays UTF-8 (and gets its U+FFFD) rather than turning into GB18030
 * garbage. Regions start and end at line breaks (the byte 0x0A, which no multi-byte character
 * of UTF-8, GB18030 or Big5 contains).
 */
import type { Encoding } from '../types.js';
import { BYTE_ENCODINGS, decodeWith, ENCODINGS } from './candidates.js';
import { plausibility, scoreText } from './score.js';

/** A run of lines decoded in one encoding. Byte offsets are 0-based, `[start, end)`; lines 1-based. */
export interface Region {
  encoding: Encoding;
  /** Byte offsets into the input, e.g. `[0, 4096)`. */
  start: number;
  end: number;
  /** 1-based line numbers of the region's first and last line. */
  firstLine: number;
  lastLine: number;
}

/** The least total lead (in plausibility points, about one character each) for a run of lines to leave `primary`. */
const MIN_REGION_LEAD = 12;

interface LineVote {
  start: number;
  end: number;
  /** The encoding it reads best in; undefined for ASCII-only lines, which read the same in every one. */
  encoding: Encoding | undefined;
  /** How much better it reads there than in `primary`. */
  lead: number;
}

/**
 * Splits `bytes` into regions of one encoding each. One region in `primary` when the file is not
 * mixed; one region in another encoding when every line reads better there.
 */
export function findRegions(bytes: Uint8Array, primary: Encoding): Region[] {
  const votes = voteLines(bytes, primary);
  let groups = group(votes, primary);
  // Runs too weak to stand alone (a damaged line) go back to the file's encoding.
  for (const g of groups) if (g.encoding !== primary && g.lead < MIN_REGION_LEAD) g.encoding = primary;
  groups = merge(groups);
  return groups.map((g) => ({ encoding: g.encoding, start: g.start, end: g.end, firstLine: g.firstLine, lastLine: g.lastLine }));
}

function voteLines(bytes: Uint8Array, primary: Encoding): LineVote[] {
  const votes: LineVote[] = [];
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl + 1;
    const line = bytes.subarray(start, end);
    let ascii = true;
    for (let i = 0; i < line.length; i++) {
      if (line[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) votes.push({ start, end, encoding: undefined, lead: 0 });
    else {
      let best = primary;
      let bestValue = -Infinity;
      let primaryValue = 0;
      // The primary first, so that it wins a tie; then the rest in their usual order.
      for (const encoding of [primary, ...BYTE_ENCODINGS.filter((e) => e !== primary)]) {
        const value = plausibility(scoreText(decodeWith(line, encoding)), encoding);
        if (encoding === primary) primaryValue = value;
        if (value > bestValue) [best, bestValue] = [encoding, value];
      }
      votes.push({ start, end, encoding: best, lead: bestValue - primaryValue });
    }
    start = end;
  }
  return votes;
}

interface Group {
  encoding: Encoding;
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  lead: number;
}

/** Consecutive lines of one encoding; ASCII-only lines join the run they sit in (or the next one, at the top). */
function group(votes: LineVote[], primary: Encoding): Group[] {
  const groups: Group[] = [];
  const firstVoter = votes.find((v) => v.encoding !== undefined)?.encoding ?? primary;
  votes.forEach((v, i) => {
    const last = groups.at(-1);
    const encoding = v.encoding ?? last?.encoding ?? firstVoter;
    if (last && last.encoding === encoding) {
      last.end = v.end;
      last.lastLine = i + 1;
      last.lead += v.lead;
    } else {
      groups.push({ encoding, start: v.start, end: v.end, firstLine: i + 1, lastLine: i + 1, lead: v.lead });
    }
  });
  return groups;
}

function merge(groups: Group[]): Group[] {
  const out: Group[] = [];
  for (const g of groups) {
    const last = out.at(-1);
    if (last && last.encoding === g.encoding) {
      last.end = g.end;
      last.lastLine = g.lastLine;
      last.lead += g.lead;
    } else out.push({ ...g });
  }
  return out;
}

/** Orders encodings by how many bytes each region covers, largest first (ties in the usual order). */
export function byCoverage(regions: readonly Region[]): Encoding[] {
  const bytes = new Map<Encoding, number>();
  for (const r of regions) bytes.set(r.encoding, (bytes.get(r.encoding) ?? 0) + r.end - r.start);
  return [...bytes.keys()].sort((a, b) => bytes.get(b)! - bytes.get(a)! || ENCODINGS.indexOf(a) - ENCODINGS.indexOf(b));
}
