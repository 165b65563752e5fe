/**
 * The roster as a light virtual table: only the rows in view are in the page, so a keystroke in the
 * search box over 10,000 people costs a filter and a few dozen rows, not a full table render.
 */
import { Empty, Tag, Typography } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { ageOn } from '@shared/dates';
import { CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '@shared/forms/labels';
import type { PersonDoc } from '@shared/model';
import { useUiStore } from '../../app/ui-store';

interface Column {
  key: string;
  title: string;
  width: string;
  cell: (p: PersonDoc) => ReactNode;
  /** Sorts by this column when its header is clicked. */
  compare?: (a: PersonDoc, b: PersonDoc) => number;
}

type Sort = { key: string; descending: boolean } | null;

export function RosterTable({ rows, today, groupName, height, empty, onOpen }: { rows: readonly PersonDoc[]; today: string; groupName: (id: string) => string; height: number; empty: string; onOpen: (id: string) => void }) {
  const largeType = useUiStore((s) => s.largeType);
  const rowHeight = largeType ? 52 : 44;
  const [sort, setSort] = useState<Sort>(null);
  const columns = useMemo<Column[]>(
    () => [
      { key: 'name', title: '姓名', width: '8em', cell: (p) => (p.onRoll ? p.name : <Typography.Text delete>{p.name}</Typography.Text>), compare: (a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') },
      { key: 'gender', title: '性别', width: '3.5em', cell: (p) => GENDER_LABELS[p.gender] },
      { key: 'age', title: '年龄', width: '4em', cell: (p) => ageOn(p.birthDate, today), compare: (a, b) => b.birthDate.localeCompare(a.birthDate) },
      { key: 'status', title: '党籍状态', width: '7em', cell: (p) => (p.onRoll ? STATUS_LABELS[p.status] : <Tag>已出册</Tag>) },
      { key: 'joinedOn', title: '入党日期', width: '7em', cell: (p) => p.joinedOn ?? '', compare: (a, b) => (a.joinedOn ?? '').localeCompare(b.joinedOn ?? '') },
      { key: 'category', title: '人员类别', width: '6em', cell: (p) => CATEGORY_LABELS[p.category] },
      { key: 'group', title: '党小组', width: '11em', cell: (p) => (p.groupId ? groupName(p.groupId) : '') },
      { key: 'workUnit', title: '工作单位', width: 'minmax(8em, 1fr)', cell: (p) => p.workUnit ?? '' },
    ],
    [today, groupName],
  );
  const shown = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column?.compare) return rows;
    const sorted = [...rows].sort(column.compare);
    return sort.descending ? sorted.reverse() : sorted;
  }, [rows, sort, columns]);

  /** Ascending, then descending, then back to the roster's own order. */
  const toggleSort = (key: string) => setSort((s) => (s?.key !== key ? { key, descending: false } : s.descending ? null : { key, descending: true }));

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8 });
  const template = columns.map((c) => c.width).join(' ');

  return (
    <div className="roster-table" role="table" aria-label="人员名单" aria-rowcount={shown.length + 1}>
      <div className="roster-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={c.compare ? 'sortable' : undefined}
            aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}
            tabIndex={c.compare ? 0 : undefined}
            onClick={c.compare ? () => toggleSort(c.key) : undefined}
            onKeyDown={c.compare ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), toggleSort(c.key)) : undefined}
          >
            {c.title}
            {sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
          </div>
        ))}
      </div>
      <div ref={scroller} className="roster-body" style={{ height }}>
        {shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const person = shown[item.index]!;
              return (
                <div
                  key={person.id}
                  role="row"
                  className="roster-row"
                  tabIndex={0}
                  aria-rowindex={item.index + 2}
                  style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${item.start}px)` }}
                  onClick={() => onOpen(person.id)}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onOpen(person.id))}
                >
                  {columns.map((c) => (
                    <div key={c.key} role="cell">
                      {c.cell(person)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
