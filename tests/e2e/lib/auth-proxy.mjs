// An authenticating front for anvil, so that the stand-in devnet behaves like Nectar at the door: every
// request needs `Authorization: Bearer <token>` of a known account (HTTP 401 otherwise), except the public
// methods. It does no privacy filtering; its purpose is to prove that each client really sends the header on
// every HTTP request and on the WebSocket upgrade.
import http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

/** Methods Nectar answers without a session. */
export const PUBLIC_METHODS = new Set([
  'eth_chainId',
  'web3_clientVersion',
  'net_version',
  'nectar_getLoginNonce',
  'nectar_login',
]);

const MAX_BODY = 8 * 1024 * 1024;

function bearer(header) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : undefined;
}

function methodsOf(body) {
  try {
    const parsed = JSON.parse(body);
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    return calls.map((c) => (c && typeof c.method === 'string' ? c.method : undefined));
  } catch {
    return [undefined];
  }
}

/**
 * Starts the proxy on 127.0.0.1 with an ephemeral port.
 * @param {{ upstreamHttp: string, upstreamWs: string, tokens: Set<string>, onRequest?: (entry) => void, port?: number }} options
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function startAuthProxy({ upstreamHttp, upstreamWs, tokens, onRequest, port = 0 }) {
  const upstream = new URL(upstreamHttp);
  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const token = bearer(req.headers.authorization);
      const methods = methodsOf(body.toString('utf8'));
      const authorized = token !== undefined && tokens.has(token);
      onRequest?.({ transport: 'http', methods, authorized, hasToken: token !== undefined });
      if (!authorized && !methods.every((m) => m !== undefined && PUBLIC_METHODS.has(m))) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32001, message: 'Unauthorized' } }));
        return;
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: upstream.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'application/json' });
          up.pipe(res);
        },
      );
      forward.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(e.message));
      });
      forward.end(body);
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const token = bearer(req.headers.authorization);
    const authorized = token !== undefined && tokens.has(token);
    onRequest?.({ transport: 'ws-upgrade', methods: [], authorized, hasToken: token !== undefined });
    if (!authorized) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (client) => {
      const up = new WebSocket(upstreamWs);
      const pending = [];
      up.on('open', () => {
        for (const m of pending) up.send(m);
        pending.length = 0;
      });
      client.on('message', (data, isBinary) => {
        const text = isBinary ? data : data.toString('utf8');
        if (up.readyState === WebSocket.OPEN) up.send(text);
        else pending.push(text);
      });
      up.on('message', (data, isBinary) => client.send(isBinary ? data : data.toString('utf8')));
      const closeBoth = () => {
        if (client.readyState === WebSocket.OPEN) client.close();
        if (up.readyState === WebSocket.OPEN || up.readyState === WebSocket.CONNECTING) up.terminate();
      };
      client.on('close', closeBoth);
      up.on('close', closeBoth);
      up.on('error', closeBoth);
      client.on('error', closeBoth);
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
