// Classifies URLs read one per line on stdin; writes one JSON object per line on stdout, in input
// order. `--stats` prints catalog counts instead. Run with `pnpm catalog:classify`.
import { createInterface } from 'node:readline';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import { classifyUrl } from '@sightline/shared/catalog/classify-url';
import { compileCatalog } from '@sightline/shared/catalog/compile-catalog';
import { catalogStats, classificationLine } from './classification-line';

// Output is written in batches of about this many characters; fewer, larger writes are much faster
// than one write per line, and a batch bounds what sits in memory while stdout drains.
const batchChars = 64 * 1024;

function main(): void {
  const compiled = compileCatalog(builtInCatalog);
  const { stdin, stdout } = process;

  stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`| head`): stop quietly.
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });

  if (process.argv.includes('--stats')) {
    stdout.write(`${JSON.stringify(catalogStats(compiled))}\n`);
    return;
  }

  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let batch = '';
  let waitingForDrain = false;
  let inputClosed = false;

  lines.on('line', (line) => {
    batch += classificationLine(line, classifyUrl(compiled, line));
    if (batch.length < batchChars) return;
    const accepted = stdout.write(batch);
    batch = '';
    if (!accepted && !waitingForDrain) {
      // Backpressure: stop reading until stdout has drained, so memory stays flat on huge inputs.
      // Lines already read from the current input chunk still arrive and are batched meanwhile.
      waitingForDrain = true;
      lines.pause();
      stdout.once('drain', () => {
        waitingForDrain = false;
        if (!inputClosed) lines.resume();
      });
    }
  });
  lines.on('close', () => {
    inputClosed = true;
    if (batch.length > 0) stdout.write(batch);
  });
}

main();
