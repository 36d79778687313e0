#!/usr/bin/env bash
# Starts the platform exactly as the README says (npm start, embedded defaults) in a scratch data
# directory, waits for /health of both APIs, logs in on both, renders the demo portfolio as PDF
# (real Chromium), checks that the demo assessor has the demo dossier, then sends Ctrl-C (SIGINT to
# the process group) and checks that everything stopped: no app, no PostgreSQL, no S3 server, no
# Chromium left (its profile lives in $TMPDIR).
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=$(mktemp -d /tmp/rlp-smoke-XXXXXX)
chmod 755 "$data_dir" # embedded PostgreSQL runs as the postgres user when we are root
log="$data_dir/start.log"
mkdir -p "$data_dir/tmp"
export DATA_DIR="$data_dir/data" LOG_LEVEL=warn TMPDIR="$data_dir/tmp"
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -KILL -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT

ok=0
for _ in $(seq 1 180); do
  if curl -fsS http://localhost:3000/health >/dev/null 2>&1 && curl -fsS http://localhost:3001/health >/dev/null 2>&1; then ok=1; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$ok" != 1 ]; then echo "smoke: the platform did not become healthy"; cat "$log"; exit 1; fi
echo "smoke: candidate /health -> $(curl -fsS http://localhost:3000/health)"
echo "smoke: assessor  /health -> $(curl -fsS http://localhost:3001/health)"
curl -fsS -o /dev/null http://localhost:3000/docs-json && curl -fsS -o /dev/null http://localhost:3001/docs-json
portal=$(curl -fsS http://localhost:3000/inloggen)
echo "$portal" | grep -q '<div id="root">' || { echo "smoke: the kandidaatportaal is not served at /inloggen"; exit 1; }
asset=$(echo "$portal" | grep -o '/assets/index-[A-Za-z0-9_-]*\.js' | head -1)
curl -fsS -o /dev/null "http://localhost:3000$asset" || { echo "smoke: the portal's script $asset is not served"; exit 1; }
echo "smoke: the kandidaatportaal is served at http://localhost:3000/ ($asset)"
office=$(curl -fsS http://localhost:3001/inloggen)
echo "$office" | grep -q '<div id="root">' || { echo "smoke: the assessor/office portal is not served at http://localhost:3001/inloggen"; exit 1; }
office_asset=$(echo "$office" | grep -o '/assets/index-[A-Za-z0-9_-]*\.js' | head -1)
curl -fsS -o /dev/null "http://localhost:3001$office_asset" || { echo "smoke: the assessor portal's script $office_asset is not served"; exit 1; }
echo "smoke: the assessor/office portal is served at http://localhost:3001/ ($office_asset)"
token=$(curl -fsS -X POST http://localhost:3000/auth/login -H 'content-type: application/json' \
  -d '{"email":"kandidaat@demo.rlp.local","password":"demo-kandidaat-2026"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
portfolio=$(curl -fsS http://localhost:3000/portfolios -H "authorization: Bearer $token" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[0].id))')
curl -fsS -o "$data_dir/preview.pdf" "http://localhost:3000/portfolios/$portfolio/preview.pdf" -H "authorization: Bearer $token"
[ "$(head -c 5 "$data_dir/preview.pdf")" = "%PDF-" ] || { echo "smoke: the portfolio preview is not a PDF"; exit 1; }
pgrep -f "$data_dir/tmp" >/dev/null || { echo "smoke: no Chromium ran for the preview"; exit 1; }
echo "smoke: the demo portfolio renders as a PDF ($(wc -c <"$data_dir/preview.pdf") bytes)"
# Assessors log in with a two-factor code (ADR 0021); the demo account's comes from `npm run demo:code`.
totp=$(npm run -s demo:code -- assessor1@demo.rlp.local | awk '{print $1}')
[[ "$totp" =~ ^[0-9]{6}$ ]] || { echo "smoke: npm run demo:code gave no code ($totp)"; exit 1; }
assessor_token=$(curl -fsS -X POST http://localhost:3001/auth/login -H 'content-type: application/json' \
  -d "{\"email\":\"assessor1@demo.rlp.local\",\"password\":\"demo-assessor1-2026\",\"totpCode\":\"$totp\"}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
dossiers=$(curl -fsS http://localhost:3001/assessments -H "authorization: Bearer $assessor_token" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const l=JSON.parse(s).dossiers;console.log(l.length+" "+l.map(d=>d.candidate.name+"/"+d.status).join(","))})')
[ "$dossiers" = "1 Joost Visser/in_assessment" ] || { echo "smoke: the demo assessor should see one demo dossier, got: $dossiers"; exit 1; }
echo "smoke: the demo assessor sees the demo dossier ($dossiers)"
code=$(curl -s -o /dev/null -w '%{http_code}' http://localhost:3001/admin/accounts)
[ "$code" = 401 ] || { echo "smoke: unauthenticated admin call answered $code, expected 401"; exit 1; }
echo "smoke: logins work on both apps; an unauthenticated call is refused (401)"
mailpage=$(curl -fsS http://localhost:1080/) || { echo "smoke: the embedded mail catcher's page does not answer on http://localhost:1080/"; exit 1; }
echo "smoke: the mail catcher's page answers at http://localhost:1080/ ($(printf '%s' "$mailpage" | wc -c) bytes)"

kill -INT -- "-$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then echo "smoke: still running 30 s after Ctrl-C"; cat "$log"; exit 1; fi
sleep 1
if pgrep -f "$data_dir" >/dev/null; then echo "smoke: processes left behind:"; pgrep -af "$data_dir"; exit 1; fi
if curl -s -o /dev/null http://localhost:3000/health; then echo "smoke: port 3000 still answers"; exit 1; fi
grep -q "stopped" "$log" || { echo "smoke: no clean shutdown message"; cat "$log"; exit 1; }
echo "smoke: clean shutdown, nothing left running"
trap - EXIT
rm -rf "$data_dir"
