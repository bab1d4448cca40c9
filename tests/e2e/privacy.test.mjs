// Privacy twins: for each rule, the authorized caller gets the data and an outsider (another admitted user's
// token) gets exactly what a missing object gets; no token gets HTTP 401; transactions that are not the
// session's own are refused. Runs against `nectar devnet` only (see lib/target.mjs).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe } from 'node:test';
import { Contract, ContractFactory, Interface, Transaction, Wallet, getAddress, id } from 'ethers';
import { WebSocket } from 'ws';
import { artifact } from './lib/artifacts.mjs';
import { ethersHttpProvider, within } from './lib/clients.mjs';
import { useDevnet } from './lib/devnet.mjs';
import { AUDITOR, OPERATOR, SUITE_ACCOUNTS } from './lib/roles.mjs';
import { Rpc, rawCall } from './lib/rpc.mjs';
import { privacyTest, privacyTestsRun } from './lib/target.mjs';

// Under the anvil stand-in every test below is skipped; do not even start a devnet for them.
const devnet = privacyTestsRun() ? await useDevnet() : undefined;
const info = devnet?.info;
const counterArtifact = artifact('Counter');
const counterInterface = new Interface(counterArtifact.abi);
const INCREMENTED = id('Incremented(address,uint256,uint256)');

const roles = SUITE_ACCOUNTS.privacy;
const account = (i) => info.accounts[i];
const rpcAs = (i) => new Rpc(info.rpcUrl, account(i).token);
const randomHash = () => `0x${crypto.randomBytes(32).toString('hex')}`;
const randomAddress = () => getAddress(`0x${crypto.randomBytes(20).toString('hex')}`);

/** The body without its id, for comparing two answers as a client sees them. */
async function answer(i, method, params) {
  const token = i === undefined ? undefined : account(i).token;
  const { status, body } = await rawCall(info.rpcUrl, method, params, { token });
  if (typeof body === 'object' && body !== null) delete body.id;
  return { status, body };
}

/** Replaces every occurrence of `secret` (a hash or address, any case) so two error texts can be compared. */
function mask(value, ...secrets) {
  let text = JSON.stringify(value);
  for (const s of secrets) text = text.replace(new RegExp(s.replace(/^0x/, ''), 'gi'), '<masked>');
  return JSON.parse(text);
}

// The scene, built once on first use: the user deploys a Counter, increments it (one log) and sends value to
// the recipient. Everything the tests read refers to it.
let scenePromise;
function scene() {
  scenePromise ??= (async () => {
    const user = account(roles.user);
    const provider = ethersHttpProvider(info, user.token);
    const wallet = new Wallet(user.privateKey, provider);
    try {
      const deployed = await new ContractFactory(counterArtifact.abi, counterArtifact.bytecode, wallet).deploy();
      await within(deployed.waitForDeployment(), 30_000, 'Counter deployment');
      const counter = new Contract(await deployed.getAddress(), counterArtifact.abi, wallet);
      const incrementReceipt = await within((await counter.increment()).wait(), 30_000, 'increment');
      const transferReceipt = await within(
        (await wallet.sendTransaction({ to: account(roles.recipient).address, value: 10n ** 15n })).wait(),
        30_000,
        'value transfer',
      );
      return {
        counter: await counter.getAddress(),
        incrementTx: incrementReceipt.hash,
        incrementBlock: incrementReceipt.blockNumber,
        transferTx: transferReceipt.hash,
        transferBlock: transferReceipt.blockNumber,
      };
    } finally {
      provider.destroy();
    }
  })();
  return scenePromise;
}

describe('privacy: transactions and receipts by hash', () => {
  for (const method of ['eth_getTransactionByHash', 'eth_getTransactionReceipt']) {
    privacyTest(`${method}: the sender, the direct recipient and the auditor see it`, async () => {
      const s = await scene();
      for (const reader of [roles.user, roles.recipient, AUDITOR]) {
        const result = await rpcAs(reader).call(method, s.transferTx);
        assert.equal(result?.transactionHash ?? result?.hash, s.transferTx, `account ${reader}`);
      }
    });

    privacyTest(`${method}: an outsider gets exactly the answer for a hash that does not exist`, async () => {
      const s = await scene();
      const denied = await answer(roles.outsider, method, [s.transferTx]);
      const missing = await answer(roles.outsider, method, [randomHash()]);
      assert.deepEqual(denied, missing);
      assert.equal(denied.body.result, null);
    });
  }
});

