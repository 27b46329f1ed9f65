import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { withTemporalClient } from '../config/temporal-access';
import { createDataSource } from '../persistence/data-source';
import { calendarCoverage, importArrangement, refreshOpenCases } from './calendar/calendar-operations';
import { loadWorkerConfig } from './worker-config';

const USAGE = `npm run calendar -- show | import <arrangement.json> | refresh
  show      the years the holiday data covers (installed and imported) and the version cases record
  import    stores a year's arrangement (R-CAL-3, format in README), then refreshes every open case
  refresh   makes every open case recompute its pending deadlines (after upgrading chinese-days)`;

/** `npm run calendar`: what operators do with the holiday calendar (R-CAL-3). */
async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if (!['show', 'import', 'refresh'].includes(command ?? '') || (command === 'import' && !file)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadWorkerConfig();
  const dataSource = await createDataSource(config.DATABASE_URL).initialize();
  try {
    if (command === 'show') return console.log(JSON.stringify(await calendarCoverage(dataSource), null, 2));
    if (command === 'import') {
      const { year, digest } = await importArrangement(dataSource, JSON.parse(readFileSync(file, 'utf8')));
      console.log(`imported the ${year} arrangement (${digest})`);
    }
    const { jobId, signalled, failed } = await withTemporalClient(config, refreshOpenCases);
    console.log(`batch ${jobId}: ${signalled} open case(s) told to recompute their deadlines, ${failed} failed`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
