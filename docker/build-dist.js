#!/usr/bin/env node
/**
 * Compiles apps/, libs/ and test/ (not the specs) to JavaScript in dist/, with the same swc settings
 * as jest and @swc-node/register (.swcrc), the tsconfig's path aliases rewritten to relative paths,
 * and every other file (templates, mappings, rulebooks) copied beside them, so that a process can
 * run `node dist/…/x.js` without compiling TypeScript at run time. Compiling at run time costs the
 * process about 90 MiB of RSS (swc, the typescript package, inline source maps), which the importer
 * cannot afford under its 250 MB.
 *
 * Incremental: a file is compiled again only when its source is newer than its output, everything
 * when the settings (.swcrc, tsconfig.json, this script) change; outputs whose source is gone are
 * removed. Up to date, it takes well under a second, so the npm scripts run it before each use.
 *
 *   node docker/build-dist.js [--quiet]
 */
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist');
const SOURCES = ['apps', 'libs', 'test'];
const STAMP = path.join(OUT, '.build-settings');
const quiet = process.argv.includes('--quiet');

const isSpec = (name) => /\.(spec|e2e-spec)\.ts$/.test(name);
const isTypeScript = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');

function walk(directory, found = []) {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/** The swc options: .swcrc's, source maps in files beside the output (not inline), the aliases of tsconfig.json. */
function settings() {
  const swcrc = fs.readFileSync(path.join(ROOT, '.swcrc'), 'utf8');
  const tsconfig = fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
  const { compilerOptions } = JSON.parse(tsconfig);
  const options = JSON.parse(swcrc);
  delete options.$schema;
  options.swcrc = false;
  options.sourceMaps = true;
  options.jsc = { ...options.jsc, baseUrl: path.resolve(ROOT, compilerOptions.baseUrl ?? '.'), paths: compilerOptions.paths };
  const fingerprint = createHash('sha256').update(swcrc).update(tsconfig).update(fs.readFileSync(__filename)).update(require('@swc/core/package.json').version).digest('hex');
  return { options, fingerprint };
}

const newer = (source, output) => {
  try {
    return fs.statSync(source).mtimeMs > fs.statSync(output).mtimeMs;
  } catch {
    return true;
  }
};

/** Written under a temporary name and renamed: a process starting meanwhile sees the old file or the new, never half of one. */
function writeAtomically(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

function build() {
  const started = Date.now();
  const { options, fingerprint } = settings();
  const everything = !fs.existsSync(STAMP) || fs.readFileSync(STAMP, 'utf8') !== fingerprint;
  const expected = new Set();
  let compiled = 0;
  let copied = 0;
  for (const source of SOURCES.flatMap((folder) => walk(path.join(ROOT, folder)))) {
    const relative = path.relative(ROOT, source);
    if (isSpec(source)) continue;
    if (isTypeScript(source)) {
      const output = path.join(OUT, relative.replace(/\.ts$/, '.js'));
      expected.add(output).add(`${output}.map`);
      if (!everything && !newer(source, output)) continue;
      const { code, map } = require('@swc/core').transformFileSync(source, { ...options, filename: source, outputPath: output, sourceFileName: path.relative(path.dirname(output), source) });
      writeAtomically(`${output}.map`, map);
      writeAtomically(output, `${code}\n//# sourceMappingURL=${path.basename(output)}.map\n`);
      compiled += 1;
    } else if (!source.endsWith('.d.ts')) {
      const output = path.join(OUT, relative);
      expected.add(output);
      if (!everything && !newer(source, output)) continue;
      writeAtomically(output, fs.readFileSync(source));
      copied += 1;
    }
  }
  let removed = 0;
  for (const output of fs.existsSync(OUT) ? walk(OUT) : []) {
    if (!expected.has(output) && !output.endsWith('.tmp')) {
      fs.rmSync(output);
      removed += 1;
    }
  }
  writeAtomically(STAMP, fingerprint);
  if (!quiet && compiled + copied + removed > 0) {
    process.stderr.write(`dist/: ${compiled} compiled, ${copied} copied, ${removed} removed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

build();
