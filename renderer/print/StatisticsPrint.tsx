/** The statistics tables on A4, as the committee files them. */
import type { StatTable } from '@shared/forms/statistics';

export function StatisticsPrint({ branchName, today, tables }: { branchName: string; today: string; tables: readonly StatTable[] }) {
  return (
    <section className="print-page" data-testid="statistics-print">
      <h1 className="print-title">{branchName}党员统计表</h1>
      <p className="print-meta">统计日期：{today}</p>
      {tables.map((table) => (
        <table key={table.title} className="print-table print-stat">
          <caption>{table.title}</caption>
          <thead>
            <tr>
              {table.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
