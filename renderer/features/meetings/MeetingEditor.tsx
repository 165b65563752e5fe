/**
 * One meeting's minutes, in three plain steps: 会前准备 (time, place, host, agenda; sign-in sheet and
 * ballots to print), 会中记录 (attendance, speeches, votes) and 会后整理 (what is missing, 定稿, print).
 * Every change of a draft is saved by itself a moment after typing stops. A final record is locked:
 * corrections are added as dated amendments below it.
 */
import { chinaToday } from '@shared/dates';
import { App, Alert, Button, Card, Col, Descriptions, Form, Input, List, Result, Row, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { map } from 'rxjs';
import type { FormDocument } from '@shared/forms/document';
import { electionBallotPapers, electionReport } from '@shared/forms/elections';
import { meetingNotice } from '@shared/forms/meeting-notice';
import { minutesForm, signInSheet, voteBallotPapers, voteResolution } from '@shared/forms/minutes';
import type { MeetingDoc, OrgDoc } from '@shared/model';
import { ELECTION_OFFICE_LABELS } from '@shared/rules/elections';
import { MEETING_KIND_LABELS, meetingGaps } from '@shared/rules/meetings';
import { readDate } from '@shared/rules/person';
import { useDb, useObservable } from '../../db/context';
import { todayInChina } from '../../db/writes';
import { FormPreview } from '../../print/FormPreview';
import { useRosterPeople } from '../roster/hooks';
import { ServerMark } from '../sync/ServerMark';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceGrid } from './AttendanceGrid';
import { electionInput, ElectionsEditor } from './ElectionsEditor';
import { VotesEditor } from './VotesEditor';
import { addAmendment, deleteDraft, finalizeMeeting, saveDraft, type MeetingContent } from './writes';

type Stage = 'before' | 'during' | 'after';
const SAVE_DELAY_MS = 600;

function contentOf(meeting: MeetingDoc): MeetingContent {
  const { id: _id, orgId: _org, createdAt: _c, updatedAt: _u, updatedBy: _b, status: _s, finalizedAt: _f, contentHash: _h, amendments: _a, ...content } = meeting;
  return content;
}

