/** Routes of the central server, as a pure function of method and path (no listening here). */
export interface Reply {
  status: number;
  body: unknown;
}

export const SERVER_VERSION = '0.1.0';

export function handleRequest(method: string, url: string): Reply {
  const path = url.split('?')[0];
  if (method === 'GET' && path === '/api/health') return { status: 200, body: { status: 'ok', version: SERVER_VERSION } };
  return { status: 404, body: { error: 'not-found', message: `没有这个接口：${method} ${path}` } };
}
