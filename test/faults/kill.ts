/**
 * `npm run faults`: the crash-safety fault test. Chromium writes records through the app's database stack
 * and is killed with SIGKILL at a random moment, FAULT_RUNS times (default 100); after each kill the
 * database must open and hold every write it acknowledged, whole. Prints the figures; exits 1 when
 * anything acknowledged is missing or damaged, or the database failed to open.
 *   FAULT_RUNS=20 npm run faults      fewer runs
 *   FAULT_SEED=1234 npm run faults    the same kill moments as an earlier run (its seed is printed)
 *   FAULT_DIAG=1 npm run faults       keep Chromium's log and the database folder before each start
 *   FAULT_TEAR=1 npm run faults       leave an incomplete record at the end of the logs after each kill
 *   FAULT_REPAIR=0 npm run faults     do not repair torn logs before each start (the desktop app does)
 */
import { crashRun, formatFigures } from './crash-run.ts';

const runs = Number(process.env.FAULT_RUNS ?? 100);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`FAULT_RUNS must be a whole number of runs, not ${process.env.FAULT_RUNS}`);
const seed = process.env.FAULT_SEED === undefined ? undefined : Number(process.env.FAULT_SEED);

const figures = await crashRun({ runs, seed, log: (line) => console.log(line), diagnostics: process.env.FAULT_DIAG === '1',
  tear: process.env.FAULT_TEAR === '1',
  repair: process.env.FAULT_REPAIR !== '0',
});;
console.log(`\n${formatFigures(figures)}`);
const failed = figures.missing + figures.corrupt + figures.opensFailed + figures.writeErrors > 0 || figures.kills !== runs;
process.exit(failed ? 1 : 0);
