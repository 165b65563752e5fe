/**
 * Rendering one form to PDF, as a secretary does it: in the dossier's 打印材料, 预览打印 then 保存为PDF,
 * timed from the click to the finished PDF bytes (Chromium's printToPDF, which Electron uses too).
 * With FORMS_OUT=<dir> it also writes every form of the demo's 预备党员, filled and blank, to <dir>.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { withApp } from './with-app.ts';

async function openForms(page: Page): Promise<void> {
  // Electron's 保存为PDF goes from the laid-out print root straight to printToPDF; the web shell's
  // window.print() opens the browser's dialog instead. Here the click marks the moment the app hands
  // over to printing, and page.pdf() is Chromium's printToPDF.
  await page.evaluate(() => {
    window.print = () => void ((window as unknown as { __printed?: number }).__printed = 1);
  });
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.locator('.ant-table-tbody tr', { hasText: '预备党员' }).first().click();
  await page.getByRole('tab', { name: '打印材料' }).click();
  await page.waitForSelector('[data-testid^="form-item-"]');
}

/**
 * Preview → 保存为PDF → the PDF's bytes. Timed: the app laying the form out in the print root (its own
 * marks, from the click handler to the second frame) plus Chromium's printToPDF (page.pdf, which lays
 * out for print media itself). Playwright's own round trips for the click are not the app's time.
 */
async function formToPdf(page: Page, kind: string, variant: '预览打印' | '空白表'): Promise<{ layoutMs: number; pdfMs: number; pdf: Buffer }> {
  await page.getByTestId(`form-item-${kind}`).getByRole('button', { name: variant }).click();
  await page.getByTestId('form-preview').waitFor();
  await page.getByRole('button', { name: '保存为PDF' }).click();
  await page.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1, undefined, { polling: 'raf' });
  const layoutMs = await page.evaluate(() => {
    const [job] = performance.getEntriesByName('bd:print-job').slice(-1);
    const [ready] = performance.getEntriesByName('bd:print-ready').slice(-1);
    (window as unknown as { __printed?: number }).__printed = 0;
    return ready!.startTime - job!.startTime;
  });
  const start = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfMs = performance.now() - start;
  await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await page.getByTestId('form-preview').waitFor({ state: 'detached' });
  return { layoutMs, pdfMs, pdf };
}

export async function measureFormPdf(runs: number, warmup = 3): Promise<{ kind: string; samples: number[]; layout: number[]; pdf: number[]; bytes: number }> {
  const kind = 'resolution-admit';
  return withApp(
    (base) => `${base}?demo=branch`,
    async (page) => {
      await openForms(page);
      const figures = { kind, samples: [] as number[], layout: [] as number[], pdf: [] as number[], bytes: 0 };
      for (let i = 0; i < warmup + runs; i++) {
        const { layoutMs, pdfMs, pdf } = await formToPdf(page, kind, '预览打印');
        if (i < warmup) continue;
        figures.samples.push(layoutMs + pdfMs);
        figures.layout.push(layoutMs);
        figures.pdf.push(pdfMs);
        figures.bytes = pdf.length;
      }
      return figures;
    },
  );
}

/** Every form offered for the demo's 预备党员, filled and blank, as PDFs in `dir`. */
export async function writeAllForms(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return withApp(
    (base) => `${base}?demo=branch`,
    async (page) => {
      await openForms(page);
      const kinds = await page.locator('[data-testid^="form-item-"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')!.slice('form-item-'.length)));
      const written: string[] = [];
      for (const kind of kinds) {
        for (const variant of ['预览打印', '空白表'] as const) {
          const { pdf } = await formToPdf(page, kind, variant);
          const file = join(dir, `${kind}${variant === '空白表' ? '-blank' : ''}.pdf`);
          await writeFile(file, pdf);
          written.push(file);
        }
      }
      return written;
    },
  );
}

if (process.argv[1]?.endsWith('forms.ts') && process.env.FORMS_OUT) {
  const files = await writeAllForms(process.env.FORMS_OUT);
  console.log(files.join('\n'));
}
