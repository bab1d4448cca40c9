// The differential harness: replays one pre-signed transaction sequence into the target devnet (Nectar, or
// the anvil stand-in) and into a reference anvil aligned block by block (number, timestamp, base fee, gas
// limit, coinbase, initial balances), then compares receipts, block headers, read-only calls and the state of
// every account and storage slot the sequence touched.
import { spawn } from 'node:child_process';
import { tools } from '../lib/paths.mjs';
import { AUDITOR, SUITE_ACCOUNTS } from '../lib/roles.mjs';
import { Rpc, pollUntil, waitForReceipt } from '../lib/rpc.mjs';
import { differences } from './compare.mjs';
import { buildPlan } from './plan.mjs';

const hex = (n) => `0x${BigInt(n).toString(16)}`;

/** Starts a plain anvil (Prague) for the reference side. */
export async function startReferenceAnvil({ chainId, gasLimit, baseFee, timestamp }) {
  const args = ['--port', '0', '--host', '127.0.0.1', '--hardfork', 'prague', '--chain-id', String(chainId),
    '--gas-limit', String(BigInt(gasLimit)), '--base-fee', String(BigInt(baseFee)), '--timestamp', String(BigInt(timestamp))];
  const child = spawn(tools.anvil, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reference anvil did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk.toString('utf8');
      const match = /Listening on [\d.]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`reference anvil exited (${code}):\n${output}`));
    });
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    rpc: new Rpc(`http://127.0.0.1:${port}`),
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Storage slots and accounts a transaction touched, from the reference's prestate diff. */
function touchedBy(diff, into) {
  for (const side of [diff.pre ?? {}, diff.post ?? {}]) {
    for (const [address, account] of Object.entries(side)) {
      const key = address.toLowerCase();
      if (!into.has(key)) into.set(key, new Set());
      for (const slot of Object.keys(account.storage ?? {})) into.get(key).add(slot);
    }
  }
}

async function callOutcome(rpc, call) {
  const { result, error } = await rpc.attempt('eth_call', { from: call.from, to: call.to, data: call.data }, 'latest');
  // The message text is each node's own wording; the code and the revert data are the contract.
  return error ? { error: { code: error.code, data: error.data } } : { result };
}

/**
 * Runs the sequence against a target devnet's info file and a fresh reference anvil.
 * @param {object} info the target's info file
 * @param {{ perturbReference?: (rpc: Rpc, plan: object) => Promise<void>, log?: (line: string) => void }} [options]
 *   perturbReference changes the reference after alignment; the harness's own tests use it to show that a
 *   real difference is reported.
 */
