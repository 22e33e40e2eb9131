#!/usr/bin/env node
// Third-party Magento clients against the sandbox store: installs three npm clients (pinned) and
// checks python's requests-oauthlib, starts the sandbox as Magento 2.4.8 (`latest` signatures) and
// 2.4.6-p1 (`laminas`), makes the same calls with every client under both, and prints and writes
// (tools/interop/RESULTS.md) a table of the answers beside what Magento answers the same requests.
// Exits 1 when the sandbox answers a request differently from Magento. `npx nx run interop:interop`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePython, installNpmClients, PYTHON_PACKAGE } from './lib/install-clients.mjs';
import { startSandboxProcess, readSandboxVersion } from './lib/sandbox-process.mjs';
import { runClient } from './lib/run-client.mjs';
import { listDifferences, renderTable } from './lib/results-table.mjs';
import { renderResults } from './lib/results-file.mjs';
import { recordWire } from './lib/wire-recorder.mjs';
import * as magentoApiRest from './lib/clients/magento-api-rest.mjs';
import * as magento2ApiWrapper from './lib/clients/magento2-api-wrapper.mjs';
import * as magento2RestClient from './lib/clients/magento2-rest-client.mjs';
import * as requestsOauthlib from './lib/clients/requests-oauthlib.mjs';

const PROFILES = [
  { version: '2.4.8', signatureProfile: 'latest' },
  { version: '2.4.6-p1', signatureProfile: 'laminas' },
];
const CLIENT_MODULES = [magentoApiRest, magento2ApiWrapper, magento2RestClient, requestsOauthlib];
const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const started = Date.now();
const log = (line) => console.log(`[interop ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

/**
 * The clients installed and checked, and both stores started, all at once. On a failure it waits for
 * the other steps and stops the stores that started, so nothing writes to the folder afterwards.
 */
async function prepare(folder) {
  log(`installing the npm clients into ${folder}; checking python3 (${PYTHON_PACKAGE})`);
  const sandboxes = PROFILES.map((profile) => startSandboxProcess(profile.version, folder));
  const settled = await Promise.allSettled([installNpmClients(folder), ensurePython(log), ...sandboxes]);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) {
    await Promise.allSettled(settled.slice(2).map((outcome) => outcome.value?.stop()));
    throw failed.reason;
  }
  const [npm, python, ...stores] = settled.map((outcome) => outcome.value);
  return { npm, python, stores };
}

async function runProfile(profile, sandbox, npm) {
  const reported = await readSandboxVersion(sandbox);
  if (reported !== profile.version) throw new Error(`The sandbox runs as ${reported}, not ${profile.version}.`);
  log(`sandbox ${profile.version} (${profile.signatureProfile}) at ${sandbox.baseUrl}`);
  const recorder = recordWire();
  try {
    const runs = [];
    for (const module of CLIENT_MODULES) {
      runs.push(await runClient({ module, require: npm.require }, { sandbox, ...profile }, recorder));
      log(`  ${module.name}: done`);
    }
    return runs;
  } finally {
    recorder.stop();
  }
}

/** `{client, call, notes, byProfile}` per client and call, in the clients' and calls' order. */
function collectRows(runsByProfile) {
  const rows = [];
  runsByProfile[0].runs.forEach((run, clientIndex) => {
    run.results.forEach((result, callIndex) => {
      const byProfile = {};
      for (const { profile, runs } of runsByProfile) byProfile[profile.version] = runs[clientIndex].results[callIndex];
      rows.push({ client: run.adapter.name, notes: run.adapter.notes, call: result.call, byProfile });
    });
  });
  return rows;
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'magekit-interop-'));
  let stores = [];
  try {
    const prepared = await prepare(folder);
    stores = prepared.stores;
    const runsByProfile = [];
    for (const [index, profile] of PROFILES.entries()) {
      runsByProfile.push({ profile, runs: await runProfile(profile, stores[index], prepared.npm) });
    }
    const rows = collectRows(runsByProfile);
    const table = renderTable(rows, PROFILES);
    const differences = listDifferences(rows, PROFILES);
    console.log(`\n${table}\n`);
    console.log(
      differences.length === 0 ? 'The sandbox answers every request as Magento does.' : differences.join('\n'),
    );
    const seconds = (Date.now() - started) / 1000;
    writeFileSync(RESULTS_FILE, renderResults({ rows, table, differences, prepared, profiles: PROFILES, seconds }));
    log(`wrote ${RESULTS_FILE}`);
    process.exitCode = differences.length === 0 ? 0 : 1;
  } finally {
    await Promise.allSettled(stores.map((store) => store.stop()));
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
