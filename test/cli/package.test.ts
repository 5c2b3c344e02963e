/**
 * The published package: `npm pack --dry-run --json` lists exactly the files we mean to ship, and
 * the `exports` map lets a consumer reach the schemas. dist/ is whatever src/ compiles to, so its
 * part of the list is derived from src/ (one .js and one .d.ts per module, no source maps), and
 * everything else is pinned by name.
 */
import { execFile } from 'node:child_process';
import { readdir, mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const run = promisify(execFile);

interface PackResult {
  files: { path: string }[];
  entryCount: number;
}

let packed: string[];

beforeAll(async () => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the other tests.
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, maxBuffer: 1 << 24 });
  const [result] = JSON.parse(stdout) as PackResult[];
  packed = result!.files.map((f) => f.path).sort();
}, 60_000);

async function srcModules(): Promise<string[]> {
  const names = (await readdir(join(ROOT, 'src'), { recursive: true })) as string[];
  return names.filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).map((n) => n.replaceAll('\\', '/').replace(/\.ts$/u, ''));
}

describe('npm pack', () => {
  it('ships LICENSE, README, package.json, the bin, the schemas and dist/ compiled from src/, nothing else', async () => {
    const dist = (await srcModules()).flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.js`]);
    const expected = [
      'LICENSE',
      'README.md',
      'bin/paper-split.js',
      'package.json',
      'schema/article-record.schema.json',
      'schema/issue.schema.json',
      'schema/whole-issue.schema.json',
      ...dist,
    ].sort();
    expect(packed).toEqual(expected);
  });

  it('ships no source maps (src/ is not in the tarball for them to point to)', () => {
    expect(packed.filter((p) => p.endsWith('.map'))).toEqual([]);
  });
});

describe('package.json', () => {
  it('says MIT, as LICENSE does', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { license: string };
    const license = await readFile(join(ROOT, 'LICENSE'), 'utf8');
    expect([pkg.license, license.split('\n')[0]]).toEqual(['MIT', 'MIT License']);
  });

  it('exports the schemas: paper-split/schema/issue.schema.json resolves from a consumer', async () => {
    const consumer = await tempDir();
    await mkdir(join(consumer, 'node_modules'));
    await symlink(ROOT, join(consumer, 'node_modules/paper-split'), 'dir');
    const script = `console.log(require.resolve('paper-split/schema/issue.schema.json')); console.log(require.resolve('paper-split/schema/article-record.schema.json'))`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: consumer });
    // Without "./schema/*" in exports this fails with ERR_PACKAGE_PATH_NOT_EXPORTED. Node resolves the link to ROOT.
    expect(stdout).toBe(`${join(ROOT, 'schema/issue.schema.json')}\n${join(ROOT, 'schema/article-record.schema.json')}\n`);
  });
});
