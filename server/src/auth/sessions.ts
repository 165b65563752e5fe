/**
 * Signing in and out: login (and the first-login binding of a branch's local data to its server
 * org), token refresh with rotation, logout, and turning an access token into a Principal.
 */
import type { Kysely } from 'kysely';
import { ulid } from 'ulid';
import { ACCESS_TOKEN_SECONDS, REFRESH_TOKEN_SECONDS, type LoginBody, type LoginResponse, type RefreshBody } from '../../../shared/sync/protocol';
import { recordAudit } from '../audit';
import type { Database } from '../db/schema';
import { serverNow } from '../db/server-time';
import { badRequest, HttpError, unauthenticated } from '../errors';
import { normalizeUsername } from '../orgs/admin';
import { bindDataOrg } from '../orgs/data-org';
import { verifyNothing, verifyPassword } from './passwords';
import { accountOf, type Principal } from './principal';
import { newRefreshToken, readRefreshToken, sameHash, signAccessToken, verifyAccessToken } from './tokens';

export interface AuthContext {
  db: Kysely<Database>;
  secret: Uint8Array;
  /** ms since epoch; tests move it. */
  clock: () => number;
}

const badCredentials = () => new HttpError(401, 'bad-credentials', '用户名或密码不正确。');
const deviceRevoked = () => new HttpError(401, 'device-revoked', '这台电脑已退出登录，请重新登录。');
const accountDisabled = () => new HttpError(403, 'account-disabled', '此账号已停用，请联系上级党委。');

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw badRequest(`请求格式不正确：${field} 需要 1 到 ${max} 个字符。`);
  return value;
}

/** The login body, checked; 400 with the failing field otherwise. */
export function parseLoginBody(body: unknown): LoginBody {
  if (typeof body !== 'object' || body === null) throw badRequest('请求格式不正确：需要用户名、密码和设备名称。');
  const input = body as Record<string, unknown>;
  const login: LoginBody = {
    username: text(input.username, 'username', 64),
    password: text(input.password, 'password', 200),
    deviceName: text(input.deviceName, 'deviceName', 100).trim(),
  };
  if (input.localOrgId !== undefined && input.localOrgId !== null) login.localOrgId = text(input.localOrgId, 'localOrgId', 26);
  return login;
}

/**
 * The password is checked before any transaction (argon2 waits for a slot, see passwords.ts), the
 * transaction only writes, and the token is signed after commit: jose signs in libuv's thread pool,
 * where it may wait behind argon2, and must not hold the database meanwhile.
 */
export async function login(ctx: AuthContext, body: LoginBody, ip: string): Promise<LoginResponse> {
  const username = normalizeUsername(body.username);
  const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const valid = user ? await verifyPassword(user.password_hash, body.password) : await verifyNothing(body.password);
  if (!user || !valid) {
    await recordAudit(ctx.db, [{ action: 'login.failed', userId: user?.id ?? null, detail: { username, ip } }]);
    throw badCredentials();
  }
  if (user.disabled) throw accountDisabled();

  const session = await ctx.db.transaction().execute(async (trx) => {
    // Locked: two first logins at once must not bind the branch to two different data ids.
    const org = await trx.selectFrom('orgs').selectAll().where('id', '=', user.org_id).forUpdate().executeTakeFirstOrThrow();
    const dataOrgId =
      org.kind === 'branch'
        ? await bindDataOrg(trx, org, {
            dataOrgId: body.localOrgId,
            otherData: (o) =>
              `这台电脑上的支部数据与服务器上的支部「${o.name}」不是同一个：服务器上的「${o.name}」已与另一份支部数据绑定。请确认登录的账号是否正确；如确需更换，请联系上级党委管理员。`,
            heldBy: (holder, o) => `这台电脑上的支部数据已绑定到服务器上的「${holder}」，不能再用「${o.name}」的账号同步。请确认登录的账号是否正确。`,
            audit: { action: 'login.bind-org', userId: user.id, detail: { fromDevice: body.localOrgId !== undefined } },
          })
        : null;
    const deviceId = ulid();
    const refresh = newRefreshToken(deviceId);
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        user_id: user.id,
        org_id: org.id,
        name: body.deviceName,
        refresh_hash: refresh.hash,
        refresh_expires_at: refreshExpiry(ctx),
        last_seen_at: serverNow,
      })
      .execute();
    await recordAudit(trx, [{ action: 'login', userId: user.id, deviceId, orgId: org.id, detail: { deviceName: body.deviceName, ip } }]);
    const account = accountOf({ userId: user.id, username: user.username, displayName: user.display_name, role: user.role, orgId: org.id, orgName: org.name, dataOrgId });
    return { deviceId, orgId: org.id, refreshToken: refresh.token, account };
  });
  const claims = { user: user.id, device: session.deviceId, org: session.orgId, role: user.role };
  return { ...(await accessToken(ctx, claims)), refreshToken: session.refreshToken, account: session.account };
}

