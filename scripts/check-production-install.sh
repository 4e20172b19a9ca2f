#!/usr/bin/env bash
# Checks that a production install (`npm ci --omit=dev`) of the built package starts the server:
# the dependencies the code needs at run time are in "dependencies", not "devDependencies".
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/main.js ] || npm run build --silent
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
cp package.json package-lock.json "$dir/"
cp -r bin dist specs "$dir/"
(cd "$dir" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node "$dir/bin/gpt-image-emulator.js" --port "$port" --log off >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if curl -sf "http://127.0.0.1:$port/__emulator/health" >/dev/null; then
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/gptproto/v1/images/generations" \
      -H 'Authorization: sk-prod' -H 'Content-Type: application/json' \
      -d '{"model":"gpt-image-2","prompt":"production install","output_format":"webp"}')
    [ "$code" = 200 ] || { echo "production install: generation answered $code"; cat "$dir/server.log"; exit 1; }
    echo "production install: the bin starts, answers health and renders a webp (sharp) without dev dependencies"
    exit 0
  fi
  sleep 0.1
done
echo "production install: no 200 from /__emulator/health within 10 s"
cat "$dir/server.log"
exit 1
