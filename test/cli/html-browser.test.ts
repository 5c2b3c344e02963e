/**
 * The review page of seed A in a real browser (Debian's chromium, headless and offline; .ci/run
 * installs it). The screenshot must show a page, not a blank or an error; the DOM the browser
 * built must hold one box per article, each with the article's headline. Without chromium the
 * test fails under CI=true and is skipped, saying so, elsewhere.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpDom, hasChromium, pngPixels, screenshot } from '../helpers/browser.js';
import { cli, SEED_A, tempDir } from './helpers.js';

const available = hasChromium();
if (!available && process.env.CI === 'true') {
  throw new Error('chromium is not installed, and CI=true: .ci/run installs it (apt-get install -y chromium); the review page must be rendered');
}

describe.skipIf(!available)(available ? 'the review page in chromium' : 'the review page in chromium (SKIPPED: chromium is not installed)', async () => {
  const dir = await tempDir();
  const htmlPath = join(dir, 'review.html');
  const r = await cli(['-f', 'html', SEED_A]);
  await writeFile(htmlPath, r.stdout);
  const json = JSON.parse((await cli(['-q', '-f', 'json', SEED_A])).stdout) as { articles: { headline: string }[] };

  it('renders a page that is not blank, with the first article’s box in its colour', () => {
    const png = join(dir, 'review.png');
    screenshot(htmlPath, png, 1200, 1600);
    const { width, height, data } = pngPixels(png);
    expect([width, height]).toEqual([1200, 1600]);
    const background = data.slice(0, 3).join(',');
    let painted = 0;
    let boxBorder = 0;
    const colours = new Set<string>();
    for (let i = 0; i < width * height; i++) {
      const [red, green, blue] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!];
      const key = `${red},${green},${blue}`;
      colours.add(key);
      if (key !== background) painted++;
      // Article 0's border: hsl(0 55% 45%) ≈ rgb(179, 52, 52).
      if (Math.abs(red - 179) < 6 && Math.abs(green - 52) < 6 && Math.abs(blue - 52) < 6) boxBorder++;
    }
    expect(painted / (width * height)).toBeGreaterThan(0.05);
    expect(colours.size).toBeGreaterThan(100);
    expect(boxBorder).toBeGreaterThan(2000);
  });

  it('has one box per article in the DOM, each headed by the article’s headline', () => {
    const dom = dumpDom(htmlPath);
    const boxes = dom.split('<div class="box" ').slice(1);
    const headlines = boxes.map((box) => {
      const line = /<div class="ln r-headline"[^>]*>.*?<span class="tx">(?<tx>.*?)<\/span><\/div>/su.exec(box);
      return line ? decode(line.groups!['tx']!.replace(/<[^>]+>/gu, '')) : '(none)';
    });
    expect(headlines).toEqual(json.articles.map((a) => a.headline));
    expect(json.articles).toHaveLength(6);
  });
});

function decode(s: string): string {
  return s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}
