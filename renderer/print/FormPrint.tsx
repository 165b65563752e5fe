/**
 * Every form of shared/forms on A4: letters (公示, 请示, 决议, 报告) in the GB/T 9704 manner, ruled forms
 * (登记表, 考察表, 目录) as bordered tables. The same markup shows on screen in the preview and on paper.
 */
import { Fragment, type ReactNode } from 'react';
import type { FormBlock, FormDocument, FormField } from '@shared/forms/document';

const GRID_COLUMNS = 6;

function fieldCells(row: FormField[], rowKey: number): ReactNode {
  const used = row.reduce((n, f) => n + (f.span ?? 1) * 2, 0);
  return (
    <tr key={rowKey}>
      {row.map((field, i) => {
        // The last field takes what is left of the row.
        const span = (field.span ?? 1) * 2 - 1 + (i === row.length - 1 ? GRID_COLUMNS - used : 0);
        return (
          <Fragment key={field.label}>
            <th>{field.label}</th>
            <td colSpan={span}>{field.value}</td>
          </Fragment>
        );
      })}
    </tr>
  );
}

function Lines({ count }: { count: number }) {
  return (
    <div className="form-lines">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="form-line" />
      ))}
    </div>
  );
}

/** Fields and boxes that follow one another share one ruled table, as on a printed 登记表. */
function RuledTable({ blocks }: { blocks: FormBlock[] }) {
  return (
    <table className="form-grid">
      <colgroup>
        {Array.from({ length: GRID_COLUMNS }, (_, i) => (
          <col key={i} style={{ width: i % 2 === 0 ? '17%' : '16.33%' }} />
        ))}
      </colgroup>
      <tbody>
        {blocks.map((block, b) => {
          if (block.kind === 'fields') return block.rows.map((row, r) => fieldCells(row, b * 100 + r));
          if (block.kind !== 'box') return null;
          return (
            <tr key={b} className="form-box">
              <th>{block.label}</th>
              <td colSpan={GRID_COLUMNS - 1} style={{ height: `${block.lines * 8 + (block.sign ? 14 : 0)}mm` }}>
                {block.text && <div className="form-box-text">{block.text}</div>}
                {block.sign && (
                  <div className="form-box-sign">
                    {block.sign.map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Block({ block, layout }: { block: FormBlock; layout: FormDocument['layout'] }) {
  switch (block.kind) {
    case 'text':
      return (
        <>
          {block.paragraphs.map((p, i) => (
            <p key={i} className="form-paragraph">
              {p}
            </p>
          ))}
        </>
      );
    case 'heading':
      return <h2 className="form-heading">{block.text}</h2>;
    case 'box':
      // In a letter a box is room to write by hand, on ruled lines.
      return layout === 'letter' ? (
        <div className="form-written">
          {block.text ? <p className="form-paragraph">{block.text}</p> : <Lines count={block.lines} />}
        </div>
      ) : (
        <RuledTable blocks={[block]} />
      );
    case 'fields':
      return <RuledTable blocks={[block]} />;
    case 'table':
      return (
        <table className={block.dense ? 'form-table form-table-dense' : 'form-table'}>
          {block.widths && (
            <colgroup>
              {block.widths.map((w, i) => (
                <col key={i} style={{ width: `${w}%` }} />
              ))}
            </colgroup>
          )}
          <thead>
            <tr>
              {block.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
            {Array.from({ length: block.blankRows ?? 0 }, (_, r) => (
              <tr key={`blank-${r}`} className="form-blank-row">
                {block.headers.map((h) => (
                  <td key={h} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'sign':
      return (
        <div className="form-sign">
          {block.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      );
    case 'hint':
      return (
        <div className="form-hint">
          {block.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      );
    case 'cut':
      return (
        <div className="form-cut">
          <span>{block.text}</span>
        </div>
      );
  }
}

/** Groups consecutive fields and boxes of a ruled form into one table. */
function groups(form: FormDocument): Array<{ ruled: FormBlock[] } | { block: FormBlock }> {
  const out: Array<{ ruled: FormBlock[] } | { block: FormBlock }> = [];
  for (const block of form.blocks) {
    const ruled = form.layout === 'form' && (block.kind === 'fields' || block.kind === 'box');
    const last = out.at(-1);
    if (ruled && last && 'ruled' in last) last.ruled.push(block);
    else out.push(ruled ? { ruled: [block] } : { block });
  }
  return out;
}

export function FormPrint({ form }: { form: FormDocument }) {
  return (
    <section className={`form-page form-${form.layout}${form.landscape ? ' print-landscape' : ''}`} data-testid={`form-${form.kind}`}>
      <h1 className="print-title form-title">{form.title}</h1>
      {form.subtitle && <div className="form-subtitle">{form.subtitle}</div>}
      {form.addressee && <p className="form-addressee">{form.addressee}</p>}
      {groups(form).map((g, i) => ('ruled' in g ? <RuledTable key={i} blocks={g.ruled} /> : <Block key={i} block={g.block} layout={form.layout} />))}
    </section>
  );
}
