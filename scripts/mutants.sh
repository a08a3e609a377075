#!/usr/bin/env bash
# Mutation testing: cargo-mutants plants small bugs (a `<` for a `<=`, a function that returns
# a default, a deleted `!`) one at a time in the modules where a bug loses work or prints a
# wrong poster, and runs the tests against each. A mutant the tests do not notice ("missed")
# is a behaviour no test checks: kill it with a test, or say in the README why it is harmless.
#
#   scripts/mutants.sh                      # src/file, src/analysis, src/export (hours)
#   scripts/mutants.sh src/analysis         # one module
#   MUTANTS_SHARD=0/4 scripts/mutants.sh    # a quarter of the mutants, e.g. on four machines
#
# It is slow (every mutant is a rebuild and a link of the test binaries), so it is not part of
# .ci/run. The unit tests and the integration suites that exercise each module run against its
# mutants (MUTANTS_TESTS overrides the cargo target selection); the UI and pixel-fidelity
# suites, doc tests and benchmarks do not. Results go to target/mutants/<module>/mutants.out/
# (missed.txt, caught.txt, timeout.txt, unviable.txt); cargo-mutants exits non-zero when a
# mutant is missed, so the script goes on to the next module and the lists say what happened.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(src/analysis src/file src/export)
fi
shard=()
if [ -n "${MUTANTS_SHARD:-}" ]; then
  shard=(--shard "$MUTANTS_SHARD")
fi

# More cargo-mutants options, e.g. MUTANTS_EXTRA="--in-place" in a scratch checkout whose
# target/ is already built (saves the first full build of a copied tree).
extra=()
if [ -n "${MUTANTS_EXTRA:-}" ]; then
  read -ra extra <<<"$MUTANTS_EXTRA"
fi

# The suites that exercise each module: linking fewer test binaries halves the time per mutant.
# A mutant missed by these is worth re-running against every suite before writing a test.
tests_for() {
  case "$1" in
    src/analysis*) echo "--lib --test cli --test export" ;;
    src/file*) echo "--lib --test hostile --test save --test roundtrip_props --test crash --test cli" ;;
    src/export*) echo "--lib --test export --test cli" ;;
    *) echo "--lib --test hostile --test save --test roundtrip_props --test export --test cli --test crash" ;;
  esac
}

mkdir -p target/mutants
for module in "${modules[@]}"; do
  module=${module%/}
  read -ra tests <<<"${MUTANTS_TESTS:-$(tests_for "$module")}"
  cargo_args=()
  for arg in "${tests[@]}"; do
    cargo_args+=("--cargo-arg=$arg")
  done
  # One output folder per module: target/mutants/<module>/mutants.out/
  status=0
  cargo mutants --file "$module/**" "${shard[@]}" "${extra[@]}" "${cargo_args[@]}" \
    --output "target/mutants/$(basename "$module")" || status=$?
  # 2: some mutants missed, 3: some timed out; both are results. Anything else is a failure.
  case $status in
    0 | 2 | 3) ;;
    *) exit "$status" ;;
  esac
done
