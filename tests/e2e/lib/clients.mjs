// Client objects wired the way a dApp developer wires them against Nectar: the bearer token on every HTTP
// request and on the WebSocket upgrade.
import { FetchRequest, JsonRpcProvider, Network, WebSocketProvider } from 'ethers';
import { WebSocket } from 'ws';

/**
 * ethers 6 over HTTP. `cacheTimeout: -1` turns off ethers' 250 ms cache of identical requests, which against
 * a node that mines at once hands out a stale nonce to the next transaction.
 */
export function ethersHttpProvider(info, token, { pollingInterval = 100 } = {}) {
  const request = new FetchRequest(info.rpcUrl);
  request.setHeader('Authorization', `Bearer ${token}`);
  request.timeout = 30_000;
  return new JsonRpcProvider(request, Network.from(info.chainId), {
    cacheTimeout: -1,
    staticNetwork: true,
    pollingInterval,
  });
}

/** ethers 6 over WebSocket: the `ws` package sends the header on the upgrade request. */
export function ethersWebSocketProvider(info, token) {
  const socket = new WebSocket(info.wsUrl, { headers: { Authorization: `Bearer ${token}` }, handshakeTimeout: 10_000 });
  return new WebSocketProvider(socket, Network.from(info.chainId), { staticNetwork: true });
}

/** Resolves with the promise's value, or rejects after `ms` naming what was awaited. */
export function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Records the answers of the JSON-RPC methods an ethers provider sends (its subscribers call `send`), so a test
 * can wait until eth_newFilter or eth_subscribe has been answered before it makes the event happen.
 * @returns {(method: string, count?: number, ms?: number) => Promise<void>} waits for `count` answers of `method`
 */
export function recordAnswers(provider) {
  const answered = new Map();
  const send = provider.send.bind(provider);
  provider.send = async (method, params) => {
    const result = await send(method, params);
    answered.set(method, (answered.get(method) ?? 0) + 1);
    return result;
  };
  return async (method, count = 1, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while ((answered.get(method) ?? 0) < count) {
      if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${count} ${method} answer(s)`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
}
