#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (lib/), built by `npm install` (prepare).
import { main } from '../lib/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`samizdat: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
