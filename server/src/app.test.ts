import { describe, expect, it } from 'vitest';
import { handleRequest } from './app';

describe('handleRequest', () => {
  it('answers the health check', () => {
    expect(handleRequest('GET', '/api/health?probe=1')).toEqual({ status: 200, body: { status: 'ok', version: '0.1.0' } });
  });
  it('answers an unknown route with 404 and a message in Chinese', () => {
    expect(handleRequest('POST', '/api/health')).toMatchObject({ status: 404, body: { message: '没有这个接口：POST /api/health' } });
  });
});
