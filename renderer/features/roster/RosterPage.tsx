/** 党员名册: the list with search and filters, the person drawer and form, Excel in and out, printing. */
import { Card, Tabs } from 'antd';
import type { OrgDoc } from '@shared/model';
import { BranchPanel } from './BranchPanel';
import { RosterList } from './RosterList';
import { ROSTER } from './strings';

export function RosterPage({ branch }: { branch: OrgDoc }) {
  return (
    <Card styles={{ body: { paddingTop: 8 } }}>
      <Tabs
        items={[
          { key: 'roster', label: ROSTER.tabs.roster, children: <RosterList branch={branch} /> },
          { key: 'branch', label: '支部与党小组', children: <BranchPanel branch={branch} /> },
        ]}
      />
    </Card>
  );
}
