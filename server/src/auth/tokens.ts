/**
 * Access and refresh tokens.
 * Access: a JWT (HS256, 15 minutes) naming the user, device, org and role; checked on every request.
 * Refresh: `<deviceId>.<32 random bytes>`; only the SHA-256 of the random part is stored, so a copy
 * of the database does not let anyone sign in. It is replaced at every use (rotation).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { ACCESS_TOKEN_SECONDS, type AccountRole } from '../../../shared/sync/protocol';
import { HttpError, unauthenticated } from '../errors';

export interface AccessClaims {
  user: string;
  device: string;
  /** The server org id. */
  org: string;
  role: AccountRole;
}

const ISSUER = 'branch-desk';
const ALGORITHM = 'HS256';

export async function signAccessToken(secret: Uint8Array, claims: AccessClaims, nowSeconds: number): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + ACCESS_TOKEN_SECONDS)
    .sign(secret);
}

/** The claims and expiry (seconds) of a valid token; a 401 for anything else (expired, wrong key, `alg: none`, altered). */
export async function verifyAccessToken(secret: Uint8Array, token: string, nowSeconds: number): Promise<AccessClaims & { exp: number }> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, currentDate: new Date(nowSeconds * 1000) }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new HttpError(401, 'token-expired', '登录已过期，请重新登录。');
    throw unauthenticated('登录凭据无效，请重新登录。');
  }
  const { user, device, org, role, exp } = payload;
  if (typeof user !== 'string' || typeof device !== 'string' || typeof org !== 'string' || (role !== 'branch' && role !== 'committee') || typeof exp !== 'number') {
    throw unauthenticated('登录凭据无效，请重新登录。');
  }
  return { user, device, org, role, exp };
}

export interface RefreshToken {
  token: string;
  /** What the devices table keeps. */
  hash: string;
}

export function newRefreshToken(deviceId: string): RefreshToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${deviceId}.${secret}`, hash: hashSecret(secret) };
}

/** The device a refresh token names and the hash of its secret; null when it is not of our form. */
export function readRefreshToken(token: string): { deviceId: string; hash: string } | null {
  const match = /^([0-9A-HJKMNP-TV-Z]{26})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { deviceId: match[1]!, hash: hashSecret(match[2]!) } : null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
