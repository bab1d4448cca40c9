#!/usr/bin/env node
// A native-solc stand-in for forge: answers `--version` and compiles `--standard-json` input from stdin with
// the solc-js build pinned in package.json. Other options forge passes (--allow-paths, --base-path,
// --include-path) only widen where imports may be read from; they are honoured by the import callback.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const solc = createRequire(path.join(root, 'package.json'))('solc');
const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
if (!args.includes('--standard-json')) {
  process.stderr.write('solc-shim: only --version and --standard-json are supported\n');
  process.exit(1);
}

const searchRoots = [process.cwd()];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base-path' || args[i] === '--include-path') searchRoots.push(args[i + 1]);
  if (args[i] === '--allow-paths') searchRoots.push(...args[i + 1].split(','));
}

function findImports(importPath) {
  for (const base of searchRoots) {
    const candidate = path.resolve(base, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  }
  return { error: `File not found: ${importPath}` };
}

const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
