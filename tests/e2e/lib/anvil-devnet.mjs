#!/usr/bin/env node
// Stand-in for `nectar devnet` while the node is being finished: starts anvil (Prague) behind the
// authenticating proxy and writes the same info file the node writes:
//   { rpcUrl, wsUrl, chainId, accounts: [{ address, privateKey, token }] x10, target: "anvil" }
// Usage: node tests/e2e/lib/anvil-devnet.mjs --info-file PATH [--data-dir DIR] [--port N] [--chain-id N]
// SIGTERM/SIGINT stop anvil and the proxy, then the process exits 0.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAuthProxy } from './auth-proxy.mjs';
import { tools } from './paths.mjs';

/** A chain id other than anvil's default, so that nothing in the suite can silently assume 31337. */
export const STANDIN_CHAIN_ID = 424242;

function parseArgs(argv) {
  const options = { port: 0, chainId: STANDIN_CHAIN_ID };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--info-file': options.infoFile = value(); break;
      case '--data-dir': options.dataDir = value(); break;
      case '--port': options.port = Number(value()); break;
      case '--chain-id': options.chainId = Number(value()); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!options.infoFile) throw new Error('--info-file is required');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nectar-standin-'));
  const configOut = path.join(work, 'anvil.json');
  const anvil = spawn(
    tools.anvil,
    ['--port', '0', '--host', '127.0.0.1', '--hardfork', 'prague', '--chain-id', String(options.chainId),
      '--config-out', configOut],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let proxy;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    anvil.kill('SIGTERM');
    await proxy?.close();
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  // If whoever started this stand-in dies without stopping it (SIGKILL), stop too rather than linger.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop(0);
  }, 500).unref();
  anvil.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`anvil exited unexpectedly (${code ?? signal})\n`);
      stop(1);
    }
  });

  const anvilPort = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('anvil did not report its port within 30 s')), 30_000);
    anvil.stdout.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const match = /Listening on [\d.]+:(\d+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        anvil.stdout.resume();
        resolve(Number(match[1]));
      }
    });
  });
  // anvil writes --config-out before it starts listening.
  const config = JSON.parse(fs.readFileSync(configOut, 'utf8'));
  const accounts = config.available_accounts.map((address, i) => ({
    address,
    privateKey: config.private_keys[i],
    token: `standin_${i}_${crypto.randomBytes(16).toString('hex')}`,
  }));
  proxy = await startAuthProxy({
    upstreamHttp: `http://127.0.0.1:${anvilPort}`,
    upstreamWs: `ws://127.0.0.1:${anvilPort}`,
    tokens: new Set(accounts.map((a) => a.token)),
    port: options.port,
    // Set NECTAR_STANDIN_REQUEST_LOG to a file to see which methods each client calls and with what credentials.
    onRequest: process.env.NECTAR_STANDIN_REQUEST_LOG
      ? (entry) => fs.appendFileSync(process.env.NECTAR_STANDIN_REQUEST_LOG, `${JSON.stringify(entry)}\n`)
      : undefined,
  });
  const info = {
    rpcUrl: `http://127.0.0.1:${proxy.port}`,
    wsUrl: `ws://127.0.0.1:${proxy.port}/ws`,
    chainId: options.chainId,
    accounts,
    target: 'anvil',
  };
  const tmp = `${options.infoFile}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2));
  fs.renameSync(tmp, options.infoFile);
}

main().catch((e) => {
  process.stderr.write(`anvil-devnet: ${e.message}\n`);
  process.exit(2);
});
