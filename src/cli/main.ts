import { FLATTEN_HELP, runFlatten } from './commands/flatten';
import { FLOW_SCRIPT_HELP, POSTMAN_HELP, runFlowScript, runPostman } from './commands/flow';
import { KIT_HELP, runKit, runSchema, SCHEMA_HELP } from './commands/kit';
import { RUN_HELP, runRun } from './commands/run';
import { SERVE_HELP, runServe } from './commands/serve';
import { SIMULATE_HELP, runSimulate } from './commands/simulate';
import { TEST_HELP, runTest } from './commands/test';
import { VALIDATE_HELP, runValidate } from './commands/validate';
import { loadRegexEngine, quoteText } from '@core';
import { argumentErrorMessage } from './args';
import { CliError } from './io';
import { finishStderr } from './stderr';

const HELP = `spec-studio: check and preview Adobe Experience Platform Self-Serve Sources connection specs.

Usage: spec-studio <command> [options]

Commands:
  validate <spec.json>                                   diagnostics as JSON lines; exit 1 on errors
  flatten --spec <spec.json> <response.json>...          records as NDJSON (or --format csv)
  simulate --spec <spec.json> [options] <response.json>... requests of a run, then the stop reason
  test --spec <spec.json> [--update] <case.json>...      regression cases: ok/FAIL with a diff
  run --spec <spec.json> [options]                       a live run against the real API, page by page
  serve [--port N] [--allow-private-hosts] [--open]      the app and its local API on 127.0.0.1
  kit --spec <spec.json> --source <slug> ... --out <zip> the submission kit for Adobe's review
  postman --spec <spec.json> --out <dir>                 the verification flow as a Postman collection
  flow-script --spec <spec.json>                         the verification flow as a bash + curl script
  schema                                                 the connection-spec JSON Schema, for other editors

Run "spec-studio <command> --help" for the options of a command.`;

const COMMANDS: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
  validate: { help: VALIDATE_HELP, run: runValidate },
  flatten: { help: FLATTEN_HELP, run: runFlatten },
  simulate: { help: SIMULATE_HELP, run: runSimulate },
  test: { help: TEST_HELP, run: runTest },
  run: { help: RUN_HELP, run: runRun },
  serve: { help: SERVE_HELP, run: runServe },
  kit: { help: KIT_HELP, run: runKit },
  postman: { help: POSTMAN_HELP, run: runPostman },
  'flow-script': { help: FLOW_SCRIPT_HELP, run: runFlowScript },
  schema: { help: SCHEMA_HELP, run: runSchema },
};

/** Runs the CLI and returns its exit status. Every user-caused failure is one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write('spec-studio 0.1.0\n');
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    finishStderr(
      `unknown command ${quoteText(name)} (try validate, flatten, simulate, test, run, serve, kit, postman, flow-script or schema; --help)`,
    );
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  let code: number;
  try {
    // JSONPath match()/search() need the linear-time regex engine, which core loads on request.
    await loadRegexEngine();
    code = await command.run(args);
  } catch (error) {
    const message =
      error instanceof CliError
        ? error.message
        : (argumentErrorMessage(error, name) ??
          `internal error: ${error instanceof Error ? error.message : String(error)}`);
    finishStderr(message);
    return error instanceof CliError ? error.exitCode : 2;
  }
  // A run that fails without a message of its own keeps stderr empty (its warnings are dropped).
  if (code === 0) finishStderr();
  return code;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    finishStderr(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
