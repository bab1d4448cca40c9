// The transaction sequence the differential harness replays, signed once with fixed keys, nonces, gas limits
// and fees, so both nodes receive byte-identical transactions.
import { AbiCoder, Interface, Wallet, getCreate2Address, getCreateAddress, keccak256, zeroPadValue } from 'ethers';
import { artifact } from '../lib/artifacts.mjs';

/** The CREATE2 deployer that anvil and Nectar both predeploy (deployed on mainnet with a pre-EIP-155 tx). */
export const CREATE2_DEPLOYER = '0x4e59b44847b379578588920ca78fbf26c0b4956c';

const GWEI = 10n ** 9n;
const FEES = { maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 2n * GWEI };

/**
 * @param {{ chainId: number, keys: string[] }} options keys[0..3]: three senders and a 7702 authority
 * @returns {Promise<{ steps: { name: string, sender: number, raw: string, hash: string }[], addresses: object,
 *   calls: object[] }>}
 */
export async function buildPlan({ chainId, keys }) {
  const [a, b, c, authority] = keys.map((k) => new Wallet(k));
  const counter = artifact('Counter');
  const erc20 = artifact('Erc20');
  const counterI = new Interface(counter.abi);
  const erc20I = new Interface(erc20.abi);
  const nonces = new Map();
  const steps = [];
  const chain = BigInt(chainId);

  async function add(name, wallet, tx) {
    const nonce = nonces.get(wallet.address) ?? 0;
    nonces.set(wallet.address, nonce + 1);
    const full = { chainId: chain, nonce, type: 2, ...FEES, ...tx };
    if (full.type === 0 || full.type === 1) {
      delete full.maxFeePerGas;
      delete full.maxPriorityFeePerGas;
      full.gasPrice = 50n * GWEI;
    }
    const raw = await wallet.signTransaction(full);
    steps.push({ name, sender: keys.indexOf(wallet.privateKey), raw, hash: keccak256(raw) });
    return nonce;
  }

  const counterAddress = getCreateAddress({ from: a.address, nonce: 0 });
  const tokenAddress = getCreateAddress({ from: a.address, nonce: 1 });
  const fresh = '0x00000000000000000000000000000000000d1ff0';
  const salt = zeroPadValue('0x4e6563746172', 32);
  const create2Address = getCreate2Address(CREATE2_DEPLOYER, salt, keccak256(counter.bytecode));
  const constructorArgs = AbiCoder.defaultAbiCoder().encode(['string', 'string', 'uint256'], ['Diff', 'DIF', 10n ** 24n]);

  await add('deploy Counter (type 2)', a, { to: null, data: counter.bytecode, gasLimit: 400_000n });
  await add('deploy Erc20 (type 2)', a, { to: null, data: erc20.bytecode + constructorArgs.slice(2), gasLimit: 1_200_000n });
  await add('ERC-20 transfer to an existing account', a, { to: tokenAddress, data: erc20I.encodeFunctionData('transfer', [b.address, 1000n]), gasLimit: 100_000n });
  await add('Counter.increment (log)', b, { to: counterAddress, data: counterI.encodeFunctionData('increment'), gasLimit: 100_000n });
  await add('Counter.add(5) (legacy, type 0)', b, { type: 0, to: counterAddress, data: counterI.encodeFunctionData('add', [5n]), gasLimit: 100_000n });
  await add('Counter.subtract(1000) reverts with Underflow', c, { to: counterAddress, data: counterI.encodeFunctionData('subtract', [1000n]), gasLimit: 100_000n });
  await add('ERC-20 transfer to a fresh account', a, { to: tokenAddress, data: erc20I.encodeFunctionData('transfer', [fresh, 7n]), gasLimit: 100_000n });
  await add('Counter.set(77) with an access list (type 1)', c, {
    type: 1, to: counterAddress, data: counterI.encodeFunctionData('set', [77n]), gasLimit: 100_000n,
    accessList: [{ address: counterAddress, storageKeys: [zeroPadValue('0x00', 32)] }],
  });
  await add('CREATE2 of Counter through the deployer', c, { to: CREATE2_DEPLOYER, data: salt + counter.bytecode.slice(2), gasLimit: 400_000n });
  await add('value transfer', b, { to: c.address, value: 123_456_789n, gasLimit: 21_000n });
  // EIP-7702: the authority delegates its account to the Counter code; a sends the type 4 transaction and
  // calls increment() on the authority's address in the same transaction.
  const authorization = await authority.authorize({ address: counterAddress, nonce: 0, chainId: chain });
  await add('EIP-7702 delegation and a call through it (type 4)', a, {
    type: 4, to: authority.address, data: counterI.encodeFunctionData('increment'), gasLimit: 200_000n,
    authorizationList: [authorization],
  });
  await add('call into the delegated account (type 2)', b, { to: authority.address, data: counterI.encodeFunctionData('add', [3n]), gasLimit: 100_000n });

  return {
    steps,
    addresses: {
      accounts: [a.address, b.address, c.address, authority.address],
      counter: counterAddress, token: tokenAddress, fresh, create2: create2Address, create2Deployer: CREATE2_DEPLOYER,
    },
    // Read-only calls compared after the replay, including a reverting one (error code 3 and its data).
    calls: [
      { name: 'Counter.count', from: c.address, to: counterAddress, data: counterI.encodeFunctionData('count') },
      { name: 'Counter.subtract reverting', from: c.address, to: counterAddress, data: counterI.encodeFunctionData('subtract', [10_000n]) },
      { name: 'Erc20.balanceOf(fresh)', from: c.address, to: tokenAddress, data: erc20I.encodeFunctionData('balanceOf', [fresh]) },
      { name: 'delegated count', from: c.address, to: authority.address, data: counterI.encodeFunctionData('count') },
    ],
  };
}
