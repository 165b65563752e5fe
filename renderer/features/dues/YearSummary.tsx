/** 年度汇总: the year's dues by member and month, printed (党费收缴明细表) and exported to Excel from one table. */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { FormBlock } from '@shared/forms/document';
import { duesYearSummary } from '@shared/forms/dues';
import { duesYearTable } from '@shared/rules/dues';
import { todayInChina } from '../../db/writes';
import { platform } from '../../platform';
import type { DuesTabProps } from './DuesPage';
import { useDuesBetween } from './hooks';

export function YearSummary({ branch, members, ledgerStart, onPreview }: DuesTabProps) {
  const { message } = App.useApp();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const rows = useDuesBetween(branch.id, `${year}-01`, `${year}-12`);
  const form = useMemo(() => duesYearSummary(duesYearTable(members, rows.value ?? [], year), branch.name, year), [members, rows.value, year, branch.name]);
  // The screen, the paper and the Excel file show the same table.
  const table = form.blocks.find((b) => b.kind === 'table') as Extract<FormBlock, { kind: 'table' }>;
  const years = Array.from({ length: thisYear - Number(ledgerStart.slice(0, 4)) + 1 }, (_, i) => thisYear - i);

  const exportExcel = async () => {
    try {
      const { tableWorkbook } = await import('../../files/excel');
      const data = await tableWorkbook(form.title, form.subtitle ?? '', table.headers, table.rows);
      const result = await platform().saveFile({ suggestedName: `${branch.name}${year}年党费收缴明细.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], data });
      if (result.saved) message.success(`已保存：${result.path}`);
    } catch (error) {
      message.error(`导出失败：${(error as Error).message}`);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select aria-label="年度" style={{ width: '8em' }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        <Button icon={<PrinterOutlined />} onClick={() => onPreview({ form, fileName: `${year}年党费收缴明细表` })}>
          打印年度汇总
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
          导出Excel
        </Button>
      </Space>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={table.rows}
        columns={table.headers.map((h, i) => ({ title: h, key: h, render: (_: unknown, row: string[]) => row[i], align: i >= 2 ? ('right' as const) : undefined }))}
      />
    </Space>
  );
}
