#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (lib/), built by `npm install` (prepare).
import { main } from '../lib/cli/main.js';

// A reader that stops early (`samizdat text f.xml | head`) closes the pipe;
// that is not an error of ours, so end quietly as other Unix tools do.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`samizdat: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
