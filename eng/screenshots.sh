#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png, the pictures the README shows: the demo's sample reports ingested
# into a fresh database, served on a free loopback port, each main page rendered by headless Chromium
# (Debian's; eng/prepare-test-env.sh installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/.build/screenshots"
out="$root/docs/screenshots"
db="$work/sitrep.db"
mkdir -p "$work" "$out"
rm -rf "$db" "$db-wal" "$db-shm" "$db.keys"

"$root/sitrep" demo --no-serve --db "$db" >/dev/null
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
base="http://127.0.0.1:$port"
"$root/sitrep" serve --db "$db" --urls "$base" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

sandbox=()
[ "$(id -u)" = 0 ] && sandbox=(--no-sandbox)
shot() { # name width,height path
  chromium --headless "${sandbox[@]}" --disable-gpu --hide-scrollbars --window-size="$2" \
    --virtual-time-budget=15000 --screenshot="$out/$1.png" "$base$3" >/dev/null 2>&1
  echo "docs/screenshots/$1.png  <- $3"
}

# An event told by several reports, to show merging and highlighted evidence; else the newest one.
event=$(curl -fs "$base/api/events?limit=1000" \
  | node -e "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const e=JSON.parse(d).items;const m=e.find(x=>x.sourceCount>1)||e[0];console.log(encodeURIComponent(m.id))})")
# The area with the most sources.
area=$(curl -fs "$base/api/areas" \
  | node -e "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const a=JSON.parse(d).sort((x,y)=>y.sources.length-x.sources.length);console.log(encodeURIComponent(a[0].name))})")
shot dashboard 1400,1000 "/"
shot event 1300,900 "/event.html?id=$event"
shot area 1300,1300 "/area.html?name=$area"
shot actors 1300,800 "/actor.html"
shot review 1300,1000 "/review.html"
shot brief 1000,1300 "/brief.html?area=$area"
shot login 900,500 "/login.html"
