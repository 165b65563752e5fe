/**
 * The committee's central sync server. This first version only answers its health check so
 * deployments can be wired up; replication, accounts and committee review come with the sync issue.
 *   PORT (default 8787)
 */
import { createServer } from 'node:http';
import { handleRequest } from './app';

const port = Number(process.env.PORT ?? 8787);
const server = createServer((req, res) => {
  const reply = handleRequest(req.method ?? 'GET', req.url ?? '/');
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(reply.body));
});
server.listen(port, () => console.log(JSON.stringify({ level: 'info', msg: 'server listening', port })));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
