/** Sync by file for a committee (server/src/sync/file-sync.ts): codes, imports of branch files, replies. */
import type { FastifyInstance } from 'fastify';
import { envelopeOf, MAX_SYNC_FILE_BYTES, SyncFileError } from '../../../shared/sync/file-format';
import { API_PATHS, type FileCodeResponse, type FileImportResponse, type FileReplyResponse } from '../../../shared/sync/protocol';
import { badRequest } from '../errors';
import { importBranchFile, issueFileCode, replyForBranch } from '../sync/file-sync';
import { principalOf, requireAccount, type RouteContext } from './context';
import { publish } from './sync';

export function fileSyncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const preHandler = requireAccount(ctx);

  app.post(API_PATHS.fileSyncCode, { preHandler }, async (request): Promise<FileCodeResponse> => {
    const body = request.body as { orgId?: unknown } | null;
    if (typeof body?.orgId !== 'string') throw badRequest('请求缺少 orgId（要生成离线同步码的支部）。');
    const { code, org } = await issueFileCode(ctx.db, principalOf(request), body.orgId);
    return { orgId: org.id, orgName: org.name, code };
  });

  app.post(API_PATHS.fileSyncImport, { preHandler, bodyLimit: MAX_SYNC_FILE_BYTES }, async (request): Promise<FileImportResponse> => {
    const principal = principalOf(request);
    let envelope;
    try {
      envelope = envelopeOf(request.body);
    } catch (error) {
      if (error instanceof SyncFileError) throw badRequest(error.message);
      throw error;
    }
    const { changes, ...result } = await importBranchFile(ctx.db, principal, envelope);
    await publish(ctx, changes);
    return result;
  });

  app.get<{ Params: { orgId: string } }>('/api/file-sync/reply/:orgId', { preHandler }, async (request): Promise<FileReplyResponse> =>
    replyForBranch(ctx.db, principalOf(request), request.params.orgId),
  );
}
