#!/usr/bin/env node
// Runs the end-to-end suite: starts one shared devnet (NECTAR_E2E_TARGET=nectar|anvil), runs the test files
// with `node --test` against it (each suite writes with its own account, so files run in parallel), stops the
// devnet on every path, and prints "e2e (<target>): N passed, N failed, N skipped".
//
//   node tests/e2e/run.mjs                       every suite
//   node tests/e2e/run.mjs cast ethers           only tests/e2e/cast.test.mjs and tests/e2e/ethers.test.mjs
//   node tests/e2e/run.mjs --summary FILE        also write the counts as JSON (for scripts/test.sh)
//
// Environment: NECTAR_E2E_TARGET (default nectar), NECTAR_E2E_NECTAR_CMD (default ./nectar),
// NECTAR_E2E_CONCURRENCY (default 2), NECTAR_E2E_TIMEOUT_S (whole run, default 600).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentTarget, onStopSignal, startDevnet } from './lib/devnet.mjs';
import { run } from './lib/exec.mjs';
import { e2eDir, repoRoot } from './lib/paths.mjs';

function parseArgs(argv) {
  const options = { names: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--summary') options.summary = argv[++i];
    else options.names.push(argv[i]);
  }
  return options;
}

function testFiles(names) {
  const all = [
    ...fs.readdirSync(e2eDir).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join(e2eDir, f)),
    ...fs.readdirSync(path.join(e2eDir, 'differential')).filter((f) => f.endsWith('.test.mjs'))
      .map((f) => path.join(e2eDir, 'differential', f)),
  ].sort();
  if (names.length === 0) return all;
  return names.map((name) => {
    const match = all.find((f) => path.basename(f) === `${name}.test.mjs` || path.basename(f) === name || f.endsWith(name));
    if (!match) throw new Error(`no suite named "${name}"; suites: ${all.map((f) => path.basename(f, '.test.mjs')).join(', ')}`);
    return match;
  });
}

/** Sums the TAP summary lines node --test writes at the end. */
function countsFromTap(text) {
  const count = (key) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return all.length > 0 ? Number(all[all.length - 1][1]) : 0;
  };
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const target = currentTarget();
  const files = testFiles(options.names);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nectar-e2e-run-'));
  const tapFile = path.join(work, 'e2e.tap');
  const started = Date.now();
  let counts = { passed: 0, failed: 0, skipped: 0 };
  let devnet;
  let status = 1;
  try {
    if (target === 'nectar' && !process.env.NECTAR_E2E_NECTAR_CMD) {
      // ./nectar installs and builds before it runs; do that once, outside the devnet's start-up bound.
      process.stdout.write('[e2e] building the nectar command\n');
      const build = await run(path.join(repoRoot, 'nectar'), ['--help'], { timeoutMs: 900_000 });
      if (build.code !== 0) throw new Error(`./nectar --help failed:\n${build.stderr}`);
    }
    const t0 = Date.now();
    devnet = await startDevnet({ target });
    process.stdout.write(`[e2e] ${target} devnet ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${devnet.info.rpcUrl}\n`);
    const infoFile = path.join(work, 'info.json');
    fs.writeFileSync(infoFile, JSON.stringify(devnet.info));

    const concurrency = process.env.NECTAR_E2E_CONCURRENCY || '2';
    const args = [
      '--test', `--test-concurrency=${concurrency}`, '--test-timeout=240000',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
      ...files,
    ];
    const limitMs = Number(process.env.NECTAR_E2E_TIMEOUT_S || 600) * 1000;
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NECTAR_E2E_INFO_FILE: infoFile, NECTAR_E2E_TARGET: target },
      detached: true,
    });
    const exited = new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    const signalGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* gone */ } };
    // SIGTERM first: the test processes stop the devnets they started themselves; SIGKILL whatever is left.
    const stopTests = async () => {
      signalGroup('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      signalGroup('SIGKILL');
    };
    onStopSignal(stopTests);
    process.on('exit', () => signalGroup('SIGKILL'));
    const timer = setTimeout(() => {
      process.stderr.write(`[e2e] the run exceeded ${limitMs / 1000} s; stopping it\n`);
      stopTests();
    }, limitMs);
    const code = await exited;
    clearTimeout(timer);
    counts = countsFromTap(fs.existsSync(tapFile) ? fs.readFileSync(tapFile, 'utf8') : '');
    if (code !== 0 && counts.failed === 0) counts.failed = 1; // A crash or a timeout without a failing test.
    status = code === 0 && counts.failed === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`[e2e] ${error.stack ?? error}\n`);
    counts.failed = Math.max(counts.failed, 1);
    status = 1;
  } finally {
    await devnet?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (options.summary) fs.writeFileSync(options.summary, JSON.stringify({ target, ...counts, seconds: Number(seconds) }));
  process.stdout.write(`[e2e] target ${target}, ${seconds} s: passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}\n`);
  process.exit(status);
}

main();