describe('privacy: blocks', () => {
  privacyTest("block transaction lists hold the caller's transactions and not others'", async () => {
    const s = await scene();
    const number = `0x${s.transferBlock.toString(16)}`;
    for (const full of [false, true]) {
      const mine = await rpcAs(roles.user).call('eth_getBlockByNumber', number, full);
      const theirs = await rpcAs(roles.outsider).call('eth_getBlockByNumber', number, full);
      const hashes = (b) => b.transactions.map((t) => (typeof t === 'string' ? t : t.hash));
      assert.ok(hashes(mine).includes(s.transferTx), `full=${full}`);
      assert.ok(!hashes(theirs).includes(s.transferTx), `full=${full}: outsider sees the transaction`);
      const byHash = await rpcAs(roles.outsider).call('eth_getBlockByHash', theirs.hash, full);
      assert.ok(!hashes(byHash).includes(s.transferTx), `by hash, full=${full}`);
      const auditors = await rpcAs(AUDITOR).call('eth_getBlockByNumber', number, full);
      assert.ok(hashes(auditors).includes(s.transferTx));
    }
  });
});

describe('privacy: balances and nonces', () => {
  for (const method of ['eth_getBalance', 'eth_getTransactionCount']) {
    privacyTest(`${method}: the account itself and the auditor see the real value`, async () => {
      await scene();
      const who = account(roles.user).address;
      const own = await rpcAs(roles.user).call(method, who, 'latest');
      assert.notEqual(BigInt(own), 0n);
      assert.equal(await rpcAs(AUDITOR).call(method, who, 'latest'), own);
    });

    privacyTest(`${method}: an outsider gets the answer for an account that never existed`, async () => {
      await scene();
      const denied = await answer(roles.outsider, method, [account(roles.user).address, 'latest']);
      const missing = await answer(roles.outsider, method, [randomAddress(), 'latest']);
      assert.deepEqual(denied, missing);
    });
  }
});

describe('privacy: storage, proofs and traces', () => {
  privacyTest('eth_getStorageAt: the auditor and the operator read the slot; a user gets the empty-slot answer', async () => {
    const s = await scene();
    const slot0 = (i) => rpcAs(i).call('eth_getStorageAt', s.counter, '0x0', 'latest');
    const real = await slot0(AUDITOR);
    assert.equal(BigInt(real), 1n);
    assert.equal(await slot0(OPERATOR), real);
    const denied = await answer(roles.user, 'eth_getStorageAt', [s.counter, '0x0', 'latest']);
    const missing = await answer(roles.user, 'eth_getStorageAt', [s.counter, '0x1234', 'latest']);
    assert.deepEqual(denied, missing);
  });

  privacyTest('eth_getProof: the auditor gets the proof; a user learns nothing from it', async () => {
    const s = await scene();
    const slot = `0x${'00'.repeat(32)}`;
    const proof = await rpcAs(AUDITOR).call('eth_getProof', s.counter, [slot], 'latest');
    assert.ok(proof.accountProof.length > 0);
    assert.equal(BigInt(proof.storageProof[0].value), 1n);
    const denied = await answer(roles.user, 'eth_getProof', [s.counter, [slot], 'latest']);
    if (denied.body.result) {
      assert.equal(BigInt(denied.body.result.storageProof[0].value), 0n);
      assert.notDeepEqual(denied.body.result.accountProof, proof.accountProof);
    } else {
      assert.ok(denied.body.error, JSON.stringify(denied));
    }
  });

  for (const tracer of [undefined, 'callTracer']) {
    privacyTest(`debug_traceTransaction (${tracer ?? 'struct logs'}): auditor and operator trace; users get the unknown-transaction answer`, async () => {
      const s = await scene();
      const options = tracer ? { tracer } : {};
      for (const reader of [AUDITOR, OPERATOR]) {
        const trace = await rpcAs(reader).call('debug_traceTransaction', s.incrementTx, options);
        // increment() returned the new count, 1: the trace is of the real execution.
        const output = tracer ? trace.output : trace.returnValue;
        assert.equal(BigInt(output), 1n, `account ${reader}: ${JSON.stringify(trace).slice(0, 300)}`);
      }
      for (const reader of [roles.user, roles.outsider]) {
        const unknown = randomHash();
        const denied = await answer(reader, 'debug_traceTransaction', [s.incrementTx, options]);
        const missing = await answer(reader, 'debug_traceTransaction', [unknown, options]);
        assert.deepEqual(mask(denied, s.incrementTx), mask(missing, unknown), `account ${reader}`);
      }
    });
  }
});

