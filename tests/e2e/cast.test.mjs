// cast (Foundry 1.7.1) against the devnet: sends of both fee kinds, a contract creation from solc output,
// call, estimate, logs, receipt and `cast run`, every request carrying a bearer token.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { id } from 'ethers';
import { artifact } from './lib/artifacts.mjs';
import { useDevnet } from './lib/devnet.mjs';
import { run, runOk } from './lib/exec.mjs';
import { startHeaderProxy } from './lib/header-proxy.mjs';
import { tools } from './lib/paths.mjs';
import { SUITE_ACCOUNTS, TRACE_READER } from './lib/roles.mjs';
import { privacyTest } from './lib/target.mjs';

const devnet = await useDevnet();
const { info } = devnet;
const me = info.accounts[SUITE_ACCOUNTS.cast.user];
const outsider = info.accounts[SUITE_ACCOUNTS.cast.outsider];
const traceReader = info.accounts[TRACE_READER];
const counter = artifact('Counter');

function authArgs(token) {
  return ['--rpc-url', info.rpcUrl, '--rpc-headers', `Authorization: Bearer ${token}`];
}

/** The options go right after the subcommand: `send --create CODE` ends send's own options. */
function withOptions([subcommand, ...rest], options) {
  return [subcommand, ...options, ...rest];
}

/** Runs cast with the given account's token; throws with cast's output when it fails. */
async function cast(args, token = me.token) {
  const { stdout } = await runOk(tools.cast, withOptions(args, authArgs(token)), { timeoutMs: 60_000 });
  return stdout.trim();
}

async function castJson(args, token) {
  return JSON.parse(await cast(withOptions(args, ['--json']), token));
}

