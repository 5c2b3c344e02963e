import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/color.js';

describe('colorLevel', () => {
  it.each<[string, boolean, NodeJS.ProcessEnv, number]>([
    ['a pipe', false, {}, 0],
    ['a terminal', true, {}, 1],
    ['a 256-colour terminal', true, { TERM: 'xterm-256color' }, 2],
    ['a true-colour terminal', true, { COLORTERM: 'truecolor' }, 3],
    ['a dumb terminal', true, { TERM: 'dumb' }, 0],
    ['NO_COLOR on a terminal', true, { NO_COLOR: '1' }, 0],
    ['NO_COLOR empty is ignored', true, { NO_COLOR: '' }, 1],
    ['FORCE_COLOR on a pipe', false, { FORCE_COLOR: '1' }, 1],
    ['FORCE_COLOR empty', false, { FORCE_COLOR: '' }, 1],
    ['FORCE_COLOR=true', false, { FORCE_COLOR: 'true' }, 1],
    ['FORCE_COLOR=3', false, { FORCE_COLOR: '3' }, 3],
    ['FORCE_COLOR=9 is capped', false, { FORCE_COLOR: '9' }, 3],
    ['FORCE_COLOR=0 on a terminal', true, { FORCE_COLOR: '0' }, 0],
    ['FORCE_COLOR=false on a terminal', true, { FORCE_COLOR: 'false' }, 0],
    ['NO_COLOR wins over FORCE_COLOR', true, { NO_COLOR: '1', FORCE_COLOR: '3' }, 0],
  ])('%s', (_, isTTY, env, level) => {
    expect(colorLevel({ isTTY }, env)).toBe(level);
  });
});

describe('colorLevel under --color', () => {
  it.each<[string, boolean, NodeJS.ProcessEnv, 'auto' | 'always' | 'never', number]>([
    ['never on a terminal', true, {}, 'never', 0],
    ['never wins over FORCE_COLOR', true, { FORCE_COLOR: '3' }, 'never', 0],
    ['always on a pipe', false, {}, 'always', 1],
    ['always wins over NO_COLOR', false, { NO_COLOR: '1' }, 'always', 1],
    ['always wins over FORCE_COLOR=0', false, { FORCE_COLOR: '0' }, 'always', 1],
    ['always keeps the level FORCE_COLOR asks for', false, { FORCE_COLOR: '3' }, 'always', 3],
    ['always keeps a 256-colour TERM', false, { TERM: 'xterm-256color' }, 'always', 2],
    ['always colours a dumb terminal too', true, { TERM: 'dumb' }, 'always', 1],
    ['auto is the environment and the stream', true, { NO_COLOR: '1' }, 'auto', 0],
  ])('%s', (_, isTTY, env, mode, level) => {
    expect(colorLevel({ isTTY }, env, mode)).toBe(level);
  });
});
