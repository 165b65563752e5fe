/**
 * 议程和发言: each agenda item with what every speaker said (about one candidate when several are
 * discussed) and what was decided.
 */
import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { STATUS_LABELS } from '@shared/forms/labels';
import type { MeetingDoc, PersonDoc } from '@shared/model';

type Item = MeetingDoc['agenda'][number];
type Speech = NonNullable<Item['speeches']>[number];

export function AgendaEditor({
  agenda,
  speakers,
  candidates,
  readOnly,
  onChange,
}: {
  agenda: Item[];
  speakers: readonly string[];
  candidates: readonly PersonDoc[];
  readOnly: boolean;
  onChange: (agenda: Item[]) => void;
}) {
  const setItem = (index: number, item: Item) => onChange(agenda.map((a, i) => (i === index ? item : a)));
  const setSpeech = (index: number, s: number, speech: Speech) => setItem(index, { ...agenda[index]!, speeches: (agenda[index]!.speeches ?? []).map((x, j) => (j === s ? speech : x)) });
  const nameOf = (id: string | undefined) => candidates.find((c) => c.id === id)?.name;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {agenda.map((item, index) => (
        <Card
          key={index}
          size="small"
          data-testid={`agenda-${index}`}
          title={
            <Input
              aria-label={`第${index + 1}项议程`}
              addonBefore={`议程${index + 1}`}
              value={item.title}
              disabled={readOnly}
              maxLength={200}
              onChange={(e) => setItem(index, { ...item, title: e.target.value })}
            />
          }
          extra={
            !readOnly && (
              <Button type="link" danger onClick={() => onChange(agenda.filter((_, i) => i !== index))}>
                删除此项
              </Button>
            )
          }
        >
          {(item.speeches ?? []).map((speech, s) => (
            <div key={s} style={{ marginBottom: 8 }} data-testid={`speech-${index}-${s}`}>
              <Space wrap>
                <Select
                  aria-label="发言人"
                  showSearch
                  disabled={readOnly}
                  style={{ width: '9em' }}
                  placeholder="发言人"
                  value={speech.speakerName || undefined}
                  options={speakers.map((n) => ({ value: n, label: n }))}
                  onChange={(v: string) => setSpeech(index, s, { ...speech, speakerName: v })}
                />
                {candidates.length > 0 && (
                  <Select
                    aria-label="关于"
                    allowClear
                    disabled={readOnly}
                    style={{ width: '11em' }}
                    placeholder="关于哪位同志（可不选）"
                    value={speech.aboutPersonId}
                    options={candidates.map((c) => ({ value: c.id, label: `关于${c.name}（${STATUS_LABELS[c.status]}）` }))}
                    onChange={(v?: string) => {
                      const next: Speech = { speakerName: speech.speakerName, text: speech.text };
                      if (speech.speakerId) next.speakerId = speech.speakerId;
                      if (v) next.aboutPersonId = v;
                      setSpeech(index, s, next);
                    }}
                  />
                )}
                {!readOnly && (
                  <Button type="link" danger onClick={() => setItem(index, { ...item, speeches: (item.speeches ?? []).filter((_, j) => j !== s) })}>
                    删除发言
                  </Button>
                )}
              </Space>
              <Input.TextArea
                aria-label={`${speech.speakerName || '发言人'}${speech.aboutPersonId ? `关于${nameOf(speech.aboutPersonId) ?? ''}` : ''}的发言`}
                disabled={readOnly}
                autoSize={{ minRows: 2, maxRows: 8 }}
                maxLength={20000}
                placeholder="发言内容"
                value={speech.text}
                onChange={(e) => setSpeech(index, s, { ...speech, text: e.target.value })}
                style={{ marginTop: 4 }}
              />
            </div>
          ))}
          {!readOnly && (
            <Button onClick={() => setItem(index, { ...item, speeches: [...(item.speeches ?? []), { speakerName: '', text: '' }] })} style={{ marginBottom: 8 }}>
              添加发言
            </Button>
          )}
          <Typography.Text strong style={{ display: 'block' }}>
            决定
          </Typography.Text>
          <Input.TextArea
            aria-label={`第${index + 1}项议程的决定`}
            disabled={readOnly}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={20000}
            placeholder="这项议程作出的决定（没有可不填）"
            value={item.decision ?? ''}
            onChange={(e) => {
              const next: Item = { ...item, decision: e.target.value };
              if (!e.target.value) delete next.decision;
              setItem(index, next);
            }}
          />
        </Card>
      ))}
      {!readOnly && <Button onClick={() => onChange([...agenda, { title: '', speeches: [] }])}>添加议程</Button>}
    </Space>
  );
}
