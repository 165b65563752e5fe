/**
 * 关怀走访 for retired and homebound members: who needs a visit (not contacted for months, in
 * hospital, a high birthday coming, 光荣在党50年 by next 七一), the records of visits, 送学上门 and
 * talks, each member's 联系人, and the list printed for a volunteer's round.
 */
import { App, Button, Card, Col, Empty, List, Modal, Popconfirm, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import { visitRoundList } from '@shared/forms/care';
import type { FormDocument } from '@shared/forms/document';
import type { CareDoc, OrgDoc, PersonDoc } from '@shared/model';
import { careWhat, highBirthdays, inHospital, lastContacts, notContactedFor, CARE_KIND_LABELS } from '@shared/rules/care';
import { goldenMedalCandidates, qiYiOnOrAfter } from '@shared/rules/statistics';
import { useDb, useObservable } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { useRosterPeople } from '../roster/hooks';
import { DateDialog } from '../../app/DateDialog';
import { CareDialog } from './CareDialog';
import { recordDischarge, removeCare, setContactPerson } from './writes';

function useCare(orgId: string) {
  const db = useDb();
  return useObservable(() => db.care.find({ selector: { orgId }, sort: [{ date: 'desc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON(false) as CareDoc))), [db, orgId]);
}

type Dialog = { record?: CareDoc; initial?: { personId?: string; kind?: CareDoc['kind']; occasion?: string } } | null;

export function CarePage({ branch }: { branch: OrgDoc }) {
  const people = useRosterPeople(branch.id);
  const care = useCare(branch.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [preview, setPreview] = useState<{ form: FormDocument; fileName: string } | null>(null);
  const members = useMemo(
    () => (people.value ?? []).filter((p) => p.onRoll && (p.status === 'full' || p.status === 'probationary')).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [people.value],
  );
  if (people.loading || care.loading) return <Card loading />;
  const records = care.value ?? [];
  const open = (initial?: NonNullable<Dialog>['initial']) => setDialog({ ...(initial ? { initial } : {}) });
  return (
    <Card
      title="关怀走访"
      extra={
        <Button type="primary" onClick={() => open()}>
          登记走访、送学或谈话
        </Button>
      }
    >
      <Tabs
        items={[
          { key: 'who', label: '需要关心的人', children: <WhoNeedsCare branch={branch} members={members} records={records} onRecord={open} onPreview={setPreview} /> },
          { key: 'records', label: `记录（${records.length}条）`, children: <Records members={people.value ?? []} records={records} onEdit={(record) => setDialog({ record })} /> },
          { key: 'contacts', label: '联系人', children: <Contacts members={members} /> },
        ]}
      />
      {dialog && <CareDialog orgId={branch.id} members={members} {...(dialog.record ? { record: dialog.record } : {})} {...(dialog.initial ? { initial: dialog.initial } : {})} onClose={() => setDialog(null)} />}
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
    </Card>
  );
}

function WhoNeedsCare({
  branch,
  members,
  records,
  onRecord,
  onPreview,
}: {
  branch: OrgDoc;
  members: PersonDoc[];
  records: CareDoc[];
  onRecord: (initial: { personId: string; kind?: CareDoc['kind']; occasion?: string }) => void;
  onPreview: (p: { form: FormDocument; fileName: string }) => void;
}) {
  const db = useDb();
  const today = todayInChina();
  const [months, setMonths] = useState(3);
  const [discharge, setDischarge] = useState<{ careId: string; name: string } | null>(null);
  const [round, setRound] = useState<string[] | null>(null);
  const byId = new Map(members.map((p) => [p.id, p]));
  const notContacted = notContactedFor(members, records, today, months);
  const hospital = inHospital(records.filter((r) => byId.has(r.personId)));
  const birthdays = highBirthdays(members, today);
  const medalDay = qiYiOnOrAfter(today);
  const medals = goldenMedalCandidates(members, today).filter((c) => c.medalDay === medalDay);
  const last = lastContacts(records);

  const recordButton = (personId: string, initial: { kind?: CareDoc['kind']; occasion?: string } = {}) => (
    <Button key="record" size="small" onClick={() => onRecord({ personId, ...initial })}>
      记一次
    </Button>
  );
  const printRound = (ids: string[]) => {
    const contactName = (p: PersonDoc) => (p.contactPersonId ? byId.get(p.contactPersonId)?.name : undefined);
    const entries = ids.flatMap((id) => {
      const p = byId.get(id);
      if (!p) return [];
      const contact = contactName(p);
      const lastContact = last.get(id);
      return [{ person: p, ...(contact ? { contactName: contact } : {}), ...(lastContact ? { last: lastContact } : {}) }];
    });
    onPreview({ form: visitRoundList(entries, { branchName: branch.name, date: today }), fileName: `走访名单-${today}` });
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => setRound([...new Set([...hospital.map((h) => h.personId), ...notContacted.map((n) => n.personId)])])}>打印走访名单</Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={`久未联系（${notContacted.length}人）`}
            extra={<Select aria-label="多久没联系" size="small" value={months} onChange={setMonths} options={[3, 6, 12].map((m) => ({ value: m, label: `${m}个月以上` }))} />}
          >
            <List
              size="small"
              data-testid="care-not-contacted"
              locale={{ emptyText: `每个人${months}个月内都联系过` }}
              dataSource={notContacted}
              renderItem={(n) => (
                <List.Item actions={[recordButton(n.personId)]}>
                  {n.name}
                  <Typography.Text type="secondary">{n.last ? `\u3000上次 ${n.last.date} ${n.last.what}` : '\u3000从未登记过联系'}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`正在住院（${hospital.length}人）`}>
            <List
              size="small"
              data-testid="care-hospital"
              locale={{ emptyText: '没有登记在住院的人' }}
              dataSource={hospital}
              renderItem={(h) => (
                <List.Item
                  actions={[
                    recordButton(h.personId, { kind: 'visit', occasion: '生病住院' }),
                    <Button key="out" size="small" onClick={() => setDischarge({ careId: h.careId, name: byId.get(h.personId)?.name ?? '' })}>
                      已出院
                    </Button>,
                  ]}
                >
                  {byId.get(h.personId)?.name}
                  <Typography.Text type="secondary">{`\u3000${h.since}起住院，上次探望 ${h.lastVisitOn}`}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`一年内的高龄生日（${birthdays.length}人）`}>
            <List
              size="small"
              locale={{ emptyText: '一年内没有80、90、100岁生日' }}
              dataSource={birthdays}
              renderItem={(b) => (
                <List.Item actions={[recordButton(b.personId, { kind: 'visit', occasion: '生日/高龄' })]}>
                  {b.name}
                  <Typography.Text type="secondary">{`\u3000${b.date} 满${b.age}岁（还有${b.daysLeft}天）`}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${medalDay.slice(0, 4)}年七一 光荣在党50年（${medals.length}人）`}>
            <List
              size="small"
              locale={{ emptyText: '到下一个七一没有党龄满50年的党员' }}
              dataSource={medals}
              renderItem={(m) => (
                <List.Item>
                  {m.name}
                  <Typography.Text type="secondary">{`\u3000${m.confirmedOn}转正，${m.reachesOn}党龄满50年`}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {discharge && (
        <DateDialog title={`${discharge.name}出院了`} label="出院日期" done="已记下出院日期" onSave={(date) => recordDischarge(db, discharge.careId, date)} onClose={() => setDischarge(null)} />
      )}
      {round && (
        <Modal open width={640} title="打印走访名单" okText="打印预览" cancelText="取消" onCancel={() => setRound(null)} onOk={() => (printRound(round), setRound(null))}>
          <Typography.Paragraph>已选上住院和久未联系的人，可以增减：</Typography.Paragraph>
          <Select
            aria-label="走访名单"
            mode="multiple"
            style={{ width: '100%' }}
            value={round}
            onChange={setRound}
            optionFilterProp="label"
            options={members.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Modal>
      )}
    </Space>
  );
}

function Records({ members, records, onEdit }: { members: PersonDoc[]; records: CareDoc[]; onEdit: (r: CareDoc) => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [kind, setKind] = useState<CareDoc['kind'] | 'all'>('all');
  const names = new Map(members.map((p) => [p.id, p.name]));
  const shown = kind === 'all' ? records : records.filter((r) => r.kind === kind);
  if (records.length === 0) return <Empty description="还没有走访记录。点右上角“登记走访、送学或谈话”。" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        aria-label="类别"
        style={{ width: '10em' }}
        value={kind}
        onChange={setKind}
        options={[{ value: 'all', label: '全部类别' }, ...Object.entries(CARE_KIND_LABELS).map(([value, label]) => ({ value, label }))]}
      />
      <Table
        size="middle"
        rowKey="id"
        dataSource={shown}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '对象', key: 'who', width: 90, render: (_, r) => names.get(r.personId) ?? '（已不在名册）' },
          { title: '类别', key: 'what', width: 170, render: (_, r) => <Tag>{careWhat(r)}</Tag> },
          { title: '走访/谈话人', key: 'visitors', width: 150, render: (_, r) => (r.visitors ?? []).join('、') },
          { title: '内容', key: 'given', render: (_, r) => [r.material, r.given, r.dischargedOn ? `${r.dischargedOn}出院` : '', r.followUp ? `后续：${r.followUp}` : ''].filter(Boolean).join('；') },
          {
            title: '',
            key: 'actions',
            width: 130,
            render: (_, r) => (
              <Space size="small">
                <Button size="small" onClick={() => onEdit(r)}>
                  修改
                </Button>
                <Popconfirm title="删除这条记录？" okText="删除" cancelText="不删" onConfirm={() => removeCare(db, r.id).then(() => message.success('已删除'), (e: Error) => message.error(e.message))}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** 联系人: who keeps in touch with each member (homebound and mobile members first). */
function Contacts({ members }: { members: PersonDoc[] }) {
  const db = useDb();
  const { message } = App.useApp();
  const sorted = [...members].sort((a, b) => Number(!!b.bedridden || !!b.limitedMobility || b.category === 'mobile') - Number(!!a.bedridden || !!a.limitedMobility || a.category === 'mobile'));
  return (
    <Table
      size="middle"
      rowKey="id"
      pagination={false}
      dataSource={sorted}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 110 },
        {
          title: '情况',
          key: 'state',
          width: 160,
          render: (_, p) => (
            <Space size="small">
              {p.bedridden && <Tag color="red">长期卧床</Tag>}
              {p.limitedMobility && <Tag color="orange">行动不便</Tag>}
              {p.category === 'mobile' && <Tag color="blue">流动党员</Tag>}
            </Space>
          ),
        },
        {
          title: '联系人',
          key: 'contact',
          render: (_, p) => (
            <Select
              aria-label={`${p.name}的联系人`}
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '12em' }}
              placeholder="选择联系人"
              value={p.contactPersonId ?? null}
              options={members.filter((m) => m.id !== p.id).map((m) => ({ value: m.id, label: m.name }))}
              onChange={(id: string | undefined) =>
                setContactPerson(db, p, members.find((m) => m.id === id) ?? null).then(
                  () => message.success(`已设置${p.name}的联系人`),
                  (e: Error) => message.error(`保存失败：${e.message}`),
                )
              }
            />
          ),
        },
      ]}
    />
  );
}
