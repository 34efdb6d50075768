/** One program to run: a built script (path from the build's root, `dist/`), its Node flags and arguments. */
export interface CommandStep {
  script: string;
  nodeArgs?: readonly string[];
  args: readonly string[];
}

interface Command {
  summary: string;
  /** the steps to run, in order, for the arguments after the command's name */
  steps(args: readonly string[]): CommandStep[] | string;
}

const script =
  (path: string, nodeArgs?: readonly string[]) =>
  (args: readonly string[]): CommandStep[] => [{ script: path, nodeArgs, args }];

// As `npm run bench` runs them: the process benchmark measures memory, so it needs --expose-gc; the
// process and timer benchmarks give the young generation the room the hub's start script gives it.
const BENCH: Record<string, CommandStep> = {
  tickets: { script: 'bench/run.js', args: [] },
  processes: { script: 'bench/processes.js', nodeArgs: ['--expose-gc', '--max-semi-space-size=32'], args: [] },
  timers: { script: 'bench/timers.js', nodeArgs: ['--max-semi-space-size=32'], args: [] },
  subscriptions: { script: 'bench/subscriptions.js', args: [] },
};

/**
 * `kexiang <command>`: each command runs the very script its npm script runs (`npm run token` is
 * `node dist/src/cli/token.js`), so the two can never drift apart, and each keeps its own
 * process, exit code and output.
 */
export const COMMANDS: Record<string, Command> = {
  migrate: { summary: 'apply pending database migrations (the hub also does at start)', steps: script('src/cli/migrate.js') },
  seed: { summary: 'load demo data: [--seed N] [--tickets N] [--reset]', steps: script('src/seed/seed-cli.js') },
  deploy: {
    summary: 'deploy the diagrams of PROCESSES_DIR or [directory] as definition versions',
    steps: script('src/cli/deploy-processes.js'),
  },
  export: { summary: 'write the latest deployed definitions back into PROCESSES_DIR', steps: script('src/cli/export-processes.js') },
  token: {
    summary: 'print a token: --user <code> | --role <ROLE> | --customer <code or id> [--ttl 12h]',
    steps: script('src/cli/token.js'),
  },
  bench: {
    summary: 'run the benchmarks: [tickets|processes|timers|subscriptions] (all by default)',
    steps: (args) => {
      const which = args[0];
      if (which === undefined) return Object.values(BENCH);
      return BENCH[which] ? [BENCH[which]] : `unknown benchmark "${which}": ${Object.keys(BENCH).join(', ')}`;
    },
  },
  schema: { summary: 'write schema/*.graphql from the code', steps: script('src/cli/emit-schema.js') },
  'migration:create': { summary: "write a migration for the entities' changes: [name]", steps: script('src/cli/create-migration.js') },
};

/** The npm scripts' names, for those who know them. */
const ALIASES: Record<string, string> = { 'processes:export': 'export', 'processes:deploy': 'deploy' };

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: kexiang <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    '',
    'Settings come from the environment (see the README).',
  ].join('\n');
}

export type Plan = { kind: 'run'; steps: CommandStep[] } | { kind: 'help' } | { kind: 'error'; message: string };

/** What `kexiang <argv>` does, decided without running anything (the tests ask this). */
export function planCommand(argv: readonly string[]): Plan {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { kind: 'help' };
  const command = COMMANDS[ALIASES[name] ?? name];
  if (!command) return { kind: 'error', message: `unknown command "${name}"` };
  const steps = command.steps(rest);
  return typeof steps === 'string' ? { kind: 'error', message: steps } : { kind: 'run', steps };
}

export interface CommandIo {
  /** runs one step to its end and answers its exit code */
  run(step: CommandStep): Promise<number>;
  out(text: string): void;
  err(text: string): void;
}

/** Runs `kexiang <argv>` and answers the exit code: the first failing step's, 2 for a wrong command. */
export async function dispatch(argv: readonly string[], io: CommandIo): Promise<number> {
  const plan = planCommand(argv);
  if (plan.kind === 'help') {
    io.out(usage());
    return 0;
  }
  if (plan.kind === 'error') {
    io.err(`kexiang: ${plan.message}\n\n${usage()}`);
    return 2;
  }
  for (const step of plan.steps) {
    const code = await io.run(step);
    if (code !== 0) return code;
  }
  return 0;
}
