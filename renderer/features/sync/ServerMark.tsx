/**
 * 已送达上级: whether the committee's server has this version of an important record (finalized minutes,
 * a dossier with a request for the committee). Green once confirmed; grey while it waits, when this
 * computer syncs with a server; nothing on a computer that never signed in to one.
 */
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { CollectionName } from '@shared/model';
import { useConfirmedOnServer } from '../../sync/confirmed';
import { useSyncStore } from '../../sync/status';

export const SERVER_MARK = {
  confirmed: '已送达上级',
  waiting: '未送达上级（联网同步后自动送达）',
} as const;

/** As large as the text around it, and a darker green than antd's for elderly eyes (contrast about 6:1). */
const LARGE = { fontSize: 'inherit', lineHeight: 1.6, paddingInline: 8 } as const;

export function ServerMark({ collection, id, updatedAt }: { collection: CollectionName; id: string; updatedAt: string }) {
  const confirmed = useConfirmedOnServer(collection, id, updatedAt);
  const syncing = useSyncStore((s) => s.account !== null);
  if (confirmed)
    return (
      <Tag color="success" icon={<CheckCircleOutlined />} style={{ ...LARGE, color: '#237804' }} data-testid="server-mark" data-state="confirmed">
        {SERVER_MARK.confirmed}
      </Tag>
    );
  if (!syncing) return null;
  return (
    <Tag icon={<ClockCircleOutlined />} style={LARGE} data-testid="server-mark" data-state="waiting">
      {SERVER_MARK.waiting}
    </Tag>
  );
}
