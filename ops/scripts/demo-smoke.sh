#!/usr/bin/env bash
# Runs the packaged demo for a short while on free ports and checks that images and texts came out.
# Needs a prior `mvn package` (or verify). Exit status 0 only when sample PNGs were written,
# every event sent is accounted for (exactly its images or text, or exactly one dead letter), and
# while it ran /readyz answered 200 and /metrics had genstream's meters.
set -euo pipefail
cd "$(dirname "$0")/../.."

out="$(mktemp -d)"
log="$out/demo.log"
# The demo writes straight to its log (no pipe whose reader could start late or finish after the
# demo), and the log is shown when this script ends, passed or failed.
trap 'echo "== demo output"; cat "$log" 2>/dev/null || true' EXIT
: > "$log"
java -jar stream-app/target/genstream.jar demo --port 0 --http.port 0 --duration "${DEMO_SECONDS:-20}" \
  --output "$out/images" --events-per-second 50 2>"$out/stderr.log" >"$log" &
demo=$!

# The demo prints its metrics URL before it loads the models.
metrics_url=""
for _ in $(seq 1 300); do
  metrics_url=$(sed -n 's/^Metrics: \(http[^ ]*\).*/\1/p' "$log" | head -1 || true)
  [ -n "$metrics_url" ] || ! kill -0 "$demo" 2>/dev/null && break
  sleep 0.2
done
[ -n "$metrics_url" ] || { echo "FAIL: the demo printed no metrics URL" >&2; tail -50 "$out/stderr.log" >&2; exit 1; }
base="${metrics_url%/metrics}"

ready=""
for _ in $(seq 1 120); do
  if curl -fsS "$base/readyz" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { echo "FAIL: $base/readyz never answered 200" >&2; exit 1; }
echo "demo smoke: $base/readyz answered 200"

scraped=""
for _ in $(seq 1 60); do
  if curl -fsS "$base/metrics" > "$out/metrics.txt" 2>/dev/null \
      && grep -q '^genstream_items_emitted_total{' "$out/metrics.txt" \
      && grep -q '^genstream_latency_end_to_end_seconds_bucket{' "$out/metrics.txt"; then
    scraped=yes; break
  fi
  sleep 0.5
done
[ -n "$scraped" ] || { echo "FAIL: $base/metrics never showed genstream_items_emitted_total" >&2; exit 1; }
echo "demo smoke: $base/metrics has $(grep -c '^genstream_' "$out/metrics.txt") genstream samples"
curl -fsS "$base/gallery" | grep -q 'class="item image-item"' \
  || { echo "FAIL: the gallery shows no image" >&2; exit 1; }
echo "demo smoke: the gallery shows images"

wait "$demo"

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
grep -q '^Summary: .* items generated .* p99 latency' "$log" \
  || { echo "FAIL: demo printed no summary" >&2; exit 1; }
echo "demo smoke run passed"
