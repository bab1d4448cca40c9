// forge script --broadcast against the devnet: compiles the repository's Counter through the solc-js shim,
// deploys it and calls it twice as broadcast transactions.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { Interface, id } from 'ethers';
import { artifact } from './lib/artifacts.mjs';
import { useDevnet } from './lib/devnet.mjs';
import { run } from './lib/exec.mjs';
import { startHeaderProxy } from './lib/header-proxy.mjs';
import { e2eDir, tools } from './lib/paths.mjs';
import { SUITE_ACCOUNTS } from './lib/roles.mjs';
import { Rpc } from './lib/rpc.mjs';

const { info } = await useDevnet();
const me = info.accounts[SUITE_ACCOUNTS.forge.user];
const rpc = new Rpc(info.rpcUrl, me.token);
const project = path.join(e2eDir, 'forge');
const counter = artifact('Counter');

function forgeScript(rpcUrl, extra = []) {
  return run(
    tools.forge,
    ['script', 'script/DeployCounter.s.sol:DeployCounter', '--rpc-url', rpcUrl, '--broadcast', '--non-interactive', '--slow', ...extra],
    { cwd: project, env: { E2E_PRIVATE_KEY: me.privateKey }, timeoutMs: 180_000 },
  );
}

describe('forge script', () => {
  const proxies = [];
  after(() => Promise.all(proxies.map((p) => p.close())));

  // forge script (1.7.1) builds its providers without --rpc-headers/ETH_RPC_HEADERS/eth_rpc_headers, so the
  // token cannot reach the node from forge itself; a loopback proxy adds it.
  test('without a header proxy forge is refused at the door (it sends no Authorization header)', async () => {
    const result = await forgeScript(info.rpcUrl);
    assert.notEqual(result.code, 0, 'forge now sends the token itself: the header proxy is no longer needed');
    assert.match(result.stderr + result.stdout, /401/);
  });

  test('--broadcast deploys Counter and calls increment() and add(41) through the header proxy', async () => {
    const proxy = await startHeaderProxy(info.rpcUrl, me.token);
    proxies.push(proxy);
    const nonceBefore = Number(await rpc.call('eth_getTransactionCount', me.address, 'latest'));
    const result = await forgeScript(proxy.url);
    assert.equal(result.code, 0, `forge script failed:\n${result.stdout}\n${result.stderr}`);

    const broadcastFile = path.join(project, 'broadcast', 'DeployCounter.s.sol', String(info.chainId), 'run-latest.json');
    const broadcast = JSON.parse(fs.readFileSync(broadcastFile, 'utf8'));
    assert.equal(broadcast.receipts.length, 3);
    for (const receipt of broadcast.receipts) assert.equal(receipt.status, '0x1');
    const created = broadcast.transactions.find((t) => t.transactionType === 'CREATE');
    assert.ok(created, 'no CREATE transaction in the broadcast');
    const address = created.contractAddress;

    // The node has the three transactions, in order, from our account.
    assert.equal(Number(await rpc.call('eth_getTransactionCount', me.address, 'latest')), nonceBefore + 3);
    for (const tx of broadcast.transactions) {
      const receipt = await rpc.call('eth_getTransactionReceipt', tx.hash);
      assert.equal(receipt.status, '0x1');
      assert.equal(receipt.from.toLowerCase(), me.address.toLowerCase());
    }
    // Compiled by the shim with the repository's settings, it is byte for byte the committed artifact.
    assert.equal(await rpc.call('eth_getCode', address, 'latest'), counter.deployedBytecode);
    const iface = new Interface(counter.abi);
    const count = iface.decodeFunctionResult('count', await rpc.call('eth_call', { from: me.address, to: address, data: iface.encodeFunctionData('count') }, 'latest'))[0];
    assert.equal(count, 42n);
    const addReceipt = await rpc.call('eth_getTransactionReceipt', broadcast.transactions[2].hash);
    assert.equal(addReceipt.logs[0].topics[0], id('Incremented(address,uint256,uint256)'));
  });
});
