#!/usr/bin/env bash
# Installs and starts what the test suites need on a fresh Debian machine. Idempotent; run as root.
# Services: PostgreSQL (127.0.0.1:5432, trust), MariaDB (127.0.0.1:3306, root without password),
# Redis (127.0.0.1:6379); Debian's chromium for the dashboard's browser tests.
set -euo pipefail

apt_packages=()
need() { command -v "$1" >/dev/null 2>&1 || apt_packages+=("$2"); }
need python3 python3
need make make
need g++ g++
need psql postgresql
need mariadbd mariadb-server
need redis-server redis-server
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "::: apt-get install ${apt_packages[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

wait_for() { # name, command
  for _ in $(seq 1 60); do eval "$2" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "::: $1 did not come up" >&2
  return 1
}

if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  echo "::: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  wait_for PostgreSQL "pg_isready -h 127.0.0.1 -p 5432"
fi
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='magekit_test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE magekit_test" >/dev/null

if ! mariadb -h 127.0.0.1 -u root -e "SELECT 1" >/dev/null 2>&1; then
  echo "::: starting MariaDB"
  [ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  wait_for MariaDB "mariadb -h 127.0.0.1 -u root -e 'SELECT 1'"
fi
mariadb -h 127.0.0.1 -u root -e "CREATE DATABASE IF NOT EXISTS magekit_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "::: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis "redis-cli -h 127.0.0.1 -p 6379 ping"
fi
echo "::: services ready: PostgreSQL, MariaDB, Redis; chromium at /usr/bin/chromium"
