/**
 * Colour levels per stream. chalk ignores NO_COLOR by design (chalk/supports-color #74, #129), so
 * we decide ourselves and hand each stream a `new Chalk({ level })`. Precedence: `--color always`
 * or `never` wins; under `auto` (the default) NO_COLOR (any non-empty value) wins, then
 * FORCE_COLOR, then whether the stream is a terminal.
 */

/** `--color` values: `auto` decides from the environment and the stream. */
export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** chalk's levels: 0 none, 1 basic 16 colours, 2 256 colours, 3 true colour. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** The colour level for writing to `stream` under `env` and `--color <mode>`. */
export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, mode: ColorMode = 'auto'): ColorLevel {
  if (mode === 'never') return 0;
  // `always`: the level FORCE_COLOR or the terminal type asks for, and at least basic colour.
  if (mode === 'always') return Math.max(1, colorLevel({ isTTY: true }, { ...env, NO_COLOR: undefined, TERM: env.TERM === 'dumb' ? undefined : env.TERM })) as ColorLevel;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    // The same reading as supports-color: '' and 'true' mean basic colour, a number is a level.
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    return Number.isNaN(n) ? 1 : (Math.max(0, Math.min(3, n)) as ColorLevel);
  }
  if (stream.isTTY !== true) return 0;
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(?:colou?r)?$/iu.test(env.TERM ?? '')) return 2;
  return 1;
}
