// Starts a devnet for the suite and guarantees it is stopped: `./nectar devnet --info-file PATH` (target
// "nectar") or the anvil stand-in that writes the same info file (target "anvil"). The launcher waits for the
// info file with a bound, and kills the devnet's whole process group on stop, on process exit and on
// SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { e2eDir, repoRoot } from './paths.mjs';

export const TARGETS = ['nectar', 'anvil'];

/** The target chosen by NECTAR_E2E_TARGET (default "nectar"). */
export function currentTarget() {
  const target = process.env.NECTAR_E2E_TARGET || 'nectar';
  if (!TARGETS.includes(target)) {
    throw new Error(`NECTAR_E2E_TARGET must be one of ${TARGETS.join(', ')}; got "${target}"`);
  }
  return target;
}

const running = new Set();
const signalCleanups = [];
let hooksInstalled = false;

/** Registers work to finish, before the devnets stop, when this process is told to stop (SIGINT/SIGTERM/SIGHUP). */
export function onStopSignal(cleanup) {
  installHooks();
  signalCleanups.push(cleanup);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Last resort: whatever ends this process, its devnets receive SIGTERM (they stop gracefully by themselves).
  process.on('exit', () => {
    for (const d of running) killGroup(d.child, 'SIGTERM');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
      await Promise.allSettled(signalCleanups.map((cleanup) => cleanup()));
      await Promise.allSettled([...running].map((d) => d.stop()));
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

function commandFor(target, infoFile, dataDir, port) {
  const args = ['devnet', '--info-file', infoFile, '--data-dir', dataDir, '--port', String(port)];
  if (target === 'nectar') {
    const command = process.env.NECTAR_E2E_NECTAR_CMD || path.join(repoRoot, 'nectar');
    return { command, args };
  }
  return { command: process.execPath, args: [path.join(e2eDir, 'lib', 'anvil-devnet.mjs'), ...args.slice(1)] };
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** Checks the info file against the contract and returns it; throws naming what is wrong. */
export function validateInfo(info) {
  const problems = [];
  if (typeof info?.rpcUrl !== 'string' || !/^https?:\/\//.test(info.rpcUrl)) problems.push('rpcUrl');
  if (typeof info?.wsUrl !== 'string' || !/^wss?:\/\//.test(info.wsUrl)) problems.push('wsUrl');
  if (!Number.isSafeInteger(info?.chainId) || info.chainId <= 0) problems.push('chainId');
  if (!Array.isArray(info?.accounts) || info.accounts.length < 10) problems.push('accounts (ten expected)');
  else {
    info.accounts.forEach((a, i) => {
      if (!/^0x[0-9a-fA-F]{40}$/.test(a?.address ?? '')) problems.push(`accounts[${i}].address`);
      if (!/^0x[0-9a-fA-F]{64}$/.test(a?.privateKey ?? '')) problems.push(`accounts[${i}].privateKey`);
      if (typeof a?.token !== 'string' || a.token.length === 0) problems.push(`accounts[${i}].token`);
    });
  }
  if (problems.length > 0) throw new Error(`devnet info file is missing or has invalid: ${problems.join(', ')}`);
  return info;
}

function readInfo(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // Not there yet, or still being written.
  }
}

/**
 * Starts a devnet and waits for its info file.
 * @param {{ target?: string, timeoutMs?: number, port?: number }} [options]
 * @returns {Promise<{ info: object, target: string, stop: () => Promise<void>, logFile: string }>}
 */
export async function startDevnet({ target = currentTarget(), timeoutMs, port = 0 } = {}) {
  installHooks();
  const limit = timeoutMs ?? Number(process.env.NECTAR_E2E_START_TIMEOUT_MS || (target === 'nectar' ? 120_000 : 30_000));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `nectar-e2e-${target}-`));
  const infoFile = path.join(work, 'info.json');
  const dataDir = path.join(work, 'data');
  const logFile = path.join(work, 'devnet.log');
  const log = fs.openSync(logFile, 'a');
  const { command, args } = commandFor(target, infoFile, dataDir, port);
  // Its own process group, so stopping it also stops whatever it started (dotnet, anvil).
  const child = spawn(command, args, { cwd: repoRoot, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.on('error', (error) => {
      exited = { error };
      resolve();
    });
  });

  let stopped = false;
  const devnet = {
    target,
    logFile,
    info: undefined,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (exited === null) {
        killGroup(child, 'SIGTERM');
        const timer = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
        await Promise.race([exitPromise, timer]);
        if (exited === null) {
          killGroup(child, 'SIGKILL');
          await exitPromise;
        }
      }
      // Anything the group left behind (a grandchild that ignored SIGTERM) goes too.
      killGroup(child, 'SIGKILL');
      running.delete(devnet);
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
  running.add(devnet);

  const deadline = Date.now() + limit;
  while (true) {
    const info = readInfo(infoFile);
    if (info !== undefined) {
      try {
        devnet.info = validateInfo(info);
        break;
      } catch (error) {
        await devnet.stop();
        throw error;
      }
    }
    if (exited !== null || Date.now() > deadline) {
      const why = exited === null
        ? `no info file after ${limit / 1000} s`
        : `exited early (${exited.error?.message ?? exited.code ?? exited.signal})`;
      const output = tail(logFile);
      await devnet.stop();
      throw new Error(`devnet (${target}: ${command} ${args.join(' ')}) ${why}. Its last output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return devnet;
}

/**
 * The devnet a test file runs against: the shared one started by tests/e2e/run.mjs (NECTAR_E2E_INFO_FILE), or,
 * when a file is run on its own, one started for this file and stopped after it.
 */
export async function useDevnet() {
  const shared = process.env.NECTAR_E2E_INFO_FILE;
  if (shared) {
    return { target: currentTarget(), info: validateInfo(JSON.parse(fs.readFileSync(shared, 'utf8'))) };
  }
  const devnet = await startDevnet();
  after(() => devnet.stop());
  return devnet;
}