describe('privacy: logs, filters and subscriptions', () => {
  privacyTest("eth_getLogs: the sender and the auditor get the log; an outsider gets none", async () => {
    const s = await scene();
    const range = `0x${s.incrementBlock.toString(16)}`;
    const filter = { address: s.counter, fromBlock: range, toBlock: range };
    for (const reader of [roles.user, AUDITOR]) {
      const logs = await rpcAs(reader).call('eth_getLogs', filter);
      assert.deepEqual(logs.map((l) => l.transactionHash), [s.incrementTx], `account ${reader}`);
    }
    assert.deepEqual(await rpcAs(roles.outsider).call('eth_getLogs', filter), []);
    assert.deepEqual(await rpcAs(roles.outsider).call('eth_getLogs', { fromBlock: range, toBlock: range, topics: [INCREMENTED] }), []);
  });

  privacyTest("eth_newFilter: an outsider's filter never reports the user's new log", async () => {
    const s = await scene();
    const user = rpcAs(roles.user);
    const outsider = rpcAs(roles.outsider);
    const filter = { address: s.counter };
    const userFilter = await user.call('eth_newFilter', filter);
    const outsiderFilter = await outsider.call('eth_newFilter', filter);
    const outsiderBlockFilter = await outsider.call('eth_newBlockFilter');
    const provider = ethersHttpProvider(info, account(roles.user).token);
    try {
      const counter = new Contract(s.counter, counterArtifact.abi, new Wallet(account(roles.user).privateKey, provider));
      const receipt = await within((await counter.increment()).wait(), 30_000, 'increment');
      const changes = await user.call('eth_getFilterChanges', userFilter);
      assert.deepEqual(changes.map((l) => l.transactionHash), [receipt.hash]);
      // The block itself is not secret: the outsider's block filter sees it, its log filter does not.
      assert.ok((await outsider.call('eth_getFilterChanges', outsiderBlockFilter)).includes(receipt.blockHash));
      assert.deepEqual(await outsider.call('eth_getFilterChanges', outsiderFilter), []);
      assert.deepEqual(await outsider.call('eth_getFilterLogs', outsiderFilter), []);
    } finally {
      provider.destroy();
    }
  });

  privacyTest("eth_subscribe logs: an outsider's subscription gets no notification of the user's log", async () => {
    const s = await scene();
    const open = (i) => new Promise((resolve, reject) => {
      const ws = new WebSocket(info.wsUrl, { headers: { Authorization: `Bearer ${account(i).token}` }, handshakeTimeout: 10_000 });
      const notifications = [];
      const pending = new Map();
      let next = 1;
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString());
        if (msg.method === 'eth_subscription') notifications.push(msg.params);
        else pending.get(msg.id)?.(msg);
      });
      ws.once('open', () => resolve({
        ws,
        notifications,
        call: (method, params) => within(new Promise((done) => {
          const rid = next++;
          pending.set(rid, done);
          ws.send(JSON.stringify({ jsonrpc: '2.0', id: rid, method, params }));
        }), 10_000, method),
      }));
      ws.once('error', reject);
    });
    const user = await open(roles.user);
    const outsider = await open(roles.outsider);
    try {
      const userSub = (await user.call('eth_subscribe', ['logs', { address: s.counter }])).result;
      const outsiderSub = (await outsider.call('eth_subscribe', ['logs', { address: s.counter }])).result;
      const outsiderHeads = (await outsider.call('eth_subscribe', ['newHeads'])).result;
      assert.ok(userSub && outsiderSub && outsiderHeads);

      const provider = ethersHttpProvider(info, account(roles.user).token);
      let receipt;
      try {
        const counter = new Contract(s.counter, counterArtifact.abi, new Wallet(account(roles.user).privateKey, provider));
        receipt = await within((await counter.increment()).wait(), 30_000, 'increment');
      } finally {
        provider.destroy();
      }
      const deadline = Date.now() + 20_000;
      const userGot = () => user.notifications.some((n) => n.subscription === userSub && n.result.transactionHash === receipt.hash);
      // The outsider has seen the head of the block after the user's: any log of that block was due by then.
      const outsiderPast = () => outsider.notifications.some((n) => n.subscription === outsiderHeads && Number(n.result.number) > receipt.blockNumber);
      const outsiderProvider = ethersHttpProvider(info, account(roles.outsider).token);
      try {
        const self = new Wallet(account(roles.outsider).privateKey, outsiderProvider);
        await within((await self.sendTransaction({ to: self.address, value: 0n })).wait(), 30_000, 'the next block');
      } finally {
        outsiderProvider.destroy();
      }
      while (!(userGot() && outsiderPast())) {
        assert.ok(Date.now() < deadline, 'notifications did not arrive within 20 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(outsider.notifications.filter((n) => n.subscription === outsiderSub), []);
    } finally {
      user.ws.terminate();
      outsider.ws.terminate();
    }
  });
});

