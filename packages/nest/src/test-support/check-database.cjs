/* global URL, setTimeout */
// Run in a child process by test-databases.ts: connects to a database server, creates the test
// database when it is missing, and prints {"ok":true} or {"ok":false,"reason":"..."}.
const [kind, url, modulePath] = process.argv.slice(2);
const done = (result) => {
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
};
const fail = (error) => done({ ok: false, reason: String((error && (error.code || error.message)) || error) });

async function checkPostgres() {
  const { Client } = require(modulePath);
  const target = new URL(url);
  const database = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  await client.end();
}

async function checkMysql() {
  const mysql = require(modulePath);
  const target = new URL(url);
  const database = target.pathname.slice(1);
  target.pathname = '/';
  const connection = await mysql.createConnection({ uri: target.toString(), connectTimeout: 3000 });
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
}

(kind === 'postgres' ? checkPostgres() : checkMysql()).then(() => done({ ok: true }), fail);
setTimeout(() => done({ ok: false, reason: 'no answer within 8 s' }), 8000).unref();
