/** 统计报表: the counts a committee asks for, with bars where a person would rather look than read. */
import { App, Button, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { statisticsTables, type StatTable } from '@shared/forms/statistics';
import type { OrgDoc } from '@shared/model';
import { goldenMedalCandidates, newMembersInYear, qiYiOnOrAfter, rosterStatistics } from '@shared/rules/statistics';
import { todayInChina } from '../../db/writes';
import { platform } from '../../platform';
import { printDocument } from '../../print/print-job';
import { StatisticsPrint } from '../../print/StatisticsPrint';
import { useRosterPeople } from '../roster/hooks';

export function ReportsPage({ branch }: { branch: OrgDoc }) {
  const { message } = App.useApp();
  const people = useRosterPeople(branch.id);
  const today = todayInChina();
  const tables = useMemo(() => {
    if (!people.value) return null;
    const year = Number(today.slice(0, 4));
    const nextQiYi = qiYiOnOrAfter(today);
    const medals = goldenMedalCandidates(people.value, today).filter((c) => c.medalDay === nextQiYi);
    return statisticsTables(rosterStatistics(people.value, today), [newMembersInYear(people.value, year), newMembersInYear(people.value, year - 1)], medals, nextQiYi);
  }, [people.value, today]);

  const exportExcel = async () => {
    if (!tables) return;
    try {
      const { statisticsWorkbook } = await import('../../files/excel');
      const result = await platform().saveFile({ suggestedName: `${branch.name}党员统计${today}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], data: await statisticsWorkbook(branch.name, today, tables) });
      if (result.saved) message.success(`已保存：${result.path}`);
    } catch (error) {
      message.error(`导出失败：${(error as Error).message}`);
    }
  };

  if (people.loading) return <Card loading />;
  if (!tables) return <Card><Empty description="读取名册出错" /></Card>;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <Typography.Text>统计日期：{today}（在册党员，不含已出册人员）</Typography.Text>
          <Button icon={<DownloadOutlined />} onClick={exportExcel}>
            导出Excel
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void printDocument(<StatisticsPrint branchName={branch.name} today={today} tables={tables} />, { suggestedName: `${branch.name}党员统计${today}.pdf` })}>
            打印统计表
          </Button>
        </Space>
      </Card>
      <Row gutter={[24, 24]}>
        {tables.map((table) => (
          <Col key={table.title} xs={24} xl={12}>
            <StatCard table={table} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function StatCard({ table }: { table: StatTable }) {
  const max = table.barColumn === undefined ? 0 : Math.max(1, ...table.rows.map((r) => Number(r[table.barColumn!]) || 0));
  return (
    <Card title={table.title} size="small" data-testid="stat-table">
      <Table
        size="small"
        pagination={false}
        rowKey={(row) => String(row[0])}
        dataSource={table.rows}
        columns={table.headers.map((header, i) => ({
          title: header,
          key: String(i),
          render: (_: unknown, row: (string | number)[]) =>
            i === table.barColumn ? (
              <Space>
                <span style={{ display: 'inline-block', width: `${(Number(row[i]) / max) * 140}px`, height: '0.8em', background: '#b5261e', borderRadius: 2 }} aria-hidden />
                {row[i]}
              </Space>
            ) : (
              row[i]
            ),
        }))}
      />
    </Card>
  );
}
