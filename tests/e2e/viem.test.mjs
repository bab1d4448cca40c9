// viem 2 against the devnet: deploy, simulateContract + writeContract, readContract, revert decoding,
// watchContractEvent and estimateFeesPerGas over the http transport with the bearer token in fetchOptions.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  webSocket,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { artifact } from './lib/artifacts.mjs';
import { within } from './lib/clients.mjs';
import { useDevnet } from './lib/devnet.mjs';
import { SUITE_ACCOUNTS } from './lib/roles.mjs';

const { info } = await useDevnet();
const me = info.accounts[SUITE_ACCOUNTS.viem.user];
const counter = artifact('Counter');

const chain = defineChain({
  id: info.chainId,
  name: 'Nectar devnet',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [info.rpcUrl], webSocket: [info.wsUrl] } },
});

// Methods sent so far. viem polls eth_getFilterChanges only once eth_newFilter has been answered, so the first
// poll after a watch starts tells the test that the filter is installed.
const sent = new Map();
const transport = http(info.rpcUrl, {
  fetchOptions: { headers: { Authorization: `Bearer ${me.token}` } },
  timeout: 30_000,
  async onFetchRequest(request) {
    for (const call of [].concat(await request.clone().json())) sent.set(call.method, (sent.get(call.method) ?? 0) + 1);
  },
});
const account = privateKeyToAccount(me.privateKey);
const publicClient = createPublicClient({ chain, transport, pollingInterval: 100 });
const walletClient = createWalletClient({ chain, transport, account });

async function waitForSent(method, count, ms = 10_000) {
  const deadline = Date.now() + ms;
  while ((sent.get(method) ?? 0) < count) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${method}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('viem 2', () => {
  let address;

  before(async () => {
    const hash = await walletClient.deployContract({ abi: counter.abi, bytecode: counter.bytecode });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 30_000 });
    assert.equal(receipt.status, 'success');
    address = receipt.contractAddress;
  });

  test('simulateContract then writeContract increments, and readContract sees it', async () => {
    const before = await publicClient.readContract({ address, abi: counter.abi, functionName: 'count' });
    const { request, result } = await publicClient.simulateContract({
      address, abi: counter.abi, functionName: 'increment', account,
    });
    assert.equal(result, before + 1n);
    const hash = await walletClient.writeContract(request);
    const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 30_000 });
    assert.equal(receipt.status, 'success');
    assert.equal(await publicClient.readContract({ address, abi: counter.abi, functionName: 'count' }), before + 1n);
  });

  test('simulateContract of subtract beyond the count decodes the Underflow custom error', async () => {
    const count = await publicClient.readContract({ address, abi: counter.abi, functionName: 'count' });
    await assert.rejects(
      publicClient.simulateContract({ address, abi: counter.abi, functionName: 'subtract', args: [count + 10n], account }),
      (error) => {
        assert.ok(error instanceof BaseError);
        const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
        assert.ok(revert, `no ContractFunctionRevertedError in ${error.message}`);
        assert.equal(revert.data?.errorName, 'Underflow');
        assert.deepEqual(revert.data.args, [count, count + 10n]);
        return true;
      },
    );
  });

  test('watchContractEvent over http delivers Incremented with our address', async () => {
    const polls = sent.get('eth_getFilterChanges') ?? 0;
    let unwatch;
    const seen = new Promise((resolve, reject) => {
      unwatch = publicClient.watchContractEvent({
        address, abi: counter.abi, eventName: 'Incremented', poll: true, pollingInterval: 100,
        onLogs: (logs) => resolve(logs),
        onError: reject,
      });
    });
    try {
      await waitForSent('eth_getFilterChanges', polls + 1);
      const hash = await walletClient.writeContract({ address, abi: counter.abi, functionName: 'add', args: [9n] });
      await publicClient.waitForTransactionReceipt({ hash, timeout: 30_000 });
      const logs = await within(seen, 20_000, 'the Incremented event');
      assert.equal(logs.length, 1);
      assert.equal(logs[0].transactionHash, hash);
      assert.equal(logs[0].args.caller, getAddress(me.address));
      assert.equal(logs[0].args.amount, 9n);
    } finally {
      unwatch();
    }
  });

  test('estimateFeesPerGas answers a max fee above the latest base fee', async () => {
    const fees = await publicClient.estimateFeesPerGas();
    const block = await publicClient.getBlock();
    assert.ok(fees.maxPriorityFeePerGas >= 0n);
    assert.ok(fees.maxFeePerGas >= block.baseFeePerGas + fees.maxPriorityFeePerGas, JSON.stringify(fees, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  });

  // viem's webSocket transport opens `new WebSocket(url)` with no options, so it cannot send the header; a
  // Node user subscribes with ethers' WebSocketProvider (see ethers.test.mjs) or polls over http as above.
  test('the webSocket transport cannot authenticate: its upgrade is refused', async () => {
    const wsClient = createPublicClient({ chain, transport: webSocket(info.wsUrl, { retryCount: 0, timeout: 5_000, reconnect: false }) });
    await assert.rejects(within(wsClient.getBlockNumber(), 15_000, 'the webSocket transport'));
  });
});

