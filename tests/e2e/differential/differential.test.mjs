// The differential suite: the same pre-signed transactions into the target devnet and a reference anvil, with
// receipts, headers, calls and touched state compared. The harness proves itself anvil-vs-anvil: identical
// nodes give no difference, and a one-wei perturbation of the reference is reported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { artifact } from '../lib/artifacts.mjs';
import { currentTarget, startDevnet } from '../lib/devnet.mjs';
import { AUDITOR } from '../lib/roles.mjs';
import { Rpc } from '../lib/rpc.mjs';
import { differences } from './compare.mjs';
import { runDifferential, targetReady } from './harness.mjs';
import { KNOWN_DIFFERENCES } from './known-differences.mjs';

async function withFreshDevnet(target, fn) {
  const devnet = await startDevnet({ target });
  try {
    await targetReady(devnet.info);
    return await fn(devnet.info);
  } finally {
    await devnet.stop();
  }
}

function describeDifferences(list) {
  return list.map((d) => `${d.where}: ${d.path}: target ${JSON.stringify(d.target)} vs reference ${JSON.stringify(d.reference)}`).join('\n');
}

describe('differential harness', () => {
  test('the comparison reports every changed, missing or extra field and leaves out only the listed ones', () => {
    const receipt = { status: '0x1', gasUsed: '0x5208', blockHash: '0xaa', logs: [{ data: '0x01', blockHash: '0xaa' }] };
    assert.deepEqual(differences('receipt', receipt, structuredClone(receipt)), []);
    assert.deepEqual(differences('receipt', receipt, { ...receipt, blockHash: '0xbb', logs: [{ data: '0x01', blockHash: '0xbb' }] }), []);
    assert.deepEqual(differences('receipt', receipt, { ...receipt, gasUsed: '0x5209' }).map((d) => d.path), ['receipt.gasUsed']);
    assert.deepEqual(differences('receipt', receipt, { ...receipt, logs: [{ data: '0x02', blockHash: '0xaa' }] }).map((d) => d.path), ['receipt.logs[0].data']);
    assert.deepEqual(differences('receipt', receipt, { ...receipt, logs: [] }).map((d) => d.path), ['receipt.logs.length']);
    assert.deepEqual(differences('receipt', { ...receipt, extra: 1 }, receipt).map((d) => d.path), ['receipt.extra']);
    assert.deepEqual(differences('state', { balance: '0xAB' }, { balance: '0xab' }), [], 'hex compares case-insensitively');
    for (const d of KNOWN_DIFFERENCES) assert.ok(d.reason.length > 20, `${d.path} needs a reason`);
  });

  test('anvil against anvil: a one-wei change to the reference is reported, and nothing else', async () => {
    const report = await withFreshDevnet('anvil', (info) => runDifferential(info, {
      perturbReference: async (ref, plan) => {
        const address = plan.addresses.accounts[2];
        const balance = BigInt(await ref.call('eth_getBalance', address, 'latest'));
        await ref.call('anvil_setBalance', address, `0x${(balance + 1n).toString(16)}`);
      },
    }));
    assert.deepEqual(report.differences.map((d) => `${d.where.toLowerCase()} ${d.path}`), [`${report.plan.addresses.accounts[2].toLowerCase()} state.balance`]);
  });

  test(`replay into the ${currentTarget()} devnet and the reference anvil: identical receipts, calls and state`, async (t) => {
    const started = Date.now();
    const { report, extra } = await withFreshDevnet(currentTarget(), async (info) => {
      const r = await runDifferential(info, { log: (line) => t.diagnostic(line) });
      const reader = new Rpc(info.rpcUrl, info.accounts[AUDITOR].token);
      return {
        report: r,
        extra: {
          create2Code: await reader.call('eth_getCode', r.plan.addresses.create2, 'latest'),
          delegation: await reader.call('eth_getCode', r.plan.addresses.accounts[3], 'latest'),
        },
      };
    });
    t.diagnostic(`${report.plan.steps.length} transactions, ${report.state.length} accounts, ${report.state.reduce((n, s) => n + s.slots, 0)} slots compared in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.equal(report.differences.length, 0, describeDifferences(report.differences));

    // The sequence did what it was meant to, so equality is not two nodes agreeing on nothing.
    const status = Object.fromEntries(report.steps.map((s) => [s.name, s.status]));
    assert.equal(status['Counter.subtract(1000) reverts with Underflow'], '0x0');
    assert.equal(report.steps.filter((s) => s.status === '0x1').length, report.steps.length - 1);
    assert.equal(extra.create2Code, artifact('Counter').deployedBytecode);
    assert.equal(extra.delegation.toLowerCase(), `0xef0100${report.plan.addresses.counter.slice(2)}`.toLowerCase());
    const calls = Object.fromEntries(report.calls.map((c) => [c.name, c.outcome]));
    assert.equal(calls['Counter.subtract reverting'].error?.code, 3);
    assert.match(calls['Counter.subtract reverting'].error?.data ?? '', /^0xc076384b/);
    assert.equal(BigInt(calls['Counter.count'].result), 77n);
    assert.equal(BigInt(calls['delegated count'].result), 4n);
    assert.equal(BigInt(calls['Erc20.balanceOf(fresh)'].result), 7n);
  });
});
