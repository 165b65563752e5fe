/** The recruitment deadlines among the 首页's reminders: overdue and those within 30 days. */
import { List, Tag, Typography } from 'antd';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { useNavigate } from 'react-router';
import type { ApprovalDoc, DossierDoc, PersonDoc } from '@shared/model';
import { returnsOf } from '@shared/rules/approvals';
import { checkTimeline, timelineFromDossier } from '@shared/rules/recruitment';
import { recruitmentReminders, whenText, type Reminder } from '@shared/rules/reminders';
import { useDb, useObservable } from '../../db/context';

/**
 * Reminders of the branch's open dossiers; only the people in them are read. The committee's returns
 * come in too: a step done again after one counts from its new date.
 */
export function useRecruitmentReminders(orgId: string, today: string) {
  const db = useDb();
  return useObservable(
    () =>
      combineLatest([db.dossiers.find({ selector: { orgId, state: 'open' } }).$, db.approvals.find({ selector: { orgId, decision: 'returned' } }).$]).pipe(
        switchMap(([docs, returned]) => {
          const dossiers = docs.map((d) => d.toMutableJSON(false) as DossierDoc);
          if (dossiers.length === 0) return of([] as Reminder[]);
          const approvals = returned.map((a) => a.toMutableJSON(false) as ApprovalDoc);
          return combineLatest([of(dossiers), db.people.findByIds(dossiers.map((d) => d.personId)).$]).pipe(
            map(([list, people]) =>
              recruitmentReminders(
                list.flatMap((dossier) => {
                  const person = people.get(dossier.personId)?.toMutableJSON(false) as PersonDoc | undefined;
                  if (!person) return [];
                  return [{ name: person.name, check: checkTimeline(timelineFromDossier(dossier, person.birthDate, returnsOf(dossier, approvals)), today) }];
                }),
                today,
              ),
            ),
          );
        }),
      ),
    [db, orgId, today],
  );
}

export function RecruitmentReminders({ reminders }: { reminders: readonly Reminder[] }) {
  const navigate = useNavigate();
  if (reminders.length === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>发展党员</Typography.Text>}
      dataSource={[...reminders]}
      data-testid="reminders-recruitment"
      renderItem={(r) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate('/recruitment')}>
          <span>
            <Tag color={r.overdue ? 'error' : r.daysLeft <= 7 ? 'warning' : 'default'}>{whenText(r)}</Tag>
            {`${r.date}\u3000${r.name}：${r.label}`}
          </span>
        </List.Item>
      )}
    />
  );
}
