// A minimal JSON-RPC client over fetch, for the assertions that need exact answers (status codes, error
// objects, nulls) rather than a library's interpretation of them. Every request has a bound.
export class RpcError extends Error {
  constructor(method, error) {
    super(`${method}: ${error.message} (code ${error.code})`);
    this.code = error.code;
    this.data = error.data;
    this.rpcMessage = error.message;
  }
}

let nextId = 1;

/** POSTs one JSON-RPC request; returns the HTTP status and the parsed body (or the text if not JSON). */
export async function rawCall(url, method, params = [], { token, timeoutMs = 30_000 } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/** A client bound to one URL and one bearer token (or none). */
export class Rpc {
  constructor(url, token) {
    this.url = url;
    this.token = token;
  }

  /** Calls a method; returns `result`, throws RpcError for a JSON-RPC error and Error for a non-200 answer. */
  async call(method, ...params) {
    const { status, body } = await rawCall(this.url, method, params, { token: this.token });
    if (status !== 200) throw new Error(`${method}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    if (body.error) throw new RpcError(method, body.error);
    return body.result;
  }

  /** Calls a method and returns `{ result }` or `{ error }`, never throwing for a JSON-RPC error. */
  async attempt(method, ...params) {
    try {
      return { result: await this.call(method, ...params) };
    } catch (error) {
      if (error instanceof RpcError) return { error };
      throw error;
    }
  }
}

/** Polls `probe` until it returns something other than undefined/null/false, or fails after `timeoutMs`. */
export async function pollUntil(probe, { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined && last !== null && last !== false) return last;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Waits for a transaction's receipt through the given client. */
export function waitForReceipt(rpc, hash, timeoutMs = 30_000) {
  return pollUntil(() => rpc.call('eth_getTransactionReceipt', hash), { timeoutMs, what: `receipt of ${hash}` });
}
