/** npm run bench: prints figures; no timed assertions anywhere. */
import { measureColdStart } from './cold-start.ts';
import { measureFormPdf } from './forms.ts';
import { measureMeetingsList } from './meetings.ts';
import { measureImport, measureSearchLatency } from './roster.ts';

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
function row(label: string, values: number[]) {
  const s = stats(values);
  console.log(`${label.padEnd(44)} median ${fmt(s.median)}   min ${fmt(s.min)}   max ${fmt(s.max)}`);
}

const runs = Number(process.env.BENCH_RUNS ?? 7);
console.log(`Branch Desk benchmarks (web mode, Chromium ${'headless'}, ${runs} cold runs)\n`);
const cold = await measureColdStart(runs);
console.log(`data set: ${cold.people} people on the roll; loading it took ${(cold.seedMs / 1000).toFixed(1)} s (once, not part of the runs)\n`);
row('cold start → 首页 interactive (navigation start)', cold.runs.map((r) => r.homeInteractiveMs));
const phase = (from: string, to: string) => cold.runs.map((r) => (r.marks[to] ?? Number.NaN) - (r.marks[from] ?? Number.NaN));
row('  page loaded, scripts evaluated', cold.runs.map((r) => r.marks['bd:script-start'] ?? Number.NaN));
row('  open the database (9 collections)', cold.runs.map((r) => r.dbOpenMs));
row('  wait for UI code and first queries', phase('bd:db-open:end', 'bd:render-start'));
row('  React renders the frame and 首页', phase('bd:render-start', 'bd:home-interactive'));
row('Chromium process launch (not the app)', cold.runs.map((r) => r.launchMs));
console.log('\ntarget: cold start ≤ 800 ms');

console.log('\n党员名册');
const search = await measureSearchLatency(['zhangs', 'wjg', 'liu', '王', 'chenxiu']);
row(`search keystroke → results in the page (${search.people} people, ${search.samples.length} keys)`, search.samples);
row('search keystroke → next frame painted', search.painted);
row('  of which: filtering the roster', search.filterMs);
console.log('target: ≤ 16 ms median');
const imported = await measureImport(10_000);
row(`import ${imported.rows} rows: read + check the .xlsx`, [imported.checkMs]);
row(`import ${imported.rows} rows: write to the database`, [imported.writeMs]);
row(`import ${imported.rows} rows: total`, [imported.checkMs + imported.writeMs]);
console.log('target: ≤ 5 s');

console.log('\n发展党员材料');
const form = await measureFormPdf(Number(process.env.BENCH_FORM_RUNS ?? 15));
row(`one form to PDF (${form.kind}, ${(form.bytes / 1024).toFixed(0)} kB), after 3 warm-up`, form.samples);
row('  the app lays the form out for print', form.layout);
row("  Chromium's printToPDF", form.pdf);
console.log('target: ≤ 300 ms median after warm-up');

console.log('\n会议记录');
const minutes = await measureMeetingsList(Number(process.env.BENCH_LIST_RUNS ?? 7));
row(`open the minutes list: this year (${minutes.meetings} meetings in 5 years)`, minutes.thisYear);
row('  switch to all five years', minutes.allYears);

console.log('\n同步');
const { printSyncBenchmarks } = await import('./sync.ts');
await printSyncBenchmarks(row);

console.log('\n文件同步');
const { printFileSync } = await import('./sync-file.ts');
await printFileSync(row);
