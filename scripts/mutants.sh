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
# It is slow (every mutant is a rebuild and a link of every test binary), so it is not part of
# .ci/run. The unit tests and the integration tests that exercise these modules run against
# each mutant (MUTANTS_TESTS overrides the cargo target selection); the UI and pixel-fidelity
# suites, doc tests and benchmarks do not. Results go to target/mutants/mutants.out/
# (missed.txt, caught.txt, timeout.txt, unviable.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(src/file src/analysis src/export)
fi
filters=()
for module in "${modules[@]}"; do
  filters+=(--file "${module%/}/**")
done
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

read -ra tests <<<"${MUTANTS_TESTS:---lib --test hostile --test save --test roundtrip_props --test export --test cli --test crash}"
cargo_args=()
for arg in "${tests[@]}"; do
  cargo_args+=("--cargo-arg=$arg")
done

mkdir -p target
cargo mutants "${filters[@]}" "${shard[@]}" "${extra[@]}" "${cargo_args[@]}" \
  --output target/mutants
