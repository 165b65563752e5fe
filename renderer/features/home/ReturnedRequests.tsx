/** The 首页's first reminders: the requests the committee returned (退回), each with its comment and a way to the dossier. */
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { recruitmentStep } from '@shared/rules/recruitment-steps';
import type { ReturnedItem } from '../recruitment/hooks';
import { HOME } from './strings';

export function ReturnedRequests({ items }: { items: readonly ReturnedItem[] }) {
  const navigate = useNavigate();
  return items.map((r) => (
    <Alert
      key={`${r.dossierId}-${r.step}`}
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="reminder-returned"
      message={HOME.returned.title(r.name, r.label)}
      description={
        <>
          <div>{HOME.returned.detail(r.returnedOn, r.comment)}</div>
          <div>{HOME.returned.todo(r.leadingStep, recruitmentStep(r.leadingStep).name)}</div>
        </>
      }
      action={<Button onClick={() => navigate(`/recruitment?dossier=${r.dossierId}`)}>{HOME.returned.open}</Button>}
    />
  ));
}
