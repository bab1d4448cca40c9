// A loopback proxy that adds `Authorization: Bearer <token>` to every request it forwards. forge script
// (1.7.1) builds some of its providers without the configured headers (neither --rpc-headers, ETH_RPC_HEADERS
// nor eth_rpc_headers reaches them), so a forge user points forge at this proxy instead of the node.
import http from 'node:http';

/** @returns {Promise<{ url: string, close: () => Promise<void> }>} */
export async function startHeaderProxy(targetUrl, token) {
  const target = new URL(targetUrl);
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, host: target.host, authorization: `Bearer ${token}` };
    const forward = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', (e) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(e.message);
    });
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
