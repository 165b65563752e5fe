/** 花名册 on A4 landscape: the roster columns a committee reads on paper, with page-repeating headers. */
import type { PersonDoc } from '@shared/model';
import { columnOf, rosterCell, type RosterField } from '@shared/forms/roster';

const PRINTED: RosterField[] = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'status', 'joinedOn', 'confirmedOn', 'category', 'group', 'workUnit', 'phone'];

/** Long values wrap; names, dates and codes stay on one line. */
const WRAPPING = new Set<RosterField>(['group', 'workUnit']);

export function RosterPrint({ branchName, people, groupName, today }: { branchName: string; people: readonly PersonDoc[]; groupName: (id: string) => string; today: string }) {
  return (
      <section className="print-page print-landscape" data-testid="roster-print">
      <h1 className="print-title">{branchName}党员花名册</h1>
      <p className="print-meta">
        共 {people.length} 人{'\u3000\u3000'}制表日期：{today}
      </p>
      <table className="print-table print-roster">
        <thead>
          <tr>
            <th>序号</th>
            {PRINTED.map((f) => (
              <th key={f}>{columnOf(f).label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((p, i) => (
            <tr key={p.id}>
              <td>{i + 1}</td>
              {PRINTED.map((f) => (
                <td key={f} className={WRAPPING.has(f) ? 'wrap' : undefined}>
                  {rosterCell(p, f, groupName)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </section>

  );
}
