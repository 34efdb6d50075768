import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS, type CommandStep, dispatch } from '../../src/cli/commands';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

/** Runs the dispatcher with every step recorded instead of started, each answering `code`. */
async function kexiang(argv: string[], code = 0) {
  const ran: CommandStep[] = [];
  const out: string[] = [];
  const err: string[] = [];
  const exit = await dispatch(argv, {
    run: async (step) => {
      ran.push(step);
      return code;
    },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { exit, ran, out: out.join('\n'), err: err.join('\n') };
}

describe('One CLI, `npx kexiang <command>`, running the same scripts as the npm scripts', () => {
  test('When the package is installed, then its bin `kexiang` is the built CLI', () => {
    expect(pkg.bin).toEqual({ kexiang: 'dist/src/cli/kexiang.js' });
    expect(readFileSync(path.join(root, 'src', 'cli', 'kexiang.ts'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  test.each([
    [['migrate'], 'src/cli/migrate.js', []],
    [['seed', '--tickets', '50', '--reset'], 'src/seed/seed-cli.js', ['--tickets', '50', '--reset']],
    [['deploy', './my-diagrams'], 'src/cli/deploy-processes.js', ['./my-diagrams']],
    [['export'], 'src/cli/export-processes.js', []],
    [['processes:export'], 'src/cli/export-processes.js', []],
    [['token', '--user', 'admin'], 'src/cli/token.js', ['--user', 'admin']],
    [['schema'], 'src/cli/emit-schema.js', []],
  ])('When `kexiang %j` runs, then it runs %s with the arguments after the command', async (argv, script, args) => {
    expect(await kexiang(argv)).toMatchObject({ exit: 0, ran: [{ script, args }] });
  });

  test('When `kexiang bench` runs, then every benchmark runs as `npm run bench` runs them, the process one with --expose-gc', async () => {
    const { ran } = await kexiang(['bench']);
    expect(ran.map((s) => [s.script, s.nodeArgs ?? []])).toEqual([
      ['bench/run.js', []],
      ['bench/processes.js', ['--expose-gc', '--max-semi-space-size=32']],
      ['bench/timers.js', ['--max-semi-space-size=32']],
      ['bench/subscriptions.js', []],
    ]);
    expect(pkg.scripts.bench).toContain(
      'node dist/bench/run.js && node --expose-gc --max-semi-space-size=32 dist/bench/processes.js && node --max-semi-space-size=32 dist/bench/timers.js && node dist/bench/subscriptions.js',
    );
    expect((await kexiang(['bench', 'tickets'])).ran.map((s) => s.script)).toEqual(['bench/run.js']);
    expect(await kexiang(['bench', 'everything'])).toMatchObject({
      exit: 2,
      ran: [],
      err: expect.stringContaining('tickets, processes, timers, subscriptions'),
    });
  });

  test('When a step fails, then the CLI exits with its code and runs no later step', async () => {
    expect(await kexiang(['bench'], 3)).toMatchObject({ exit: 3, ran: [{ script: 'bench/run.js' }] });
  });

  test('When the command is unknown or missing, then usage lists every command; unknown exits 2, help 0', async () => {
    const unknown = await kexiang(['migrat']);
    expect(unknown).toMatchObject({ exit: 2, ran: [], err: expect.stringContaining('unknown command "migrat"') });
    for (const name of ['migrate', 'seed', 'deploy', 'export', 'token', 'bench']) expect(unknown.err).toContain(`  ${name} `);
    expect(await kexiang([])).toMatchObject({ exit: 0, ran: [], out: expect.stringContaining('Usage: kexiang <command>') });
    expect((await kexiang(['--help'])).exit).toBe(0);
  });

  test("When the npm scripts are read, then each command's script is one they run too, and its source exists", () => {
    const npmRuns = Object.values(pkg.scripts).join(' ');
    for (const [name, command] of Object.entries(COMMANDS)) {
      const steps = command.steps([]);
      if (typeof steps === 'string') throw new Error(`${name}: ${steps}`);
      for (const { script } of steps) {
        expect(existsSync(path.join(root, script.replace(/\.js$/, '.ts')))).toBe(true);
        // migrate and deploy are new: only the CLI runs them.
        if (!['migrate', 'deploy'].includes(name)) expect(npmRuns).toContain(`dist/${script}`);
      }
    }
  });
});
