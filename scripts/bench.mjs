// `npm run bench [-- FILTER]`: see test/bench/run.ts. Benchmarks are TypeScript; tsx runs them as they are.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'test', 'bench', 'run.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
child.on('exit', (code) => process.exit(code ?? 1));