describe('privacy: execution as the session account', () => {
  privacyTest('eth_call and eth_estimateGas run with from = the session account; another from is refused', async () => {
    const s = await scene();
    const user = rpcAs(roles.user);
    const call = { to: s.counter, data: counterInterface.encodeFunctionData('increment') };
    assert.equal(BigInt(await user.call('eth_call', { ...call, from: account(roles.user).address }, 'latest')) > 0n, true);
    assert.ok(BigInt(await user.call('eth_estimateGas', { ...call, from: account(roles.user).address })) > 21000n);
    for (const method of ['eth_call', 'eth_estimateGas']) {
      const params = method === 'eth_call' ? [{ ...call, from: account(roles.outsider).address }, 'latest'] : [{ ...call, from: account(roles.outsider).address }];
      const { error } = await user.attempt(method, ...params);
      assert.ok(error, `${method} with another account's from was answered`);
    }
  });

  privacyTest("eth_sendRawTransaction signed by another admitted account is refused and never lands", async () => {
    const other = account(roles.outsider);
    const rpc = rpcAs(roles.user);
    const nonce = Number(await rpcAs(roles.outsider).call('eth_getTransactionCount', other.address, 'latest'));
    const raw = await signTransfer(other.privateKey, nonce, rpc);
    const { error } = await rpc.attempt('eth_sendRawTransaction', raw);
    assert.ok(error, 'a transaction signed by another account was accepted');
    assert.ok(error.rpcMessage.length > 0);
    assert.equal(await rpcAs(AUDITOR).call('eth_getTransactionByHash', Transaction.from(raw).hash), null);
  });

  privacyTest('a transaction from a non-admitted signer is refused by the pool with a clear error', async () => {
    const stranger = Wallet.createRandom();
    const rpc = rpcAs(roles.user);
    const raw = await signTransfer(stranger.privateKey, 0, rpc);
    const { error } = await rpc.attempt('eth_sendRawTransaction', raw);
    assert.ok(error, 'a non-admitted signer was accepted');
    assert.match(error.rpcMessage, /admit|not allowed|not permitted|refused|unauthori[sz]ed|sender|signer/i);
  });
});