describe('cast', () => {
  let counterAddress;
  let incrementTx;

  before(async () => {
    const receipt = await castJson(['send', '--private-key', me.privateKey, '--create', counter.bytecode]);
    assert.equal(receipt.status, '0x1');
    counterAddress = receipt.contractAddress;
  });

  test('send --create deploys the solc-compiled Counter with exactly its runtime code', async () => {
    assert.match(counterAddress, /^0x[0-9a-fA-F]{40}$/);
    const code = await cast(['code', counterAddress]);
    assert.equal(code.toLowerCase(), counter.deployedBytecode.toLowerCase());
  });

  test('send (EIP-1559) transfers value and its receipt is type 2', async () => {
    const recipient = info.accounts[SUITE_ACCOUNTS.privacy.recipient].address;
    const receipt = await castJson(['send', '--private-key', me.privateKey, recipient, '--value', '12345']);
    assert.equal(receipt.status, '0x1');
    assert.equal(receipt.type, '0x2');
    assert.equal(receipt.from.toLowerCase(), me.address.toLowerCase());
    assert.equal(receipt.to.toLowerCase(), recipient.toLowerCase());
    assert.equal(BigInt(receipt.gasUsed), 21000n);
  });

  test('send --legacy produces a type 0 transaction', async () => {
    const receipt = await castJson(['send', '--legacy', '--private-key', me.privateKey, counterAddress, 'add(uint256)', '5']);
    assert.equal(receipt.status, '0x1');
    assert.equal(receipt.type, '0x0');
    const tx = await castJson(['tx', receipt.transactionHash]);
    assert.equal(BigInt(tx.type ?? '0x0'), 0n);
    assert.ok(BigInt(tx.gasPrice) > 0n);
  });

  test('call reads state written by a send, and estimate prices a state change', async () => {
    const before = BigInt(await cast(['call', counterAddress, 'count()(uint256)']));
    const estimate = BigInt(await cast(['estimate', counterAddress, 'increment()', '--from', me.address]));
    assert.ok(estimate > 21000n && estimate < 100000n, `estimate ${estimate}`);
    const receipt = await castJson(['send', '--private-key', me.privateKey, counterAddress, 'increment()']);
    assert.equal(receipt.status, '0x1');
    assert.ok(BigInt(receipt.gasUsed) <= estimate, `gasUsed ${BigInt(receipt.gasUsed)} > estimate ${estimate}`);
    incrementTx = receipt.transactionHash;
    const after = BigInt(await cast(['call', counterAddress, 'count()(uint256)']));
    assert.equal(after, before + 1n);
  });

  test('call of a reverting function reports the custom error', async () => {
    const result = await run(tools.cast, withOptions(['call', counterAddress, 'subtract(uint256)', '1000000', '--from', me.address], authArgs(me.token)));
    assert.notEqual(result.code, 0);
    // Error code 3 with the revert data: Underflow(count, 1000000), selector 0xc076384b.
    assert.match(result.stderr, /error code 3/);
    assert.match(result.stderr, /0xc076384b[0-9a-f]{64}0{59}f4240"/i);
  });

  test('receipt and logs return the Incremented event of our transaction', async () => {
    assert.ok(incrementTx, 'depends on the increment sent above');
    const receipt = await castJson(['receipt', incrementTx]);
    assert.equal(receipt.status, '0x1');
    assert.equal(receipt.logs.length, 1);
    const log = receipt.logs[0];
    assert.equal(log.address.toLowerCase(), counterAddress.toLowerCase());
    assert.equal(log.topics[0], id('Incremented(address,uint256,uint256)'));
    assert.equal(BigInt(log.topics[1]), BigInt(me.address));

    const logs = await castJson([
      'logs', '--from-block', receipt.blockNumber, '--to-block', receipt.blockNumber,
      '--address', counterAddress, 'Incremented(address indexed,uint256,uint256)',
    ]);
    assert.equal(logs.length, 1);
    assert.equal(logs[0].transactionHash, incrementTx);
    assert.deepEqual(logs[0].topics, log.topics);
  });

  test('ETH_RPC_HEADERS carries the token as well as --rpc-headers', async () => {
    const { stdout } = await runOk(tools.cast, ['nonce', me.address, '--rpc-url', info.rpcUrl], {
      env: { ETH_RPC_HEADERS: `Authorization: Bearer ${me.token}` },
    });
    assert.ok(Number(stdout.trim()) >= 1, `nonce ${stdout.trim()}`);
  });

  // cast run replays the transaction in a forked EVM whose provider (Foundry 1.7.1) is built without the
  // --rpc-headers/ETH_RPC_HEADERS headers, so it goes through a loopback proxy that adds the token.
  test('run without a header proxy is refused at the door: the fork backend drops --rpc-headers', async () => {
    assert.ok(incrementTx, 'depends on the increment sent above');
    const result = await run(tools.cast, withOptions(['run', incrementTx], authArgs(traceReader.token)), { timeoutMs: 60_000 });
    assert.notEqual(result.code, 0, 'cast run now sends the headers itself: the header proxy is no longer needed');
    assert.match(result.stderr, /401/);
  });

  async function castRunThroughProxy(token) {
    const proxy = await startHeaderProxy(info.rpcUrl, token);
    try {
      return await run(tools.cast, ['run', incrementTx, '--rpc-url', proxy.url], { timeoutMs: 60_000 });
    } finally {
      await proxy.close();
    }
  }

  test(`run replays a transaction with a trace, with the trace reader's token (account ${TRACE_READER})`, async () => {
    assert.ok(incrementTx, 'depends on the increment sent above');
    const result = await castRunThroughProxy(traceReader.token);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Incremented/);
    assert.match(result.stdout, new RegExp(counterAddress.slice(2, 10), 'i'));
  });

  privacyTest("run with an outsider's token cannot replay another account's transaction", async () => {
    assert.ok(incrementTx, 'depends on the increment sent above');
    const result = await castRunThroughProxy(outsider.token);
    assert.notEqual(result.code, 0, `cast run succeeded for an outsider:\n${result.stdout}`);
    assert.doesNotMatch(result.stdout, /Incremented/);
  });

  privacyTest('without a token, cast gets HTTP 401 for an authenticated method', async () => {
    const result = await run(tools.cast, ['nonce', me.address, '--rpc-url', info.rpcUrl]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /401/);
  });
});
