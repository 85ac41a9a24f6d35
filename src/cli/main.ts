/** The `integra` command line (`npm run cli -- …`): the same services as the web app, no server. */
import { Command } from 'commander';
import { backupCommand, restoreCommand } from './backup.js';
import { demoCommand } from './demo.js';
import { exportMatrixCommand } from './exportMatrix.js';
import { followupPreviewCommand, followupRunCommand } from './followup.js';
import { importMatrixCommand } from './importMatrix.js';
import { importPracticesCommand } from './importPractices.js';
import { reportError } from './io.js';
import { reportPortfolioCommand } from './report.js';
import { collect, createUnitCommand } from './unit.js';
import { createOrganisationCommand, createUserCommand } from './user.js';

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
  .action(importMatrixCommand);

importCmd
  .command('practices')
  .argument('<file>', 'practice pages assessed against the SPRING grid, as .txt')
  .option('--dry-run', 'read and report, save nothing')
  .option('--json', 'print machine-readable JSON on stdout')
  .description('read good-practice pages and their checklists')
  .action(importPracticesCommand);

const exportCmd = program.command('export').description('write documents out');
exportCmd
  .command('matrix')
  .argument('<id>', 'evaluation id')
  .requiredOption('--format <format>', 'docx | xlsx | csv | json')
  .requiredOption('--out <file>', 'file to write')
  .description('export an evaluation as its management response matrix')
  .action(exportMatrixCommand);

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
  .action(reportPortfolioCommand);

program
  .command('demo')
  .description('add generated evaluations, for trying Integra out and for benchmarks')
  .option('--evaluations <n>', 'how many evaluations', '10')
  .option('--actions <n>', 'actions per evaluation', '100')
  .action(demoCommand);

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
  .action(createUserCommand);

program
  .command('organisation')
  .description('organisations (tenants)')
  .command('create')
  .argument('<name>', 'its name, e.g. "Network of Southern Municipalities"')
  .requiredOption('--admin <email>', 'an existing person who administers it')
  .description('add an organisation; its administrator then invites its members')
  .action(createOrganisationCommand);

program
  .command('backup')
  .argument('<file>', 'where to write the backup (gzip)')
  .description('save every table (embedded database or DATABASE_URL) to a file')
  .action(backupCommand);

program
  .command('restore')
  .argument('<file>', 'a file written by `integra backup`')
  .description('replace the database’s contents with a backup, in one transaction')
  .action(restoreCommand);

const followup = program.command('followup').description('reminders and follow-up emails');
followup
  .command('preview')
  .option('--today <date>', 'plan as on this day (YYYY-MM-DD), after every sending hour')
  .option('--json', 'print { messages: [ { to, kind, unit, evaluation, actions } ] }')
  .description('print the emails the scheduler would send now; writes nothing')
  .action(followupPreviewCommand);
followup
  .command('run')
  .option('--today <date>', 'plan as on this day (YYYY-MM-DD)')
  .description('plan due reminders and send the outbox (for cron, with INTEGRA_SCHEDULER=off on the server)')
  .action(followupRunCommand);

program
  .command('unit')
  .description('responsible units of the first organisation')
  .command('create')
  .argument('<name>', 'its name, e.g. "City coordinators"')
  .option('--alias <text>', 'another way it is written in matrices (repeat for several)', collect, [])
  .option('--email <address>', 'a focal point’s email address (repeat for several)', collect, [])
  .description('add a unit to the directory; prints its id')
  .action(createUnitCommand);

program.parseAsync(process.argv).catch(reportError);
