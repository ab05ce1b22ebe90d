#!/usr/bin/env bash
# Runs the packaged demo for a short while on a free port and checks that images and texts came out.
# Needs a prior `mvn package` (or verify). Exit status 0 only when sample PNGs were written and
# every event sent is accounted for: exactly its images or text, or exactly one dead letter.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="$(mktemp -d)"
log="$out/demo.log"
java -jar stream-app/target/genstream.jar demo --port 0 --duration "${DEMO_SECONDS:-20}" \
  --output "$out/images" --events-per-second 50 2>"$out/stderr.log" | tee "$log"

pngs=$(find "$out/images" -name '*.png' | wc -l)
echo "demo wrote $pngs sample images to $out/images"
if [ "$pngs" -lt 10 ]; then
  echo "FAIL: expected at least 10 sample images" >&2
  tail -50 "$out/stderr.log" >&2
  exit 1
fi
texts=$(wc -l < "$out/images/texts.txt" 2>/dev/null || echo 0)
echo "demo wrote $texts sample texts to $out/images/texts.txt"
if [ "$texts" -lt 5 ]; then
  echo "FAIL: expected at least 5 generated texts" >&2
  exit 1
fi
grep -q '^Done: .*every event accounted for' "$log" \
  || { echo "FAIL: demo did not finish with every event accounted for" >&2; exit 1; }
echo "demo smoke run passed"
