#!/usr/bin/env bash
# The integration generator for real: generates apps/e2e-generated-<pid> in this workspace (with
# --calls, --port and --tenant), checks that a second run refuses and changes nothing, builds the
# app with Nx, typechecks and lints it, runs its own tests (unit tests and the end-to-end test
# against the sandbox store) and starts the built service once (its name in the banner and in
# GET /api/service, its sample-job route in /api/docs-json, --app in the printed commands), checks
# the generators' --help and the magento-module generator on the app's magekit.json. The app is always deleted again,
# and apps left behind by a run that was killed (SIGKILL) are deleted first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_INTERACTIVE=false

for stale in apps/e2e-generated-*; do
  [ -d "$stale" ] || continue
  pid="${stale##*-}"
  if [[ "$pid" =~ ^[0-9]+$ ]] && [ "$pid" != "$$" ] && kill -0 "$pid" 2>/dev/null; then continue; fi # another run still at work
  echo "removing $stale, left by an interrupted run"
  rm -rf "$stale"
done

name="e2e-generated-$$"
dir="apps/$name"
calls="tmp/$name.calls.txt"
module_dir="tmp/$name-module"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$dir" "$calls" "$module_dir" "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now() { date +%s.%N; }
step() {
  local label=$1 start
  shift
  start=$(now)
  echo "== $label"
  "$@"
  awk -v label="$label" -v start="$start" -v end="$(now)" 'BEGIN { printf "== %s: ok in %.1f s\n", label, end - start }'
}

mkdir -p tmp
printf '# what the generated app calls\nGET /V1/products/:sku\nGET /V1/orders\n' > "$calls"

checksum() { (cd "$dir" && find . -type f -not -path './dist/*' | sort | xargs sha1sum) | sha1sum; }

refuses_second_run() {
  local before
  before=$(checksum)
  if npx nx g @magekit/nx-plugin:integration "$name" --port 4000 --no-interactive > "$work/again.txt" 2>&1; then
    echo "a second run on $dir succeeded" >&2
    return 1
  fi
  grep -q "$dir already exists; nothing was changed" "$work/again.txt" || { cat "$work/again.txt" >&2; return 1; }
  [ "$(checksum)" = "$before" ] || { echo "a refused second run changed $dir" >&2; return 1; }
}

starts_built_service() {
  mkdir -p "$work/data"
  PORT=0 DATA_DIR="$work/data" node "$dir/dist/main.js" > "$work/service.txt" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    if grep -q "Callback URL: .*/magento/callback/e2e" "$work/service.txt"; then break; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/service.txt" >&2; return 1; }
    sleep 0.1
  done
  grep -q '"msg":"ready"' "$work/service.txt" || { cat "$work/service.txt" >&2; return 1; }
  grep -q "^$name listening on http://localhost:" "$work/service.txt" || { echo "the banner does not name $name" >&2; cat "$work/service.txt" >&2; return 1; }
  grep -q -- "npx magekit tokens create --name <name> --app $name" "$work/service.txt" || { echo "the banner's token command lacks --app $name" >&2; return 1; }
  local base token
  base=$(grep -o "^$name listening on http://localhost:[0-9]*" "$work/service.txt" | grep -o 'http://localhost:[0-9]*')
  token=$(grep -o 'API token (dashboard and /api): *mk_[A-Za-z0-9_-]*' "$work/service.txt" | grep -o 'mk_[A-Za-z0-9_-]*')
  curl -fsS -H "Authorization: Bearer $token" "$base/api/service" | grep -q "\"name\":\"$name\"" || { echo "GET /api/service does not name $name" >&2; return 1; }
  curl -fsS "$base/api/docs-json" | grep -q '"/api/sample-job/run"' || { echo "/api/docs-json lacks /api/sample-job/run" >&2; return 1; }
  kill -TERM "$server_pid"
  wait "$server_pid" || { echo "the built service did not stop cleanly on SIGTERM" >&2; return 1; }
  server_pid=""
}

generators_describe_themselves() {
  for generator in integration magento-module; do
    npx nx g "@magekit/nx-plugin:$generator" --help > "$work/help.txt" 2>&1
    if grep -qx ' *undefined' "$work/help.txt" || ! grep -q 'The merchant-side Magento module\|A Magento integration app' "$work/help.txt"; then cat "$work/help.txt" >&2; return 1; fi
  done
}

generate_app() {
  npx nx g @magekit/nx-plugin:integration "$name" --port 3190 --tenant e2e --calls "$calls" --no-interactive | tee "$work/generate.txt"
  grep -q "npx magekit dev $name" "$work/generate.txt" || { echo "the Next: lines lack npx magekit dev $name" >&2; return 1; }
  grep -q "\"requiredResources\"" "$dir/magekit.json"
}

module_from_app() {
  npx nx g @magekit/nx-plugin:magento-module E2e_Module --integration "$name" --directory "$module_dir" --no-interactive > "$work/module.txt" 2>&1 || { cat "$work/module.txt" >&2; return 1; }
  grep -q '<endpoint_url>http://localhost:3190/magento/callback/e2e</endpoint_url>' "$module_dir/etc/integration.xml"
  grep -q '<resource name="Magento_Sales::actions_view"/>' "$module_dir/etc/integration.xml"
  grep -q 'placeholders' "$work/module.txt" || { echo "no warning about the localhost URLs" >&2; cat "$work/module.txt" >&2; return 1; }
}

step "generators describe themselves (--help)" generators_describe_themselves
step generate generate_app
required_in_config() {
  # The workspace's formatter (Prettier here) decides the layout: look for the quoted ids.
  grep -q "'Magento_Sales::actions_view'" "$dir/src/config.ts" && grep -q "'Magento_Catalog::products'" "$dir/src/config.ts" || { cat "$dir/src/config.ts" >&2; return 1; }
}
step "required resources in src/config.ts" required_in_config
step "second run refuses" refuses_second_run
step "magento-module from the app's magekit.json" module_from_app
# The e2e target has built every dependency already; building them again here would restore their
# dist folders from the cache while other projects' tests load them.
step build npx nx run "$name:build" --excludeTaskDependencies --outputStyle=static
step typecheck npx tsc -p "$dir/tsconfig.json" --noEmit
step lint npx eslint "$dir"
step test npx jest -c "$dir/jest.config.cjs"
step "built service starts and stops" starts_built_service
merchant_journey() {
  MAGEKIT_JOURNEY_APP_MAIN="$PWD/$dir/dist/main.js" MAGEKIT_JOURNEY_APP_LABEL="generated-app" \
    npx jest -c apps/integration/jest.config.cjs apps/integration/src/e2e/journeys/merchant-journey.e2e.spec.ts
}
step "merchant journey in chromium against the generated app" merchant_journey
echo "== generated, built and tested $dir; removing it"
