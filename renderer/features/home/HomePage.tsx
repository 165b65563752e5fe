/** 首页: the branch, its member counts and the reminders list. */
import { Alert, Card, Col, Descriptions, Row, Skeleton, Statistic } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import type { OrgDoc } from '@shared/model';
import type { HomeCountKey } from '@shared/rules/roster';
import { termStatus } from '@shared/rules/term';
import { todayInChina } from '../../db/writes';
import { useHomeCounts } from '../../db/context';
import { markOnce } from '../../app/marks';
import { HOME } from './strings';

const LaterReminders = lazy(() => import('./LaterReminders').then((m) => ({ default: m.LaterReminders })));

const COUNT_ORDER: HomeCountKey[] = ['members', 'full', 'probationary', 'retired', 'mobile', 'candidates', 'activists', 'applicants'];

export function HomePage({ branch }: { branch: OrgDoc }) {
  const roll = useHomeCounts(branch.id);
  const counts = roll.value;
  useEffect(() => {
    if (counts) markOnce('bd:home-interactive');
  }, [counts]);
  const secretary = branch.committee.find((m) => m.role === 'secretary');
  // R-TERM: the one reminder whose rule exists today; the reminders centre gathers the others later.
  const today = todayInChina();
  const term = termStatus(branch, today);
  const deputy = branch.committee.find((m) => m.role === 'deputy');

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={10}>
        <Card title={HOME.branchTitle}>
          <Descriptions column={1} size="small" labelStyle={{ width: '6.5em' }}>
            <Descriptions.Item label="名称">{branch.name}</Descriptions.Item>
            <Descriptions.Item label="类别">{HOME.category[branch.category]}</Descriptions.Item>
            <Descriptions.Item label={HOME.parent}>{branch.parentName}</Descriptions.Item>
            <Descriptions.Item label={HOME.secretary}>{secretary?.name ?? '未填'}</Descriptions.Item>
            {deputy && <Descriptions.Item label={HOME.deputy}>{deputy.name}</Descriptions.Item>}
            {branch.groups.length > 0 && <Descriptions.Item label={HOME.groups}>{branch.groups.length} 个</Descriptions.Item>}
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={HOME.countsTitle} data-testid="home-counts">
          {roll.error && <Alert type="error" showIcon message={`读取名册出错：${roll.error.message}`} />}
          {!counts && !roll.error && <Skeleton active />}
          {counts && (
            <>
              <Row gutter={[16, 16]}>
                {COUNT_ORDER.map((key) => (
                  <Col key={key} xs={12} md={6}>
                    <Statistic title={HOME.counts[key]} value={counts[key]} suffix={HOME.person} />
                  </Col>
                ))}
              </Row>
              {counts.members === 0 && <Alert style={{ marginTop: 16 }} type="info" showIcon message={HOME.noMembers} />}
            </>
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={HOME.remindersTitle}>
          {term && term.state !== 'running' && (
            <Alert type={term.state === 'overdue' ? 'error' : 'warning'} showIcon message="支部委员会换届" description={term.message} data-testid="reminder-term" style={{ marginBottom: 12 }} />
          )}
          {/* Read after the counts show: a large branch has thousands of meetings a year. */}
          <Suspense fallback={null}>{counts && <LaterReminders branch={branch} today={today} hasOthers={Boolean(term && term.state !== 'running')} />}</Suspense>
        </Card>
      </Col>
    </Row>
  );
}