export async function runDifferential(info, { perturbReference, log = () => {} } = {}) {
  const roles = SUITE_ACCOUNTS.differential;
  const indices = [...roles.senders, roles.authority];
  const target = new Rpc(info.rpcUrl, info.accounts[AUDITOR].token);
  const tokenOf = new Map(info.accounts.map((a) => [a.address.toLowerCase(), a.token]));
  const genesis = await target.call('eth_getBlockByNumber', '0x0', false);
  const plan = await buildPlan({ chainId: info.chainId, keys: indices.map((i) => info.accounts[i].privateKey) });

  const reference = await startReferenceAnvil({
    chainId: info.chainId, gasLimit: genesis.gasLimit, baseFee: genesis.baseFeePerGas ?? 0, timestamp: genesis.timestamp,
  });
  const report = { steps: [], calls: [], state: [], differences: [] };
  try {
    const ref = reference.rpc;
    // Same starting balances and nonces for every account the sequence signs with.
    for (const address of plan.addresses.accounts) {
      await ref.call('anvil_setBalance', address, await target.call('eth_getBalance', address, 'latest'));
      await ref.call('anvil_setNonce', address, await target.call('eth_getTransactionCount', address, 'latest'));
    }
    await perturbReference?.(ref, plan);

    const touched = new Map();
    for (const step of plan.steps) {
      const sender = plan.addresses.accounts[step.sender].toLowerCase();
      const sendAs = new Rpc(info.rpcUrl, tokenOf.get(sender));
      const hash = await sendAs.call('eth_sendRawTransaction', step.raw);
      const tReceipt = await waitForReceipt(target, hash);
      const tBlock = await target.call('eth_getBlockByNumber', tReceipt.blockNumber, false);

      // Bring the reference to the block before, then make its next block look like the target's.
      const head = BigInt(await ref.call('eth_blockNumber'));
      const gap = BigInt(tBlock.number) - 1n - head;
      if (gap < 0n) throw new Error(`the reference is ahead of the target at "${step.name}" (head ${head}, target block ${BigInt(tBlock.number)})`);
      if (gap > 0n) await ref.call('anvil_mine', hex(gap));
      await ref.call('anvil_setCoinbase', tBlock.miner);
      await ref.call('evm_setNextBlockTimestamp', hex(tBlock.timestamp));
      if (tBlock.baseFeePerGas !== undefined) await ref.call('anvil_setNextBlockBaseFeePerGas', tBlock.baseFeePerGas);
      const refHash = await ref.call('eth_sendRawTransaction', step.raw);
      const rReceipt = await waitForReceipt(ref, refHash);
      const rBlock = await ref.call('eth_getBlockByNumber', rReceipt.blockNumber, false);
      touchedBy(await ref.call('debug_traceTransaction', refHash, { tracer: 'prestateTracer', tracerConfig: { diffMode: true } }), touched);

      const found = [
        ...differences('receipt', tReceipt, rReceipt),
        ...differences('block', tBlock, rBlock),
      ];
      report.steps.push({ name: step.name, hash, status: tReceipt.status, gasUsed: BigInt(tReceipt.gasUsed), differences: found });
      log(`${step.name}: status ${tReceipt.status}, gas ${BigInt(tReceipt.gasUsed)}, ${found.length} difference(s)`);
    }

    for (const call of plan.calls) {
      const tCall = await callOutcome(new Rpc(info.rpcUrl, tokenOf.get(call.from.toLowerCase())), call);
      const rCall = await callOutcome(ref, call);
      const found = differences(`call`, tCall, rCall);
      report.calls.push({ name: call.name, outcome: tCall, differences: found });
    }

    // Every account any transaction touched, plus the plan's own addresses; every slot any transaction touched.
    for (const address of [...Object.values(plan.addresses).flat()]) {
      if (!touched.has(address.toLowerCase())) touched.set(address.toLowerCase(), new Set());
    }
    for (const [address, slots] of touched) {
      const read = async (rpc) => ({
        balance: await rpc.call('eth_getBalance', address, 'latest'),
        nonce: await rpc.call('eth_getTransactionCount', address, 'latest'),
        code: await rpc.call('eth_getCode', address, 'latest'),
        storage: Object.fromEntries(await Promise.all([...slots].sort().map(async (slot) => [slot, await rpc.call('eth_getStorageAt', address, slot, 'latest')]))),
      });
      const [t, r] = await Promise.all([read(target), read(ref)]);
      const found = differences(`state`, t, r);
      report.state.push({ address, slots: slots.size, differences: found });
    }
  } finally {
    await reference.stop();
  }
  report.differences = [
    ...report.steps.flatMap((s) => s.differences.map((d) => ({ where: s.name, ...d }))),
    ...report.calls.flatMap((c) => c.differences.map((d) => ({ where: c.name, ...d }))),
    ...report.state.flatMap((s) => s.differences.map((d) => ({ where: s.address, ...d }))),
  ];
  report.plan = plan;
  return report;
}

/** Waits until the target answers (some devnets open the port before the chain is ready). */
export function targetReady(info) {
  return pollUntil(async () => {
    try {
      return await new Rpc(info.rpcUrl).call('eth_chainId');
    } catch {
      return undefined;
    }
  }, { timeoutMs: 30_000, what: 'eth_chainId' });
}
