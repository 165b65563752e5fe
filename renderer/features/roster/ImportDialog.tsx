/** Importing an existing roster: choose the file, check the column mapping, preview the report, import. */
import { Alert, App, Button, Modal, Result, Select, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { ROSTER_COLUMNS, columnOf, type RosterField } from '@shared/forms/roster';
import type { OrgDoc, PersonDoc } from '@shared/model';
import { findHeaderRow, guessMapping, missingRequired, planImport, type ColumnMapping, type ImportPlan } from '@shared/rules/roster-import';
import { useDb } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { platform } from '../../platform';
import type { SheetText } from '../../files/excel';
import { applyImport } from './writes';
import { autoBackup } from '../../backup/auto';

type Stage = { step: 0 } | { step: 1; fileName: string; sheet: SheetText; header: number } | { step: 2; fileName: string; plan: ImportPlan } | { step: 3; added: number; plan: ImportPlan };

export function ImportDialog({ branch, people, onClose }: { branch: OrgDoc; people: readonly PersonDoc[]; onClose: () => void }) {
  // The caller opens this only once the roster has loaded: duplicates are checked against it.
  const db = useDb();
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ step: 0 });
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [busy, setBusy] = useState(false);

  const chooseFile = async () => {
    setBusy(true);
    try {
      const file = await platform().openFile({ filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      if (!file) return;
      const { readSheet } = await import('../../files/excel');
      const sheet = await readSheet(file.data);
      const header = findHeaderRow(sheet.rows);
      setMapping(guessMapping(sheet.rows[header] ?? []));
      setStage({ step: 1, fileName: file.name, sheet, header });
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const check = () => {
    if (stage.step !== 1) return;
    const plan = planImport(stage.sheet.rows.slice(stage.header + 1), mapping, { today: todayInChina(), groups: branch.groups, existing: people }, stage.header + 2);
    setStage({ step: 2, fileName: stage.fileName, plan });
  };

  const apply = async () => {
    if (stage.step !== 2) return;
    setBusy(true);
    try {
      // A copy of the data as it was, kept with the automatic backups, before the roster changes.
      await autoBackup(db, 'before-import').catch((error: unknown) => console.error('backup before import', error));
      const { added } = await applyImport(db, branch.id, stage.plan);
      setStage({ step: 3, added, plan: stage.plan });
    } catch (error) {
      message.error(`导入没有完成，已撤回本次写入，名册没有改动：${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const missing = stage.step === 1 ? missingRequired(mapping) : [];
  const footer =
    stage.step === 0 ? null : stage.step === 1 ? (
      <Space>
        <Button onClick={() => setStage({ step: 0 })}>上一步</Button>
        <Button type="primary" disabled={missing.length > 0} onClick={check}>
          检查数据
        </Button>
      </Space>
    ) : stage.step === 2 ? (
      <Space>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" loading={busy} disabled={stage.plan.accepted.length === 0} onClick={apply}>
          导入 {stage.plan.accepted.length} 人
        </Button>
      </Space>
    ) : (
      <Button type="primary" onClick={onClose}>
        完成
      </Button>
    );

  return (
    <Modal open width={980} title="从Excel导入名册" onCancel={onClose} footer={footer} maskClosable={false}>
      <Steps size="small" current={stage.step} items={[{ title: '选择文件' }, { title: '对应栏目' }, { title: '检查结果' }, { title: '完成' }]} style={{ marginBottom: 24 }} />
      {stage.step === 0 && (
        <Space direction="vertical">
          <Typography.Paragraph>请选择现有名册的 Excel 文件（.xlsx）。第一行应是栏目名称，例如“姓名、性别、出生日期……”。没有现成文件的，可以先下载导入模板填写。</Typography.Paragraph>
          <Button type="primary" size="large" loading={busy} onClick={chooseFile}>
            选择Excel文件
          </Button>
        </Space>
      )}
      {stage.step === 1 && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>
            文件“{stage.fileName}”第 {stage.header + 1} 行是栏目名称，下面有 {stage.sheet.rows.length - stage.header - 1} 行数据。请核对每一栏对应的内容，不需要的栏目选“不导入”。
          </Typography.Paragraph>
          {missing.length > 0 && <Alert type="warning" showIcon message={`还缺少必填栏目：${missing.map((f) => columnOf(f).label).join('、')}`} />}
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            scroll={{ y: 360 }}
            dataSource={(stage.sheet.rows[stage.header] ?? []).map((header, index) => ({ index, header, sample: stage.sheet.rows[stage.header + 1]?.[index] ?? '' }))}
            columns={[
              { title: '文件中的栏目', dataIndex: 'header', width: 200 },
              { title: '第一行内容', dataIndex: 'sample', width: 220, ellipsis: true },
              {
                title: '对应到',
                key: 'field',
                render: (_, row) => (
                  <Select<RosterField | 'none'>
                    style={{ width: 220 }}
                    aria-label={`“${row.header}”对应到`}
                    value={mapping[row.index] ?? 'none'}
                    onChange={(value) => setMapping((m) => m.map((f, i) => (i === row.index ? (value === 'none' ? null : value) : f === value ? null : f)))}
                    options={[{ value: 'none', label: '不导入' }, ...ROSTER_COLUMNS.map((c) => ({ value: c.field, label: c.label }))]}
                  />
                ),
              },
            ]}
          />
        </Space>
      )}
      {stage.step === 2 && <ImportReport plan={stage.plan} />}
      {stage.step === 3 && (
        <Result
          status="success"
          title={`已导入 ${stage.added} 人`}
          subTitle={`${stage.plan.rejected.length} 行有错误、${stage.plan.duplicates.length} 行重复，未导入。如发现导入有误，可以在名册上方点“撤销上次导入”。`}
        />
      )}
    </Modal>
  );
}

function ImportReport({ plan }: { plan: ImportPlan }) {
  const rows = [
    ...plan.rejected.map((r) => ({ key: `r${r.rowNumber}`, rowNumber: r.rowNumber, name: r.name, kind: '有错误，未导入', detail: r.problems.map((p) => p.message).join('；') })),
    ...plan.duplicates.map((r) => ({ key: `d${r.rowNumber}`, rowNumber: r.rowNumber, name: r.name, kind: '重复，未导入', detail: r.duplicateOf })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-report">
      <Alert
        type={rows.length ? 'warning' : 'success'}
        showIcon
        message={`可以导入 ${plan.accepted.length} 人；有错误 ${plan.rejected.length} 行；重复 ${plan.duplicates.length} 行。`}
        description={rows.length ? '有问题的行不会导入。请在Excel里改正这些行，再单独导入它们；整表重新导入时，已在名册中的人会被识别为重复而跳过。' : undefined}
      />
      {rows.length > 0 && (
        <Table
          size="small"
          pagination={false}
          scroll={{ y: 320 }}
          dataSource={rows}
          columns={[
            { title: '行号', dataIndex: 'rowNumber', width: 70 },
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '结果', dataIndex: 'kind', width: 130 },
            { title: '原因', dataIndex: 'detail' },
          ]}
        />
      )}
    </Space>
  );
}
