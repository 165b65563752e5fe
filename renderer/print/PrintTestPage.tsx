/** A one-page A4 test print: shows only when printing (see print.css). */
export function PrintTestPage() {
  return (
      <section className="print-page" aria-hidden>
      <h1 className="print-title">打印测试页</h1>
      <p className="print-body">
        本页用于检查打印机和字体。标题应为小标宋，正文应为仿宋三号字。生僻字测试：堃、喆、昇、珺、燊、𠅤。
      </p>
      <p className="print-body">支部工作台</p>
      </section>

  );
}
