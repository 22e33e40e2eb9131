#!/usr/bin/env node
'use strict';
// The magekit command. Runs the compiled CLI (built by `npm install` through the root `prepare`
// script, or by `npx nx build cli`).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'magekit: the CLI is not built yet. Run `npm install` or `npx nx build cli` at the repository root.\n',
  );
  process.exit(2);
}
require(entry);