describe('privacy: authentication', () => {
  privacyTest('without a token: HTTP 401 for authenticated methods, answers for the public ones', async () => {
    for (const method of ['eth_blockNumber', 'eth_getBalance', 'eth_sendRawTransaction', 'eth_getLogs']) {
      const { status } = await answer(undefined, method, method === 'eth_getBalance' ? [account(1).address, 'latest'] : []);
      assert.equal(status, 401, method);
    }
    const { status } = await rawCall(info.rpcUrl, 'eth_blockNumber', [], { token: 'nectar_not-a-token' });
    assert.equal(status, 401, 'an unknown token');
    for (const method of ['eth_chainId', 'web3_clientVersion', 'net_version']) {
      const r = await answer(undefined, method, []);
      assert.equal(r.status, 200, method);
      assert.ok(r.body.result !== undefined, method);
    }
    assert.equal(Number((await answer(undefined, 'eth_chainId', [])).body.result), info.chainId);
  });

  privacyTest('without a token the WebSocket upgrade is refused', async () => {
    const status = await new Promise((resolve) => {
      const ws = new WebSocket(info.wsUrl, { handshakeTimeout: 10_000 });
      ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode); ws.terminate(); });
      ws.on('open', () => { resolve('open'); ws.terminate(); });
      ws.on('error', () => resolve('error'));
    });
    assert.equal(status, 401);
  });

  privacyTest('Sign-In with Ethereum: a signed nonce gives a working token; a replay and a wrong signer are refused', async () => {
    const user = new Wallet(account(roles.user).privateKey);
    const message = async () => siweMessage(user.address, await loginNonce());
    const first = await message();
    const login = await answer(undefined, 'nectar_login', [first, await user.signMessage(first)]);
    assert.equal(login.status, 200);
    const grant = login.body.result;
    assert.ok(grant?.token, JSON.stringify(login.body));
    assert.equal(getAddress(grant.account), user.address);
    const balance = await new Rpc(info.rpcUrl, grant.token).call('eth_getBalance', user.address, 'latest');
    assert.ok(BigInt(balance) > 0n);

    const replay = await answer(undefined, 'nectar_login', [first, await user.signMessage(first)]);
    assert.ok(replay.body.error, 'a used nonce signed in again');

    const second = await message();
    const wrong = await answer(undefined, 'nectar_login', [second, await Wallet.createRandom().signMessage(second)]);
    assert.ok(wrong.body.error, 'a message signed by another key signed in');

    const stranger = Wallet.createRandom();
    const third = siweMessage(stranger.address, await loginNonce());
    const refused = await answer(undefined, 'nectar_login', [third, await stranger.signMessage(third)]);
    assert.ok(refused.body.error, 'a non-admitted account signed in');
  });
});

async function loginNonce() {
  const { body } = await answer(undefined, 'nectar_getLoginNonce', []);
  const nonce = typeof body.result === 'string' ? body.result : body.result?.nonce;
  assert.ok(nonce, `nectar_getLoginNonce answered ${JSON.stringify(body)}`);
  return nonce;
}

/** An EIP-4361 message for this devnet: its authority as the domain, its URL as the URI. */
function siweMessage(address, nonce) {
  const url = new URL(info.rpcUrl);
  return [
    `${url.host} wants you to sign in with your Ethereum account:`,
    getAddress(address),
    '',
    'Sign in to the Nectar devnet.',
    '',
    `URI: ${url.origin}`,
    'Version: 1',
    `Chain ID: ${info.chainId}`,
    `Nonce: ${nonce}`,
    `Issued At: ${new Date().toISOString()}`,
  ].join('\n');
}

async function signTransfer(privateKey, nonce, rpc) {
  const gasPrice = BigInt(await rpc.call('eth_gasPrice'));
  return new Wallet(privateKey).signTransaction({
    type: 2, chainId: info.chainId, nonce, to: account(roles.recipient).address, value: 1n,
    gasLimit: 21000n, maxFeePerGas: gasPrice * 2n, maxPriorityFeePerGas: 1n,
  });
}
