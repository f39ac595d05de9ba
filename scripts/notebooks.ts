/**
 * Jupyter with the kit's TypeScript kernel (tslab), registered in a project-local
 * folder (.jupyter-local/), never in the user's global Jupyter.
 *
 *   tsx scripts/notebooks.ts start     start Jupyter on notebooks/ (npm run notebooks; arguments after
 *                                      `--` go to Jupyter, and --allow-root is added when run as root)
 *   tsx scripts/notebooks.ts execute   run every notebook headless into output/notebooks/
 *                                      and fail on any error output (npm run notebooks:execute;
 *                                      build dist/ first: the notebooks import the built kit)
 *   tsx scripts/notebooks.ts html      the executed notebooks as HTML pages (after execute)
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const LOCAL = join(ROOT, '.jupyter-local');
const NOTEBOOKS = join(ROOT, 'notebooks');
const OUTPUT = join(ROOT, 'output', 'notebooks');
export const KERNEL_NAME = 'tslab';

const INSTALL_HINT = `Jupyter is not installed. Install it with Debian's packages:
  sudo apt-get install jupyter-notebook jupyter-nbconvert python3-ipykernel
or with pip:
  python3 -m pip install notebook nbconvert ipykernel
then run this command again.`;

/** Jupyter finds the kernel here first (JUPYTER_PATH); its config, data and runtime stay in the project too. */
export function jupyterEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JUPYTER_PATH: LOCAL,
    JUPYTER_DATA_DIR: join(LOCAL, 'data'),
    JUPYTER_CONFIG_DIR: join(LOCAL, 'config'),
    JUPYTER_RUNTIME_DIR: join(LOCAL, 'runtime'),
    IPYTHONDIR: join(LOCAL, 'ipython'),
  };
}

/** Writes .jupyter-local/kernels/tslab/kernel.json pointing at this checkout's tslab. */
export function installKernel(): string {
  const tslab = join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab');
  if (!existsSync(tslab)) throw new Error(`${tslab} not found: run npm install first`);
  const dir = join(LOCAL, 'kernels', KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  const spec = {
    // config-path and {connection_file} as separate arguments, as tslab's own installer writes them.
    argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (tslab)',
    language: 'typescript',
  };
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return dir;
}

function has(args: string[]): boolean {
  const r = spawnSync('jupyter', args, { env: jupyterEnv(), stdio: 'ignore' });
  return !r.error && r.status === 0;
}

function run(args: string[], options: SpawnSyncOptions = {}): number {
  const r = spawnSync('jupyter', args, { env: jupyterEnv(), stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}

interface Notebook {
  cells: { cell_type: string; outputs?: NotebookOutput[] }[];
}

/** Problems in an executed notebook: error outputs, and error text tslab writes to stderr. */
export function notebookErrors(file: string): string[] {
  const nb = JSON.parse(readFileSync(file, 'utf8')) as Notebook;
  const problems: string[] = [];
  nb.cells.forEach((cell, i) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'error') problems.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      const text = Array.isArray(out.text) ? out.text.join('') : (out.text ?? '');
      if (out.output_type === 'stream' && out.name === 'stderr' && /error/i.test(text)) problems.push(`cell ${i}: ${text.trim().split('\n')[0]}`);
    }
  });
  return problems;
}

export function listNotebooks(): string[] {
  return readdirSync(NOTEBOOKS)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();
}

/**
 * Jupyter's command line for `start`: the user's own arguments after the kit's, and
 * --allow-root as root (containers and CI run as root, and Jupyter exits there with
 * "Running as root is not recommended" without it).
 */
export function startArgs(ui: 'lab' | 'notebook', uid: number | undefined, extra: readonly string[]): string[] {
  const root = uid === 0 && !extra.includes('--allow-root') ? ['--allow-root'] : [];
  return [ui, `--notebook-dir=${NOTEBOOKS}`, ...root, ...extra];
}

function start(extra: readonly string[]): number {
  const ui = has(['lab', '--version']) ? 'lab' : has(['notebook', '--version']) ? 'notebook' : undefined;
  if (!ui) {
    process.stderr.write(INSTALL_HINT + '\n');
    return 1;
  }
  installKernel();
  process.stdout.write(`kernel "${KERNEL_NAME}" registered in ${LOCAL}; starting jupyter ${ui} on notebooks/\n`);
  return run(startArgs(ui, process.getuid?.(), extra));
}

function execute(): number {
  if (!has(['nbconvert', '--version'])) {
    process.stderr.write(INSTALL_HINT + '\n');
    return 1;
  }
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    process.stderr.write('dist/ is missing: the notebooks import the built kit; run npm run build first (npm run notebooks:execute does)\n');
    return 1;
  }
  installKernel();
  mkdirSync(OUTPUT, { recursive: true });
  let failed = 0;
  for (const name of listNotebooks()) {
    process.stdout.write(`executing notebooks/${name}\n`);
    const status = run(
      [
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
        '--ExecutePreprocessor.timeout=600',
        `--output-dir=${OUTPUT}`,
        join(NOTEBOOKS, name),
      ],
      { cwd: NOTEBOOKS },
    );
    const executed = join(OUTPUT, name);
    const problems = status === 0 && existsSync(executed) ? notebookErrors(executed) : [`nbconvert exited with status ${status}`];
    for (const p of problems) process.stderr.write(`error: notebooks/${name}: ${p}\n`);
    if (problems.length) failed++;
  }
  process.stdout.write(`${listNotebooks().length - failed} of ${listNotebooks().length} notebooks ran without errors -> ${OUTPUT}\n`);
  return failed ? 1 : 0;
}

/**
 * HTML pages of the executed notebooks. Charts as PNG first: nbconvert 6.5 (Debian 12)
 * sanitises inline SVG down to its text in HTML output.
 */
function html(): number {
  if (!has(['nbconvert', '--version'])) {
    process.stderr.write(INSTALL_HINT + '\n');
    return 1;
  }
  const executed = listNotebooks().map((n) => join(OUTPUT, n));
  const missing = executed.filter((f) => !existsSync(f));
  if (missing.length) {
    process.stderr.write(`not executed yet: ${missing.join(', ')}; run npm run notebooks:execute first\n`);
    return 1;
  }
  const priority = "['text/html','application/pdf','text/latex','image/png','image/svg+xml','image/jpeg','text/markdown','text/plain']";
  return run(['nbconvert', '--to', 'html', `--NbConvertBase.display_data_priority=${priority}`, `--output-dir=${OUTPUT}`, ...executed]);
}

const COMMANDS: Record<string, (extra: readonly string[]) => number> = { start, execute, html };

if (require.main === module) {
  const command = COMMANDS[process.argv[2] ?? 'start'];
  if (!command) {
    process.stderr.write(`usage: tsx scripts/notebooks.ts [start|execute|html]\n`);
    process.exit(2);
  }
  process.exit(command(process.argv.slice(3)));
}
