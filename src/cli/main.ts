/** The `integra` command line (`npm run cli -- …`): the same services as the web app, no server. */
import { Command } from 'commander';
import { demoCommand } from './demo.js';
import { exportMatrixCommand } from './exportMatrix.js';
import { importMatrixCommand } from './importMatrix.js';
import { importPracticesCommand } from './importPractices.js';
import { reportError } from './io.js';

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

program
  .command('demo')
  .description('add generated evaluations, for trying Integra out and for benchmarks')
  .option('--evaluations <n>', 'how many evaluations', '10')
  .option('--actions <n>', 'actions per evaluation', '100')
  .action(demoCommand);

program.parseAsync(process.argv).catch(reportError);
