/* global URL, setTimeout */
// Run in a child process by databases.ts: checks that a server answers (PostgreSQL and MariaDB: also
// creates the database named in the URL when it is missing) and prints {"ok":true} or
// {"ok":false,"reason":"..."}.
const [kind, url, modulePath] = process.argv.slice(2);
const done = (result) => {
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
};
const fail = (error) => done({ ok: false, reason: String((error && (error.code || error.message)) || error) });

async function checkPostgres() {
  const { Client } = require(modulePath);
  const database = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (database && found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  await client.end();
}

async function checkMysql() {
  const mysql = require(modulePath);
  const target = new URL(url);
  const database = target.pathname.slice(1);
  target.pathname = '/';
  const connection = await mysql.createConnection({ uri: target.toString(), connectTimeout: 3000 });
  if (database)
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database.replace(/`/g, '')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  else await connection.query('SELECT 1');
  await connection.end();
}

async function checkRedis() {
  const Redis = require(modulePath);
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  await client.connect();
  await client.ping();
  client.disconnect();
}

const checks = { postgres: checkPostgres, mysql: checkMysql, redis: checkRedis };
checks[kind]().then(() => done({ ok: true }), fail);
setTimeout(() => done({ ok: false, reason: 'no answer within 8 s' }), 8000).unref();
