/** The `integra` command line (`npm run cli -- …`): the same services as the web app, no server. */
import { Command } from 'commander';

/** Collects a repeated option into a list. */
const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * A command's code is loaded when that command runs: `integra --help` or a dry-run import does
 * not pay for the database driver, ExcelJS, docx or pdf.js.
 */
function lazy<M>(load: () => Promise<M>, name: keyof M) {
  return async (...args: unknown[]) => {
    const command = (await load())[name] as (...a: unknown[]) => Promise<void>;
    try {
      await command(...args);
    } catch (err) {
      (await import('./io.js')).reportError(err);
    }
  };
}

const program = new Command()
  .name('integra')
  .description(
    'Integra: evaluation follow-up and action tracking. Uses INTEGRA_DATA (default ./data) or DATABASE_URL.',
  )
  .showHelpAfterError();

const importCmd = program.command('import').description('bring existing documents in');
importCmd
  .command('matrix')
  .argument('<file>', 'management response matrix: .txt, .docx or .pdf')
  .option('--dry-run', 'read and report, save nothing')
  .option('--json', 'print machine-readable JSON on stdout')
  .description('import a management response matrix')
  .action(lazy(() => import('./importMatrix.js'), 'importMatrixCommand'));

importCmd
  .command('practices')
  .argument('<file>', 'practice pages assessed against the SPRING grid, as .txt')
  .option('--dry-run', 'read and report, save nothing')
  .option('--json', 'print machine-readable JSON on stdout')
  .description('read good-practice pages and their checklists')
  .action(lazy(() => import('./importPractices.js'), 'importPracticesCommand'));

const exportCmd = program.command('export').description('write documents out');
exportCmd
  .command('matrix')
  .argument('<id>', 'evaluation id')
  .requiredOption('--format <format>', 'docx | xlsx | csv | json')
  .requiredOption('--out <file>', 'file to write')
  .description('export an evaluation as its management response matrix')
  .action(lazy(() => import('./exportMatrix.js'), 'exportMatrixCommand'));

const reportCmd = program.command('report').description('figures for management');
reportCmd
  .command('portfolio')
  .option('--from <date>', 'only actions due on or after this day (YYYY-MM-DD)')
  .option('--to <date>', 'only actions due on or before this day (YYYY-MM-DD)')
  .option('--today <date>', 'the day the figures are taken on (YYYY-MM-DD; default: today)')
  .option('--json', 'print machine-readable JSON on stdout')
  .description(
    'implementation figures: actions, due, completed (validated), overdue and rate = completed ÷ due, overall and by unit, year, priority and response',
  )
  .action(lazy(() => import('./report.js'), 'reportPortfolioCommand'));

program
  .command('demo')
  .description('add generated evaluations, for trying Integra out and for benchmarks')
  .option('--evaluations <n>', 'how many evaluations', '10')
  .option('--actions <n>', 'actions per evaluation', '100')
  .action(lazy(() => import('./demo.js'), 'demoCommand'));

const userCmd = program.command('user').description('people who can sign in');
userCmd
  .command('create')
  .requiredOption('--email <email>', 'their email address (they sign in with it)')
  .requiredOption('--name <name>', 'their name')
  .option('--password <password>', 'at least 10 characters (or set INTEGRA_PASSWORD)')
  .option('--admin', 'an administrator of the first organisation')
  .option('--role <role>', 'admin | editor | contributor | reviewer | viewer', 'viewer')
  .option('--unit <unit>', 'for a contributor: the responsible unit it speaks for')
  .description('create a person with a password (the first administrator, for example)')
  .action(lazy(() => import('./user.js'), 'createUserCommand'));

program
  .command('organisation')
  .description('organisations (tenants)')
  .command('create')
  .argument('<name>', 'its name, e.g. "Network of Southern Municipalities"')
  .requiredOption('--admin <email>', 'an existing person who administers it')
  .description('add an organisation; its administrator then invites its members')
  .action(lazy(() => import('./user.js'), 'createOrganisationCommand'));

program
  .command('backup')
  .argument('<file>', 'where to write the backup (gzip)')
  .description('save every table (embedded database or DATABASE_URL) to a file')
  .action(lazy(() => import('./backup.js'), 'backupCommand'));

program
  .command('restore')
  .argument('<file>', 'a file written by `integra backup`')
  .description('replace the database’s contents with a backup, in one transaction')
  .action(lazy(() => import('./backup.js'), 'restoreCommand'));

const followup = program.command('followup').description('reminders and follow-up emails');
followup
  .command('preview')
  .option('--today <date>', 'plan as on this day (YYYY-MM-DD), after every sending hour')
  .option('--json', 'print { messages: [ { to, kind, unit, evaluation, actions } ] }')
  .description('print the emails the scheduler would send now; writes nothing')
  .action(lazy(() => import('./followup.js'), 'followupPreviewCommand'));
followup
  .command('run')
  .option('--today <date>', 'plan as on this day (YYYY-MM-DD)')
  .description('plan due reminders and send the outbox (for cron, with INTEGRA_SCHEDULER=off on the server)')
  .action(lazy(() => import('./followup.js'), 'followupRunCommand'));

program
  .command('unit')
  .description('responsible units of the first organisation')
  .command('create')
  .argument('<name>', 'its name, e.g. "City coordinators"')
  .option('--alias <text>', 'another way it is written in matrices (repeat for several)', collect, [])
  .option('--email <address>', 'a focal point’s email address (repeat for several)', collect, [])
  .description('add a unit to the directory; prints its id')
  .action(lazy(() => import('./unit.js'), 'createUnitCommand'));

program.parseAsync(process.argv).catch(async (err) => (await import('./io.js')).reportError(err));
