import { quietOnClosedStdout } from './_internals/output/closed-stdout.js';
import { suppressNodeVersionWarning } from './_internals/runtime/suppress-node-version-warning.js';

suppressNodeVersionWarning();
quietOnClosedStdout();
const { main } = await import('./main.js');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not an expected failure: say so plainly, without a stack full of request objects.
  process.stderr.write(`changeplane: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 4;
}
