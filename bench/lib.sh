# Sourced by the bench scripts: where the repository, the binary and the shared corpora are.
# Sets root (the repository) and bin (GAZETTE_BIN or build/gazette).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${GAZETTE_BIN:-$root/build/gazette}"

# corpus_dir NAME: the shared corpus NAME (../shared/corpora/NAME beside the repository, else
# /work/shared/corpora/NAME); exits with a message when neither exists.
corpus_dir() {
  local dir="$root/../shared/corpora/$1"
  [ -d "$dir" ] || dir="/work/shared/corpora/$1"
  [ -d "$dir" ] || { echo "the $1 corpus is not at $root/../shared/corpora/$1" >&2; exit 1; }
  echo "$dir"
}

# need_time: the import and export benches read elapsed time and peak memory from /usr/bin/time.
need_time() {
  [ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
}
