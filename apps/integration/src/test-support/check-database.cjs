/* global setTimeout */
// Run in a child process by test-databases.ts: checks that a database server answers and prints
// {"ok":true} or {"ok":false,"reason":"..."}.
const [kind, url, modulePath] = process.argv.slice(2);
const done = (result) => {
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
};
const fail = (error) => done({ ok: false, reason: String((error && (error.code || error.message)) || error) });

async function checkPostgres() {
  const { Client } = require(modulePath);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
}

async function checkMysql() {
  const mysql = require(modulePath);
  const connection = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
  await connection.query('SELECT 1');
  await connection.end();
}

async function checkRedis() {
  const Redis = require(modulePath);
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await client.connect();
  await client.ping();
  client.disconnect();
}

const checks = { postgres: checkPostgres, mysql: checkMysql, redis: checkRedis };
checks[kind]().then(() => done({ ok: true }), fail);
setTimeout(() => done({ ok: false, reason: 'no answer within 8 s' }), 8000).unref();
