import { Alert, App, Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, PrinterOutlined, UploadOutlined, UndoOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CATEGORY_LABELS, STATUS_LABELS } from '@shared/forms/labels';
import { PERSON_CATEGORIES, PARTY_STATUSES, type OrgDoc, type PersonDoc } from '@shared/model';
import { compareRoster, selectRoster } from '@shared/rules/roster-filter';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { platform } from '../../platform';
import { useRosterPeople, useTableHeight } from './hooks';
import { useUiStore } from '../../app/ui-store';
import { ImportDialog } from './ImportDialog';
import { PersonDrawer } from './PersonDrawer';
import { PersonForm } from './PersonForm';
import { RosterTable } from './RosterTable';
import { RosterPrint } from '../../print/RosterPrint';
import { printDocument } from '../../print/print-job';
import { useRosterUi } from './store';
import { AGE_BANDS, ROSTER } from './strings';
import { lastImport, undoImport } from './writes';

export function RosterList({ branch }: { branch: OrgDoc }) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const ui = useRosterUi();
  const largeType = useUiStore((s) => s.largeType);
  const people = useRosterPeople(branch.id);
  const today = todayInChina();
  const query = ui.query;
  const [importing, setImporting] = useState(false);
  const [undoable, setUndoable] = useState<{ batch: string; count: number } | null>(null);
  const tableHeight = useTableHeight(largeType ? 470 : 390);

  const all = people.value;
  useEffect(() => {
    if (all) void lastImport(db, branch.id).then(setUndoable);
  }, [db, branch.id, all]);

  const groupName = useMemo(() => {
    const names = new Map(branch.groups.map((g) => [g.id, g.name]));
    return (id: string) => names.get(id) ?? '';
  }, [branch.groups]);
  const ageBand = AGE_BANDS.find((b) => b.key === ui.ageBand) ?? null;
  // Sorted once per change of the roster; each keystroke only filters, which keeps the order.
  const sorted = useMemo(() => (all ? [...all].sort(compareRoster) : null), [all]);
  // Typing on narrows the last result: a longer query never finds someone its beginning did not.
  const last = useRef<{ source: typeof sorted; filters: string; query: string; rows: PersonDoc[] } | null>(null);
  const rows = useMemo(() => {
    if (!sorted) return [];
    const start = performance.now();
    const filters = JSON.stringify([ui.category, ui.status, ui.groupId, ageBand?.key, ui.showArchived, today]);
    const previous = last.current;
    const narrowing = previous && previous.source === sorted && previous.filters === filters && previous.query !== '' && query.startsWith(previous.query);
    const selected = selectRoster(narrowing ? previous.rows : sorted, { query, category: ui.category, status: ui.status, groupId: ui.groupId, age: ageBand, showArchived: ui.showArchived }, today);
    last.current = { source: sorted, filters, query, rows: selected };
    // Read by `npm run bench`; cleared past 200 entries so a long session does not pile them up.
    performance.measure('bd:roster-filter', { start, end: performance.now() });
    if (performance.getEntriesByName('bd:roster-filter').length > 200) performance.clearMeasures('bd:roster-filter');
    return selected;
  }, [sorted, query, ui.category, ui.status, ui.groupId, ageBand, ui.showArchived, today]);
  const onRollCount = useMemo(() => (all ? all.filter((p) => p.onRoll).length : 0), [all]);

  const save = async (name: string, make: () => Promise<Uint8Array<ArrayBuffer>>) => {
    try {
      const data = await make();
      const result = await platform().saveFile({ suggestedName: name, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], data });
      if (result.saved) message.success(`已保存：${result.path}`);
    } catch (error) {
      message.error(`保存失败：${(error as Error).message}`);
    }
  };


  // Only the search box, the count and the table change on a keystroke: the other controls are
  // kept as they are, so typing over 10,000 people stays within a frame.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const { edit, setFilter } = ui;
  const actions = useMemo(
    () => (
      <>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => edit('new')}>
          {ROSTER.add}
        </Button>
        <Button icon={<UploadOutlined />} disabled={!all} onClick={() => setImporting(true)}>
          {ROSTER.import}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void save(`${branch.name}党员花名册${today}.xlsx`, async () => (await import('../../files/excel')).rosterWorkbook(branch.name, rowsRef.current, groupName, today))}>
          {ROSTER.export}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => void save('党员名册导入模板.xlsx', async () => (await import('../../files/excel')).rosterTemplate(branch.groups.map((g) => g.name)))}>
          {ROSTER.template}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          onClick={() =>
            void printDocument(<RosterPrint branchName={branch.name} people={rowsRef.current.filter((p) => p.onRoll)} groupName={groupName} today={today} />, {
              suggestedName: `${branch.name}党员花名册.pdf`,
              landscape: true,
            }).catch((error: Error) => message.error(error.message))
          }
        >
          {ROSTER.print}
        </Button>
        {undoable && (
          <Button
            icon={<UndoOutlined />}
            danger
            onClick={() =>
              modal.confirm({
                title: '撤销上次导入？',
                content: `将删除上次从Excel导入的 ${undoable.count} 人（包括导入后对他们的修改），其他人员不受影响。`,
                okText: '撤销导入',
                cancelText: '取消',
                onOk: async () => {
                  const removed = await undoImport(db, branch.id, undoable.batch);
                  message.success(`已撤销导入，删除 ${removed} 人`);
                },
              })
            }
          >
            {ROSTER.undoImport(undoable.count)}
          </Button>
        )}
      </>
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- export and print read the rows shown at the moment of the click
    [all, undoable, branch, groupName, today, edit],
  );
  const filters = useMemo(
    () => (
      <>
        <Select allowClear placeholder={ROSTER.filters.status} style={{ width: '9em' }} value={ui.status} onChange={(v) => setFilter('status', v ?? null)} options={PARTY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} aria-label={ROSTER.filters.status} />
        <Select allowClear placeholder={ROSTER.filters.category} style={{ width: '8.5em' }} value={ui.category} onChange={(v) => setFilter('category', v ?? null)} options={PERSON_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} aria-label={ROSTER.filters.category} />
        <Select allowClear placeholder={ROSTER.filters.group} style={{ width: '12em' }} value={ui.groupId} onChange={(v) => setFilter('groupId', v ?? null)} options={branch.groups.map((g) => ({ value: g.id, label: g.name }))} aria-label={ROSTER.filters.group} />
        <Select allowClear placeholder={ROSTER.filters.age} style={{ width: '9em' }} value={ui.ageBand} onChange={(v) => setFilter('ageBand', v ?? null)} options={AGE_BANDS.map((b) => ({ value: b.key, label: b.label }))} aria-label={ROSTER.filters.age} />
        <Checkbox checked={ui.showArchived} onChange={(e) => setFilter('showArchived', e.target.checked)}>
          {ROSTER.showArchived}
        </Checkbox>
      </>
    ),
    [ui.status, ui.category, ui.groupId, ui.ageBand, ui.showArchived, branch.groups, setFilter],
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search allowClear style={{ width: '24em' }} placeholder={ROSTER.searchPlaceholder} value={ui.query} onChange={(e) => ui.setFilter('query', e.target.value)} aria-label="查找人员" />
        {actions}
      </Space>
      <Space wrap>
        {filters}
        <Typography.Text type="secondary" data-testid="roster-count">
          {all ? ROSTER.count(rows.length, ui.showArchived ? all.length : onRollCount) : '正在读取……'}
        </Typography.Text>
      </Space>
      {people.error && <Alert type="error" showIcon message="读取名册时出错，名单可能不完整" description={`请关闭软件后重新打开；如仍不行，请联系技术支持。（${people.error.message}）`} />}
      <RosterTable rows={rows} today={today} groupName={groupName} height={tableHeight} empty={all && all.length === 0 ? ROSTER.empty : people.loading ? '正在读取……' : ROSTER.noMatch} onOpen={ui.open} />
      {ui.openPersonId && <PersonDrawer branch={branch} personId={ui.openPersonId} />}
      {ui.editing && <PersonForm branch={branch} />}
      {importing && all && <ImportDialog branch={branch} people={all} onClose={() => setImporting(false)} />}
    </Space>
  );
}
