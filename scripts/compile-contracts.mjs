#!/usr/bin/env node
// Compiles every Solidity source under contracts/ with the pinned solc-js (standard JSON) and writes one
// artifact per contract to contracts/out/<Name>.json: name, source path, ABI, bytecode, deployed bytecode,
// storage layout, method identifiers, compiler version and settings, and the Keccak-256 of each source.
//
//   node scripts/compile-contracts.mjs           write the artifacts (only files whose content changes)
//   node scripts/compile-contracts.mjs --check   compile in memory; exit 1 naming every stale, missing or
//                                                orphaned artifact, 0 when the committed ones are current
//
// Each source file is its own compilation unit, so adding a contract never changes another contract's
// artifact (AST ids, which appear in storage layouts, are numbered per compilation). Warnings fail the build
// just as errors do. Exit codes: 0 success, 1 stale artifacts or compiler diagnostics, 2 environment problem.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contractsDir = path.join(root, 'contracts');
const outDir = path.join(contractsDir, 'out');

// The settings every artifact records. bytecodeHash "none" drops the metadata hash from the bytecode, so the
// bytecode depends on the code alone, not on comments or paths, and is byte-stable.
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none' },
};

const outputs = [
  'abi',
  'evm.bytecode.object',
  'evm.deployedBytecode.object',
  'evm.methodIdentifiers',
  'storageLayout',
  'metadata',
];

function fail(code, message) {
  process.stderr.write(`compile-contracts: ${message}\n`);
  process.exit(code);
}

function loadSolc() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const pinned = manifest.dependencies?.solc;
  if (!pinned) fail(2, 'package.json does not pin solc');
  let solc;
  try {
    solc = createRequire(path.join(root, 'package.json'))('solc');
  } catch {
    fail(2, `solc ${pinned} is not installed in node_modules; run scripts/bootstrap.sh (it runs npm ci)`);
  }
  const version = solc.version();
  if (!version.startsWith(`${pinned}+`)) {
    fail(2, `node_modules holds solc ${version} but package.json pins ${pinned}; run scripts/bootstrap.sh`);
  }
  return { solc, version };
}

/** Repository-relative paths of every .sol file under contracts/ (outside contracts/out), in byte order. */
function findSources() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== outDir) walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.sol')) {
        found.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  walk(contractsDir);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Resolves imports inside contracts/ only: the contracts use no external libraries. */
function readImport(unitName) {
  const full = path.resolve(root, unitName);
  if (!full.startsWith(contractsDir + path.sep) || full.startsWith(outDir + path.sep)) {
    return { error: `import ${unitName} is outside contracts/; external libraries are not used` };
  }
  try {
    return { contents: fs.readFileSync(full, 'utf8') };
  } catch {
    return { error: `import ${unitName} not found` };
  }
}

function compileSource(solc, version, sourcePath) {
  const input = {
    language: 'Solidity',
    sources: { [sourcePath]: { content: fs.readFileSync(path.join(root, sourcePath), 'utf8') } },
    settings: { ...settings, outputSelection: { '*': { '*': outputs } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport }));
  const diagnostics = output.errors ?? [];
  if (diagnostics.length > 0) {
    // Warnings count as failures, as in the rest of the build.
    const text = diagnostics.map((d) => d.formattedMessage ?? d.message).join('\n');
    return { failure: `${sourcePath}:\n${text}` };
  }

  const artifacts = [];
  const contracts = output.contracts?.[sourcePath] ?? {};
  for (const name of Object.keys(contracts).sort()) {
    const contract = contracts[name];
    const metadata = JSON.parse(contract.metadata);
    const sources = {};
    for (const unit of Object.keys(metadata.sources).sort()) {
      sources[unit] = metadata.sources[unit].keccak256;
    }
    const bytecode = contract.evm.bytecode.object;
    const deployed = contract.evm.deployedBytecode.object;
    if (bytecode.includes('__$') || deployed.includes('__$')) {
      return { failure: `${sourcePath}:${name} needs library linking, which the artifacts do not support` };
    }
    artifacts.push({
      name,
      artifact: {
        contractName: name,
        sourcePath,
        compiler: { version, settings },
        sources,
        abi: contract.abi,
        methodIdentifiers: contract.evm.methodIdentifiers,
        bytecode: `0x${bytecode}`,
        deployedBytecode: `0x${deployed}`,
        storageLayout: contract.storageLayout,
      },
    });
  }
  return { artifacts };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) fail(2, `unknown argument ${unknown[0]}; usage: compile-contracts.mjs [--check]`);

  const { solc, version } = loadSolc();
  const expected = new Map();
  const failures = [];
  for (const sourcePath of findSources()) {
    const result = compileSource(solc, version, sourcePath);
    if (result.failure) {
      failures.push(result.failure);
      continue;
    }
    for (const { name, artifact } of result.artifacts) {
      const file = `contracts/out/${name}.json`;
      if (expected.has(file)) {
        failures.push(`two contracts are named ${name}; artifact names must be unique`);
        continue;
      }
      expected.set(file, `${JSON.stringify(artifact, null, 2)}\n`);
    }
  }
  if (failures.length > 0) fail(1, `compilation failed\n${failures.join('\n')}`);

  const committed = fs.existsSync(outDir)
    ? fs.readdirSync(outDir).filter((f) => f.endsWith('.json')).map((f) => `contracts/out/${f}`)
    : [];
  const problems = [];
  for (const [file, content] of expected) {
    const full = path.join(root, file);
    const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
    if (current === content) continue;
    if (check) {
      problems.push(`${current === null ? 'missing' : 'stale'}: ${file}`);
    } else {
      fs.mkdirSync(outDir, { recursive: true });
      fs.writeFileSync(full, content);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  for (const file of committed.filter((f) => !expected.has(f)).sort()) {
    if (check) {
      problems.push(`orphaned (no contract produces it): ${file}`);
    } else {
      fs.unlinkSync(path.join(root, file));
      process.stdout.write(`removed ${file}\n`);
    }
  }

  if (problems.length > 0) {
    fail(1, `compiled contracts differ from contracts/out (run node scripts/compile-contracts.mjs):\n  ${problems.join('\n  ')}`);
  }
  process.stdout.write(`${expected.size} contract artifacts ${check ? 'are current' : 'up to date'} (solc ${version})\n`);
}

main();
