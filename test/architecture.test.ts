/**
 * The import rule, read from the import statements of every file in src/ (with the TypeScript
 * parser, so `import type`, `export … from` and `import()` all count). The layers, lowest first:
 *
 *   0 model and rules   src/types.ts, src/data/**          data imports only data
 *   1 grammar           src/grammar/**                     pure recognisers
 *   2 stages            decode, lines, repair, classify, segment, extract/**, windows
 *   3 library           pipeline, file, diagnostics, issue/**, format/**, index.ts
 *   4 cli               src/cli/**                         the library only through src/index.ts
 *
 * An import may go to its own layer or a lower one, never up; and the module graph has no cycle.
 * A new file in src/ must be given a layer here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Each layer's files: a path ending in `/` holds every file under that folder. */
const LAYERS: readonly { name: string; paths: readonly string[] }[] = [
  { name: 'model and rules', paths: ['src/types.ts', 'src/data/'] },
  { name: 'grammar', paths: ['src/grammar/'] },
  { name: 'stages', paths: ['src/decode.ts', 'src/decode/', 'src/lines.ts', 'src/repair.ts', 'src/classify.ts', 'src/segment.ts', 'src/windows.ts', 'src/extract/'] },
  { name: 'library', paths: ['src/pipeline.ts', 'src/file.ts', 'src/diagnostics.ts', 'src/issue/', 'src/format/', 'src/index.ts'] },
  { name: 'cli', paths: ['src/cli/'] },
];

/** The layer index of `file` (a path from the repository root), or -1 when it has none. */
function layerOf(file: string): number {
  return LAYERS.findIndex((l) => l.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
}

/** Every `.ts` file under src/, as a path from the root with `/` separators. */
function sourceFiles(): string[] {
  return (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/${f.split('\\').join('/')}`)
    .sort();
}

/** The module specifiers `file` imports or re-exports, static and dynamic. */
function specifiersOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `./x.js` from src/a/b.ts → `src/a/x.ts`; undefined for packages and `node:` modules. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(ROOT, resolve(ROOT, dirname(from), specifier)).split('\\').join('/');
  return target.replace(/\.js$/u, '.ts');
}

const files = sourceFiles();
const known = new Set(files);
/** The module graph: each file and the src/ files it imports. */
const graph = new Map(files.map((f) => [f, [...new Set(specifiersOf(f).map((s) => resolveImport(f, s)).filter((t) => t !== undefined))]]));
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const shown = ({ from, to }: { from: string; to: string }): string => `${from} → ${to}`;

describe('the import rule', () => {
  it('reads a module graph of every file in src/', () => {
    expect(files).toContain('src/index.ts');
    expect(files).toContain('src/cli/run.ts');
    expect(graph.get('src/pipeline.ts')).toContain('src/segment.ts');
    expect(graph.get('src/classify.ts')).toContain('src/grammar/shape.ts');
    expect(edges.length).toBeGreaterThan(100);
  });

  it('gives every file in src/ a layer', () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('resolves every relative import to a file in src/', () => {
    expect(edges.filter((e) => !known.has(e.to)).map(shown)).toEqual([]);
  });

  it('imports only from the same layer or a lower one', () => {
    const up = edges.filter((e) => layerOf(e.to) > layerOf(e.from)).map((e) => `${shown(e)} (${LAYERS[layerOf(e.from)]!.name} imports ${LAYERS[layerOf(e.to)]!.name})`);
    expect(up).toEqual([]);
  });

  it('data imports only data', () => {
    expect(edges.filter((e) => e.from.startsWith('src/data/') && !e.to.startsWith('src/data/')).map(shown)).toEqual([]);
  });

  it('the CLI reaches the library only through src/index.ts', () => {
    const past = edges.filter((e) => e.from.startsWith('src/cli/') && !e.to.startsWith('src/cli/') && e.to !== 'src/index.ts').map(shown);
    expect(past).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });
});

/**
 * One cycle per back edge found by a depth-first search over `graph`, each written
 * `a → b → … → a`. Empty when the graph is acyclic.
 */
function cyclesOf(g: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of g.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of g.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('cyclesOf (the check itself)', () => {
  it.each<[string, Record<string, string[]>, string[]]>([
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['a self-import', { a: ['a'] }, ['a → a']],
    ['a loop of three', { a: ['b'], b: ['c'], c: ['a'] }, ['a → b → c → a']],
    ['a loop below the start', { x: ['a'], a: ['b'], b: ['a'] }, ['a → b → a']],
  ])('%s', (_, g, expected) => {
    expect(cyclesOf(new Map(Object.entries(g)))).toEqual(expected);
  });
});