/** The draft as edited on screen, saved a moment after each change; the stored record when final. */
function useAutosavedMeeting(id: string) {
  const db = useDb();
  const stored = useObservable(() => db.meetings.findOne(id).$.pipe(map((d) => (d ? (d.toMutableJSON(false) as MeetingDoc) : null))), [db, id]);
  const [draft, setDraft] = useState<MeetingDoc | null>(null);
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saved' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<MeetingDoc | null>(null);
  // Edits made on screen, and how many of them are stored: a stored record read back while newer
  // edits wait must never replace them.
  const edits = useRef(0);
  const savedEdits = useRef(0);

  useEffect(() => {
    // The first read, and changes made elsewhere while nothing typed here waits to be saved.
    if (stored.value && (!latest.current || edits.current === savedEdits.current)) {
      setDraft(stored.value);
      latest.current = stored.value;
    }
  }, [stored.value]);

  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = latest.current;
    const at = edits.current;
    if (!current || current.status === 'final' || at === savedEdits.current) return;
    try {
      await saveDraft(db, current.id, contentOf(current));
      savedEdits.current = Math.max(savedEdits.current, at);
      if (edits.current === at) setSaving('saved');
      setError(null);
    } catch (e) {
      setSaving('error');
      setError((e as Error).message);
    }
  };
  const change = (next: MeetingDoc) => {
    latest.current = next;
    edits.current += 1;
    setDraft(next);
    setSaving('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };
  // Leaving the screen saves what is waiting.
  useEffect(() => () => void flush(), []); // eslint-disable-line react-hooks/exhaustive-deps -- on unmount only
  return { loading: stored.loading, missing: !stored.loading && !stored.value, draft, change, flush, saving, error };
}

export function MeetingEditor({ branch }: { branch: OrgDoc }) {
  const { id = '' } = useParams();
  const db = useDb();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const people = useRosterPeople(branch.id);
  const { loading, missing, draft, change, flush, saving, error } = useAutosavedMeeting(id);
  const [stage, setStage] = useState<Stage>('before');
  const [preview, setPreview] = useState<{ form: FormDocument | FormDocument[]; fileName: string } | null>(null);

  const byId = useMemo(() => new Map((people.value ?? []).map((p) => [p.id, p])), [people.value]);
  const fullMemberIds = useMemo(() => (people.value ?? []).filter((p) => p.onRoll && p.status === 'full').map((p) => p.id), [people.value]);
  const candidates = useMemo(() => (people.value ?? []).filter((p) => p.onRoll && (p.status === 'candidate' || p.status === 'probationary')), [people.value]);
  const names = useMemo(() => Object.fromEntries((people.value ?? []).map((p) => [p.id, p.name])), [people.value]);

  if (loading || people.loading) return <Spin />;
  if (missing || !draft) return <Result status="404" title="找不到这份会议记录" extra={<Button onClick={() => navigate('/meetings')}>回到会议记录</Button>} />;

  const final = draft.status === 'final';
  const gaps = meetingGaps(draft, { names, fullMemberIds });
  const speakers = draft.attendance.map((a) => byId.get(a.personId)?.name).filter((n): n is string => Boolean(n));
  const ctx = { branchName: branch.name, people: byId, fullMembersOnRoll: fullMemberIds.length };
  const title = `${MEETING_KIND_LABELS[draft.kind]}记录`;
  const set = (patch: Partial<MeetingDoc>) => change({ ...draft, ...patch });
  const text = (key: 'place' | 'topic' | 'hostName' | 'recorderName' | 'startTime' | 'endTime') => ({
    value: draft[key] ?? '',
    disabled: final,
    onChange: (e: { target: { value: string } }) => {
      const next = { ...draft };
      if (e.target.value) next[key] = e.target.value;
      else delete next[key];
      change(next);
    },
  });

  const finalize = () =>
    modal.confirm({
      title: '定稿后不能再修改',
      content: '定稿后这份记录就锁定了，以后发现错误只能添加更正说明。确定内容都已核对无误吗？',
      okText: '定稿',
      cancelText: '再看看',
      onOk: async () => {
        try {
          await flush();
          await finalizeMeeting(db, draft.id);
          message.success('已定稿');
        } catch (e) {
          message.error(`定稿失败：${(e as Error).message}`);
        }
      },
    });

  return (
    <Card
      title={
        <Space>
          <span>{title}</span>
          <Typography.Text type="secondary">{draft.date}</Typography.Text>
          {final ? <Tag color="success">已定稿</Tag> : <Tag color="processing">草稿</Tag>}
          {final && <ServerMark collection="meetings" id={draft.id} updatedAt={draft.updatedAt} />}
        </Space>
      }
      extra={
        <Space>
          {!final && (
            <Typography.Text type={saving === 'error' ? 'danger' : 'secondary'} data-testid="save-state">
              {saving === 'pending' ? '正在保存…' : saving === 'error' ? `保存失败：${error}` : '已自动保存'}
            </Typography.Text>
          )}
          <Button onClick={() => void flush().then(() => navigate('/meetings'))}>返回列表</Button>
        </Space>
      }
    >
      {final && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`这份记录已于 ${draft.finalizedAt ? chinaToday(new Date(draft.finalizedAt)) : ''} 定稿，内容已锁定（校验码 ${draft.contentHash?.slice(0, 12) ?? ''}）。发现错误请在“会后整理”中添加更正说明。`}
        />
      )}
      <Segmented<Stage>
        block
        size="large"
        style={{ marginBottom: 16 }}
        value={stage}
        onChange={(s) => (void flush(), setStage(s))}
        options={[
          { value: 'before', label: '第一步：会前准备' },
          { value: 'during', label: '第二步：会中记录' },
          { value: 'after', label: `第三步：会后整理${!final && gaps.length ? `（缺${gaps.length}项）` : ''}` },
        ]}
      />

      {stage === 'before' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Form layout="vertical" name="meeting-basics" component="div">
            <Row gutter={16}>
              <Col xs={24} md={6}>
                <Form.Item label="会议日期">
                  <Input
                    aria-label="会议日期"
                    disabled={final}
                    defaultValue={draft.date}
                    onBlur={(e) => {
                      const date = readDate(e.target.value);
                      if (date) set({ date });
                      else message.error('日期格式不对，例如 2026-11-23');
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label="开始时间">
                  <Input aria-label="开始时间" placeholder="09:00" maxLength={5} {...text('startTime')} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label="结束时间">
                  <Input aria-label="结束时间" placeholder="11:00" maxLength={5} {...text('endTime')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item label="地点">
                  <Input aria-label="地点" maxLength={200} {...text('place')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label="会议主题（可不填）">
                  <Input aria-label="会议主题" maxLength={200} {...text('topic')} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label="主持人">
                  <Select aria-label="主持人" showSearch disabled={final} value={draft.hostName} options={speakers.map((n) => ({ value: n, label: n }))} onChange={(hostName: string) => set({ hostName })} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label="记录人">
                  <Select aria-label="记录人" showSearch disabled={final} value={draft.recorderName} options={speakers.map((n) => ({ value: n, label: n }))} onChange={(recorderName: string) => set({ recorderName })} />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Typography.Title level={5}>议程</Typography.Title>
          <Space direction="vertical" style={{ width: '100%' }}>
            {draft.agenda.map((item, index) => (
              <Input
                key={index}
                aria-label={`议程${index + 1}题目`}
                addonBefore={`议程${index + 1}`}
                disabled={final}
                value={item.title}
                maxLength={200}
                onChange={(e) => set({ agenda: draft.agenda.map((a, i) => (i === index ? { ...a, title: e.target.value } : a)) })}
              />
            ))}
            {!final && <Button onClick={() => set({ agenda: [...draft.agenda, { title: '', speeches: [] }] })}>添加议程</Button>}
          </Space>
          <Space wrap style={{ marginTop: 8 }}>
            <Button
              onClick={() =>
                setPreview({
                  form: meetingNotice(draft, { branchName: branch.name, attendees: draft.kind === 'committee' ? '各位支部委员' : draft.kind === 'group' ? '本小组全体党员' : '全体党员', today: todayInChina() }),
                  fileName: `会议通知-${draft.date}`,
                })
              }
            >
              打印会议通知
            </Button>
            <Button onClick={() => setPreview({ form: signInSheet(draft, ctx), fileName: `签到表-${draft.date}` })}>打印签到表</Button>
            {(draft.elections ?? []).map((election, index) => (
              <Button
                key={`e${index}`}
                onClick={() =>
                  setPreview({
                    form: electionBallotPapers(
                      { branchName: branch.name, office: election.office, seats: election.seats, candidates: election.candidates.filter((c) => !c.writeIn && c.name).map((c) => c.name) },
                      Math.max(election.electorsPresent || election.electorsExpected, 1),
                      // Two short ballots share a sheet; a long list of candidates takes one each.
                      election.candidates.length + election.seats <= 9 ? 2 : 1,
                    ),
                    fileName: `选票-${ELECTION_OFFICE_LABELS[election.office]}-${draft.date}`,
                  })
                }
              >
                打印选票：{ELECTION_OFFICE_LABELS[election.office]}
              </Button>
            ))}
            {draft.kind === 'assembly' && (
              <Button onClick={() => setPreview({ form: voteBallotPapers(draft.votes[0]?.subject ?? '', Math.max(draft.attendance.filter((a) => a.state === 'present' && fullMemberIds.includes(a.personId)).length, 1), 4), fileName: `表决票-${draft.date}` })}>打印表决票</Button>
            )}
            {!final && (
              <Button
                danger
                onClick={() =>
                  modal.confirm({
                    title: '删除这份草稿？',
                    okText: '删除',
                    cancelText: '不删',
                    onOk: () => deleteDraft(db, draft.id).then(() => navigate('/meetings')),
                  })
                }
              >
                删除草稿
              </Button>
            )}
          </Space>
        </Space>
      )}

      {stage === 'during' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <AttendanceGrid rows={draft.attendance} people={byId} readOnly={final} onChange={(attendance) => set({ attendance })} />
          <Typography.Title level={5}>发言和决定</Typography.Title>
          <AgendaEditor agenda={draft.agenda} speakers={speakers} candidates={candidates} readOnly={final} onChange={(agenda) => set({ agenda })} />
          {(draft.kind === 'assembly' || draft.kind === 'committee' || (draft.elections?.length ?? 0) > 0) && (
            <>
              <Typography.Title level={5}>换届选举</Typography.Title>
              <ElectionsEditor
                elections={draft.elections ?? []}
                electors={fullMemberIds.length}
                names={(people.value ?? []).filter((p) => p.onRoll && p.status === 'full').map((p) => p.name)}
                readOnly={final}
                onChange={(elections) => set({ elections })}
              />
            </>
          )}
          {(draft.kind === 'assembly' || draft.votes.length > 0) && (
            <>
              <Typography.Title level={5}>表决</Typography.Title>
              <VotesEditor meeting={draft} candidates={candidates} fullMemberIds={fullMemberIds} readOnly={final} onChange={(votes) => set({ votes })} />
            </>
          )}
        </Space>
      )}

      {stage === 'after' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {!final &&
            (gaps.length ? (
              <Alert
                type="warning"
                showIcon
                data-testid="meeting-gaps"
                message={`这份记录还缺 ${gaps.length} 项，补齐后才能定稿`}
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {gaps.map((g, i) => (
                      <li key={i}>{g.message}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert type="success" showIcon message="记录已完整，可以定稿" />
            ))}
          <Space wrap>
            {!final && (
              <Button type="primary" disabled={gaps.length > 0} onClick={finalize}>
                定稿
              </Button>
            )}
            <Button onClick={() => setPreview({ form: minutesForm(draft, ctx), fileName: `${title}-${draft.date}` })}>打印会议记录</Button>
            {draft.votes.map((vote, index) => (
              <Button key={index} onClick={() => setPreview({ form: voteResolution(draft, index, ctx), fileName: `决议-${vote.subject || index + 1}-${draft.date}` })}>
                打印决议：{vote.subject || `表决${index + 1}`}
              </Button>
            ))}
            {(draft.elections ?? []).map((election, index) => (
              <Button
                key={`e${index}`}
                onClick={() => setPreview({ form: electionReport({ branch, meetingDate: draft.date, election: electionInput(election) }), fileName: `选举结果报告-${ELECTION_OFFICE_LABELS[election.office]}-${draft.date}` })}
              >
                打印选举结果报告：{ELECTION_OFFICE_LABELS[election.office]}
              </Button>
            ))}
          </Space>
          {final && <Amendments meeting={draft} />}
        </Space>
      )}
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
    </Card>
  );
}

function Amendments({ meeting }: { meeting: MeetingDoc }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ by?: string; text?: string }>();
  const add = async () => {
    const { by, text } = form.getFieldsValue();
    if (!text?.trim()) return void message.error('请写明更正的内容');
    if (!by?.trim()) return void message.error('请写明更正人');
    try {
      await addAmendment(db, meeting.id, { date: todayInChina(), by: by.trim(), text: text.trim() });
      form.resetFields();
      message.success('已添加更正说明');
    } catch (e) {
      message.error(`添加失败：${(e as Error).message}`);
    }
  };
  return (
    <Card size="small" title="更正说明" data-testid="amendments">
      <List
        dataSource={meeting.amendments ?? []}
        locale={{ emptyText: '没有更正' }}
        renderItem={(a) => (
          <List.Item>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={`${a.date} ${a.by}`}>{a.text}</Descriptions.Item>
            </Descriptions>
          </List.Item>
        )}
      />
      <Form form={form} name="amendment" layout="vertical">
        <Form.Item name="text" label="更正内容（原记录不变，更正附在后面）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="by" label="更正人">
          <Input style={{ width: '10em' }} maxLength={100} />
        </Form.Item>
        <Button onClick={() => void add()}>添加更正说明</Button>
      </Form>
    </Card>
  );
}
