/**
 * Fixture loop (STYLE.md §8). Each folder test/fixtures/<what-it-proves>/ holds
 *
 *   input.txt      the raw bytes of a dump (any encoding: it goes through splitBytes)
 *   expected.json  the expected issue, as projected below; reviewed by eye like code
 *   options.json   optional Options for splitBytes; `name` defaults to `<folder>/input.txt`
 *   bug.md         optional: one line naming a known bug. The fixture then runs as `it.fails`
 *                  (its expected.json records the *correct* answer, which src does not give yet)
 *                  and UPDATE_SNAPSHOT never rewrites it. Delete bug.md once the bug is fixed.
 *
 * `UPDATE_SNAPSHOT=1 npx vitest run test/fixtures.test.ts` rewrites expected.json (creating it for
 * a new folder); review the diff. Without it a missing expected.json fails and nothing is written.
 *
 * The projection compared with expected.json is the whole Issue except:
 *  - `articles[].dates` (every date mentioned, with body offsets) is left out: the date grammar
 *    is tested in test/extract/dates.test.ts; the article's own `date` is kept;
 *  - `articles[].locations` and `home` are reduced to `"name code"` strings: the gazetteer's
 *    paths, mentions and evidence wording are tested in test/extract/places.test.ts;
 *  - `diagnostics` keep `severity`, `code` and `span`: messages are wording, not API (§4).
 * Every fixture is also checked against the invariants of test/helpers/invariants.ts.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/decode.js';
import { type Issue, type Options, splitBytes } from '../src/index.js';
import { expectInvariants } from './helpers/invariants.js';

const ROOT = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env['UPDATE_SNAPSHOT'] === '1';

/** The documented projection of an issue (see the header). */
export function projectIssue(issue: Issue): unknown {
  const { home, articles, diagnostics, ...rest } = issue;
  return {
    ...rest,
    ...(home && { home: `${home.name} ${home.code}` }),
    articles: articles.map(({ dates: _dates, locations, ...a }) => ({ ...a, locations: locations.map((l) => `${l.name} ${l.code}`) })),
    diagnostics: diagnostics.map((d) => ({ severity: d.severity, code: d.code, ...(d.span && { span: d.span }) })),
  };
}

interface Fixture {
  name: string;
  dir: string;
  bug?: string;
}

const fixtures: Fixture[] = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => {
    const dir = join(ROOT, e.name);
    const bugFile = join(dir, 'bug.md');
    return { name: e.name, dir, ...(existsSync(bugFile) && { bug: readFileSync(bugFile, 'utf8').trim() }) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

function run(f: Fixture): { issue: Issue; text: string } {
  const optionsFile = join(f.dir, 'options.json');
  const options: Options = { name: `${f.name}/input.txt`, ...(existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) };
  const bytes = readFileSync(join(f.dir, 'input.txt'));
  const issue = splitBytes(bytes, options);
  const decoded = decodeBytes(bytes, { name: options.name! }, options.encoding).value;
  return { issue, text: decoded?.text ?? '' };
}

describe('fixtures', () => {
  it('there are fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  for (const f of fixtures) {
    describe(f.name, () => {
      const expectedFile = join(f.dir, 'expected.json');
      const compare = (): void => {
        const actual = projectIssue(run(f).issue);
        if (UPDATE && f.bug === undefined) {
          writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
          return;
        }
        if (!existsSync(expectedFile)) {
          throw new Error(`${expectedFile} is missing: write it with UPDATE_SNAPSHOT=1 npx vitest run test/fixtures.test.ts, then review it`);
        }
        expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      };
      if (f.bug === undefined) it('matches expected.json', compare);
      // BUG: the line in this fixture's bug.md (each is also listed in the test report)
      else it.fails(`matches expected.json — BUG: ${f.bug}`, compare);

      it('keeps the invariants', () => {
        const { issue, text } = run(f);
        expectInvariants(text, issue);
      });
    });
  }
});
