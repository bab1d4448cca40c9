// ethers 6 against the devnet: deploy, transfers (native and ERC-20), custom-error decoding, and events both
// by polling filters over HTTP (`contract.on`) and by eth_subscribe over an authenticated WebSocket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Contract, ContractFactory, Wallet, getAddress } from 'ethers';
import { artifact } from './lib/artifacts.mjs';
import { ethersHttpProvider, ethersWebSocketProvider, recordAnswers, within } from './lib/clients.mjs';
import { useDevnet } from './lib/devnet.mjs';
import { SUITE_ACCOUNTS } from './lib/roles.mjs';

const { info } = await useDevnet();
const me = info.accounts[SUITE_ACCOUNTS.ethers.user];
const recipient = getAddress(info.accounts[SUITE_ACCOUNTS.privacy.recipient].address);
const myAddress = getAddress(me.address);
const erc20 = artifact('Erc20');
const SUPPLY = 1_000_000n * 10n ** 18n;

describe('ethers 6', () => {
  const provider = ethersHttpProvider(info, me.token);
  const wallet = new Wallet(me.privateKey, provider);
  const answered = recordAnswers(provider);
  let token;

  before(async () => {
    const factory = new ContractFactory(erc20.abi, erc20.bytecode, wallet);
    token = await factory.deploy('Nectar Test', 'NTT', SUPPLY);
    await within(token.waitForDeployment(), 30_000, 'ERC-20 deployment');
  });

  after(() => provider.destroy());

  test('deploys the ERC-20 and reads it back through eth_call', async () => {
    const address = await token.getAddress();
    assert.equal(await provider.getCode(address), erc20.deployedBytecode);
    assert.equal(await token.name(), 'Nectar Test');
    assert.equal(await token.totalSupply(), SUPPLY);
    assert.equal(await token.balanceOf(me.address), SUPPLY);
  });

  test('sends two native transfers back to back without reusing a nonce', async () => {
    const start = await provider.getTransactionCount(me.address);
    const balanceBefore = await provider.getBalance(me.address);
    const first = await wallet.sendTransaction({ to: recipient, value: 1000n });
    const r1 = await within(first.wait(), 30_000, 'first transfer');
    const second = await wallet.sendTransaction({ to: recipient, value: 2000n });
    const r2 = await within(second.wait(), 30_000, 'second transfer');
    assert.equal(first.nonce, start);
    assert.equal(second.nonce, start + 1);
    assert.equal(r1.status, 1);
    assert.equal(r2.status, 1);
    const fees = r1.gasUsed * r1.gasPrice + r2.gasUsed * r2.gasPrice;
    assert.equal(await provider.getBalance(me.address), balanceBefore - 3000n - fees);
  });

  test('transfers tokens and the Transfer event carries the parties and amount', async () => {
    const tx = await token.transfer(recipient, 250n);
    const receipt = await within(tx.wait(), 30_000, 'token transfer');
    assert.equal(receipt.status, 1);
    const [event] = receipt.logs.map((l) => token.interface.parseLog(l)).filter(Boolean);
    assert.equal(event.name, 'Transfer');
    assert.deepEqual([event.args.from, event.args.to, event.args.value], [myAddress, recipient, 250n]);
    assert.equal(await token.balanceOf(recipient), 250n);
  });

  test('a transfer beyond the balance is refused with the decoded ERC20InsufficientBalance error', async () => {
    const poor = new Contract(await token.getAddress(), erc20.abi, wallet);
    await assert.rejects(poor.transfer.staticCall(recipient, SUPPLY * 2n), (error) => {
      assert.equal(error.revert?.name, 'ERC20InsufficientBalance');
      assert.equal(error.revert.args[0], myAddress);
      return true;
    });
  });

  test('contract.on over HTTP delivers a Transfer through eth_newFilter/eth_getFilterChanges', async () => {
    const seen = new Promise((resolve) => {
      token.on('Transfer', (from, to, value, payload) => {
        if (value === 777n) resolve({ from, to, value, hash: payload.log.transactionHash });
      });
    });
    try {
      // ethers installs the filter on its next block poll; the transfer must come after it.
      await answered('eth_newFilter');
      const tx = await token.transfer(recipient, 777n);
      await within(tx.wait(), 30_000, 'token transfer');
      const event = await within(seen, 20_000, 'the Transfer event through the polling filter');
      assert.equal(event.hash, tx.hash);
      assert.equal(event.from, myAddress);
    } finally {
      // ethers sends eth_uninstallFilter without awaiting it; let it finish before the provider is destroyed.
      await token.removeAllListeners('Transfer');
      await answered('eth_uninstallFilter');
    }
  });

  test('queryFilter finds the earlier transfers in the block range', async () => {
    const events = await token.queryFilter(token.filters.Transfer(myAddress), 0, 'latest');
    const values = events.map((e) => e.args.value);
    assert.ok(values.includes(250n) && values.includes(777n), `values ${values}`);
  });

  test('WebSocketProvider with the header subscribes to logs and new heads', async () => {
    const ws = ethersWebSocketProvider(info, me.token);
    const wsAnswered = recordAnswers(ws);
    let wsToken;
    try {
      wsToken = new Contract(await token.getAddress(), erc20.abi, ws);
      const gotLog = new Promise((resolve) => {
        wsToken.on('Transfer', (from, to, value, payload) => {
          if (value === 4242n) resolve(payload.log.transactionHash);
        });
      });
      const gotHead = new Promise((resolve) => ws.once('block', resolve));
      // Both eth_subscribe calls (logs, newHeads) must be answered before the transaction is sent.
      await wsAnswered('eth_subscribe', 2);
      const tx = await token.transfer(recipient, 4242n);
      await within(tx.wait(), 30_000, 'token transfer');
      assert.equal(await within(gotLog, 20_000, 'the Transfer notification'), tx.hash);
      assert.ok((await within(gotHead, 20_000, 'a newHeads notification')) >= 1);
    } finally {
      // Unsubscribe and wait for both answers: destroying with eth_unsubscribe in flight rejects it unhandled.
      await wsToken?.removeAllListeners();
      await ws.removeAllListeners();
      await wsAnswered('eth_unsubscribe', 2).catch(() => {});
      await ws.destroy();
    }
  });
});