/** Parses the refresh body; 400 otherwise. */
export function parseRefreshBody(body: unknown): RefreshBody {
  const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).refreshToken : undefined;
  return { refreshToken: text(token, 'refreshToken', 200) };
}

/**
 * A new token pair for a valid refresh token; the old one stops working. A refresh token used a
 * second time means someone holds a copy: the device is signed out (revoked) for good.
 */
export async function refresh(ctx: AuthContext, body: RefreshBody): Promise<LoginResponse> {
  const presented = readRefreshToken(body.refreshToken);
  if (!presented) throw unauthenticated('登录凭据无效，请重新登录。');
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const device = await trx.selectFrom('devices').selectAll().where('id', '=', presented.deviceId).forUpdate().executeTakeFirst();
    if (!device) throw unauthenticated('登录凭据无效，请重新登录。');
    if (device.revoked) throw deviceRevoked();
    if (!sameHash(device.refresh_hash, presented.hash)) {
      await trx.updateTable('devices').set({ revoked: true }).where('id', '=', device.id).execute();
      await recordAudit(trx, [{ action: 'token.reuse', userId: device.user_id, deviceId: device.id, orgId: device.org_id }]);
      return 'reused' as const;
    }
    if (device.refresh_expires_at.getTime() <= ctx.clock()) throw new HttpError(401, 'token-expired', '登录已过期，请重新登录。');
    const principal = await principalOf(trx, device.id);
    if (!principal) throw deviceRevoked();
    if (principal.disabled) throw accountDisabled();
    const next = newRefreshToken(device.id);
    await trx.updateTable('devices').set({ refresh_hash: next.hash, refresh_expires_at: refreshExpiry(ctx), last_seen_at: serverNow }).where('id', '=', device.id).execute();
    await recordAudit(trx, [{ action: 'token.refresh', userId: device.user_id, deviceId: device.id, orgId: device.org_id }]);
    return { principal, refreshToken: next.token };
  });
  // Thrown after the transaction committed, so the revocation stays.
  if (outcome === 'reused') throw new HttpError(401, 'device-revoked', '这个登录凭据已经用过，可能被他人复制。为安全起见，这台电脑已退出登录，请重新登录。');
  // Signed after commit, as at login.
  const { principal } = outcome;
  return {
    ...(await accessToken(ctx, { user: principal.userId, device: principal.deviceId, org: principal.orgId, role: principal.role })),
    refreshToken: outcome.refreshToken,
    account: accountOf(principal),
  };
}

export async function logout(ctx: AuthContext, principal: Principal): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('devices').set({ revoked: true }).where('id', '=', principal.deviceId).execute();
    await recordAudit(trx, [{ action: 'logout', userId: principal.userId, deviceId: principal.deviceId, orgId: principal.orgId }]);
  });
}

/** The caller of a request, from its access token; 401 when the token or its device is no longer good. */
export async function authenticate(ctx: AuthContext, token: string): Promise<Principal> {
  const claims = await verifyAccessToken(ctx.secret, token, Math.floor(ctx.clock() / 1000));
  const principal = await principalOf(ctx.db, claims.device);
  if (!principal || principal.userId !== claims.user) throw deviceRevoked();
  if (principal.disabled) throw accountDisabled();
  // The token carries the org and role it was issued for; if an admin moved the account, sign in again.
  if (principal.orgId !== claims.org || principal.role !== claims.role) throw unauthenticated('账号信息已变更，请重新登录。');
  const { disabled: _disabled, ...rest } = principal;
  return { ...rest, expiresAt: claims.exp * 1000 };
}

/** Who uses a device that is not revoked, with their org, read fresh. */
async function principalOf(db: Kysely<Database>, deviceId: string): Promise<(Omit<Principal, 'expiresAt'> & { disabled: boolean }) | undefined> {
  const row = await db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['d.id as deviceId', 'u.id as userId', 'u.username', 'u.display_name', 'u.role', 'u.disabled', 'o.id as orgId', 'o.name as orgName', 'o.data_org_id'])
    .where('d.id', '=', deviceId)
    .where('d.revoked', '=', false)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.display_name,
    deviceId: row.deviceId,
    role: row.role,
    orgId: row.orgId,
    orgName: row.orgName,
    dataOrgId: row.data_org_id,
    disabled: row.disabled,
  };
}

async function accessToken(ctx: AuthContext, claims: Parameters<typeof signAccessToken>[1]): Promise<{ accessToken: string; expiresIn: number }> {
  return { accessToken: await signAccessToken(ctx.secret, claims, Math.floor(ctx.clock() / 1000)), expiresIn: ACCESS_TOKEN_SECONDS };
}

function refreshExpiry(ctx: AuthContext): Date {
  return new Date(ctx.clock() + REFRESH_TOKEN_SECONDS * 1000);
}
