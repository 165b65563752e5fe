/**
 * 打印材料: the forms of the steps this person has reached, filled from the dossier and the roster,
 * each also blank for filling by hand; and the 入党志愿书 draft sheet (the booklet itself never prints).
 */
import { Alert, Button, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { FormDocument } from '@shared/forms/document';
import { formsForDossier, recruitmentForm, stepReached, type FormSource } from '@shared/forms/recruitment';
import { volunteerBookDraft, volunteerBookDraftForm } from '@shared/forms/volunteer-book';
import type { DossierDoc, OrgDoc, PersonDoc } from '@shared/model';
import type { ReturnedRequest } from '@shared/rules/recruitment';
import { FormPreview } from '../../print/FormPreview';

export function FormsPanel({
  branch,
  person,
  dossier,
  returns,
  nextStep,
  today,
}: {
  branch: OrgDoc;
  person: PersonDoc;
  dossier: DossierDoc;
  returns: readonly ReturnedRequest[];
  nextStep: number | undefined;
  today: string;
}) {
  const [preview, setPreview] = useState<{ form: FormDocument; fileName: string } | null>(null);
  const filled: FormSource = { branch, person, dossier, returns, today };
  const blank: FormSource = { branch, today };
  const draft = stepReached(dossier, nextStep) >= 13 ? volunteerBookDraft(person, dossier) : null;

  const items: { key: string; name: string; step: number; filled: () => FormDocument; blank: () => FormDocument }[] = formsForDossier(dossier, nextStep).map((info) => ({
    key: info.kind as string,
    name: info.name,
    step: info.step,
    filled: () => recruitmentForm(info.kind, filled),
    blank: () => recruitmentForm(info.kind, blank),
  }));
  if (draft) {
    items.push({ key: 'volunteer-draft', name: '入党志愿书填写底稿', step: 14, filled: () => volunteerBookDraftForm(filled), blank: () => volunteerBookDraftForm(blank) });
    items.sort((a, b) => a.step - b.step);
  }

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="材料按档案中已登记的内容自动填写，档案里没有的内容留出横线，打印后手写。每份材料都可以先预览，再打印或保存为PDF。"
      />
      {draft && draft.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="填写入党志愿书前请先解决"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {draft.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <List
        bordered
        dataSource={items}
        renderItem={(item) => (
          <List.Item
            data-testid={`form-item-${item.key}`}
            actions={[
              <Button key="filled" type="primary" onClick={() => setPreview({ form: item.filled(), fileName: `${item.name}-${person.name}` })}>
                预览打印
              </Button>,
              <Button key="blank" onClick={() => setPreview({ form: item.blank(), fileName: `${item.name}-空白` })}>
                空白表
              </Button>,
            ]}
          >
            <Space>
              <Typography.Text>{item.name}</Typography.Text>
              <Typography.Text type="secondary">第{item.step}步</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {preview && <FormPreview form={preview.form} fileName={preview.fileName} onClose={() => setPreview(null)} />}
    </>
  );
}
