/** 党员信息卡: one person on A4, every roster field in a ruled grid, "无" for what is empty. */
import type { PersonDoc } from '@shared/model';
import { ROSTER_COLUMNS, rosterCell } from '@shared/forms/roster';

export function MemberCardPrint({ person, branchName, groupName }: { person: PersonDoc; branchName: string; groupName: (id: string) => string }) {
  const fields = ROSTER_COLUMNS.filter((c) => c.field !== 'note');
  const pairs: (typeof fields)[] = [];
  for (let i = 0; i < fields.length; i += 2) pairs.push(fields.slice(i, i + 2));
  return (
      <section className="print-page" data-testid="member-card-print">
      <h1 className="print-title">党员信息卡</h1>
      <p className="print-meta">所在支部：{branchName}</p>
      <table className="print-table print-card">
        <tbody>
          {pairs.map((pair) => (
            <tr key={pair[0]!.field}>
              {pair.map((c) => [
                <th key={`${c.field}-l`}>{c.label}</th>,
                <td key={`${c.field}-v`}>{rosterCell(person, c.field, groupName) || '无'}</td>,
              ])}
            </tr>
          ))}
          <tr>
            <th>备注</th>
            <td colSpan={3}>{person.note || '无'}</td>
          </tr>
        </tbody>
      </table>
      <p className="print-meta print-signature">填表人：__________{'\u3000\u3000'}审核人：__________{'\u3000\u3000'}日期：______年____月____日</p>
      </section>

  );
}
