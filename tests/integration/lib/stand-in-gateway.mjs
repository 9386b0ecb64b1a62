#!/usr/bin/env node
// A stand-in for the llamagate binary, used only by fake-ollama.test.mjs to test the harness itself
// (startGateway/runGateway) without the C++ build. It mimics the gateway's process contract: JSON log lines on
// stdout, a "listening" line with the port, exit 0 on SIGTERM, exit 2 on an invalid setting.
import http from 'node:http';

const argv = process.argv.slice(2);
const log = (o) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', ...o }) + '\n');

if (argv.includes('--help')) {
  process.stdout.write('usage: stand-in-gateway [--headless] [--port N]\n');
  process.exit(0);
}
if (process.env.PORT && !/^\d+$/.test(process.env.PORT)) {
  process.stderr.write(`invalid value for PORT: '${process.env.PORT}' (accepted: 0-65535)\n`);
  process.exit(2);
}
if (argv.includes('--exit-early')) {
  log({ msg: 'giving up' });
  process.exit(3);
}
const i = argv.indexOf('--port');
const port = i >= 0 ? Number(argv[i + 1]) : Number(process.env.PORT ?? 8080);
log({ msg: 'starting' });
process.stdout.write('this line is not JSON\n');
if (argv.includes('--never-listen')) {
  setInterval(() => {}, 1000);
} else {
  const server = http.createServer((req, res) => {
    log({ msg: 'request', method: req.method, path: req.url });
    res.end('LlamaGate is running');
  });
  server.listen(port, '127.0.0.1', () => {
    log({ msg: 'listening', port: server.address().port, argv, cwd: process.cwd(), env: process.env });
  });
  process.on('SIGTERM', () => {
    log({ msg: 'stopping' });
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
