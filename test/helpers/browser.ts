/**
 * A real browser for the review page: Debian's `chromium`, headless, offline, with a fresh profile
 * per call (.ci/run installs it). `screenshot` returns the PNG's pixels, `dumpDom` the DOM as the
 * browser built it. `pngPixels` is a small PNG decoder (8-bit RGB/RGBA, the only kinds Chromium
 * writes), so the test needs no image library.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

/** True when a `chromium` binary answers `--version`. */
export function hasChromium(): boolean {
  return spawnSync('chromium', ['--version'], { encoding: 'utf8', timeout: 30_000 }).status === 0;
}

/** Flags for a quiet, offline, throwaway browser run as root. */
function flags(profile: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--hide-scrollbars',
  ];
}

function runChromium(args: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'paper-split-chromium-'));
  try {
    const r = spawnSync('chromium', [...flags(profile), ...args], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`chromium exited ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Renders `htmlPath` at `width`×`height` CSS pixels into `pngPath`. */
export function screenshot(htmlPath: string, pngPath: string, width = 1200, height = 1600): void {
  runChromium([`--window-size=${width},${height}`, `--screenshot=${pngPath}`, pathToFileURL(htmlPath).href]);
}

/** The DOM of `htmlPath` after the browser parsed it, serialised. */
export function dumpDom(htmlPath: string): string {
  return runChromium(['--dump-dom', pathToFileURL(htmlPath).href]);
}

/** Decoded pixels: `data` holds `width * height` RGBA quadruples. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG file. */
export function pngPixels(path: string): Pixels {
  const bytes = readFileSync(path);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error(`${path} is not a PNG`);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`);
      rows[y * stride + x] = (src[x]! + predictor) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) data[i * 4 + k] = rows[i * channels + k]!;
    data[i * 4 + 3] = channels === 4 ? rows[i * channels + 3]! : 255;
  }
  return { width, height, data };
}
