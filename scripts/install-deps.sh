#!/usr/bin/env bash
# Installs what Gazette needs to build, run and test on Debian 12, and nothing that is already there.
# Usage: scripts/install-deps.sh [build|test|bench]   (each level includes the ones before it)
set -euo pipefail
level="${1:-build}"

build_pkgs=(build-essential cmake pkg-config
  libboost1.81-dev libboost-url1.81-dev libsqlite3-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libkainjow-mustache-dev
  nlohmann-json3-dev zlib1g-dev libbrotli-dev libspdlog-dev libfmt-dev libcli11-dev libsodium-dev
  libgmime-3.0-dev libvips-dev libstemmer-dev libxml2-dev libssl-dev ca-certificates
  libyaml-cpp-dev libtomlplusplus-dev)
test_pkgs=(libgtest-dev libgmock-dev python3 curl chromium python3-feedparser libxml2-utils)
bench_pkgs=(wrk nginx)

pkgs=("${build_pkgs[@]}")
case "$level" in
  test) pkgs+=("${test_pkgs[@]}") ;;
  bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Tools that may come from elsewhere on a developer's machine: only install when the command is absent.
if [ "$level" != build ]; then
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The HTML validator comes from npm (vnu-jar); installed into the project's own node_modules.
if [ "$level" != build ]; then
  root="$(cd "$(dirname "$0")/.." && pwd)"
  if [ ! -f "$root/node_modules/vnu-jar/build/dist/vnu.jar" ] || [ ! -d "$root/node_modules/playwright-core" ] ||
     [ ! -f "$root/node_modules/axe-core/axe.min.js" ] || [ ! -d "$root/node_modules/@extractus/feed-extractor" ] || [ ! -d "$root/node_modules/wpapi" ]; then
    (cd "$root" && npm install --no-audit --no-fund --silent)
  fi
fi
