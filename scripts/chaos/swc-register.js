'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a require hook is CommonJS: it runs before any transpiler */
// A tiny require hook so the chaos harness (and its worker children) run the TypeScript sources
// directly, like jest does: no build step, no dependency on a dist/ that may be stale. Compiled
// output is cached on disk because every SIGKILLed worker restarts and recompiles everything.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../..');
const cacheDir = join(tmpdir(), 'bamboo-chaos-swc-cache');
mkdirSync(cacheDir, { recursive: true });

// The same mapping as jest's moduleNameMapper: packages resolve to their sources.
const aliases = {
  '@bamboo/component-framework/testing': 'libs/component-framework/src/testing',
  '@bamboo/component-framework/nest': 'libs/component-framework/src/nest',
  '@bamboo/engine': 'libs/engine/src',
  '@bamboo/signals': 'libs/signals/src',
  '@bamboo/component-framework': 'libs/component-framework/src',
  '@bamboo/runtime': 'libs/runtime/src',
  '@bamboo/testing': 'libs/testing/src',
};

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const target = aliases[request];
  return originalResolve.call(this, target === undefined ? request : join(root, target), ...rest);
};

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function compile(filename) {
  const key = createHash('sha1')
    .update(`${filename}:${statSync(filename).mtimeMs}`)
    .digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename });
    // Two workers may compile the same file at once: write aside, then rename (atomic).
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
    return code;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(compile(filename), filename);
};
