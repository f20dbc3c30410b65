#!/usr/bin/env bash
# Build the source distribution and check it: it holds what include_str! compiles in
# (data/, schema.sql), no stray files (.venv/, a built extension), and pip builds a
# working wheel from it alone.
#   tests/install/check_sdist.sh MATURIN
# The compiled dependencies in target/ are reused: only the crate itself is compiled.
set -euo pipefail
maturin=${1:?usage: $0 MATURIN}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$maturin" sdist --manifest-path "$root/Cargo.toml" --out "$tmp" >/dev/null 2>&1 ||
    "$maturin" sdist --manifest-path "$root/Cargo.toml" --out "$tmp"
sdist=$(ls "$tmp"/bilateral-*.tar.gz)
tar tzf "$sdist" | sed 's|^[^/]*/||' | sort >"$tmp/files"

status=0
for required in Cargo.toml Cargo.lock pyproject.toml README.md LICENSE schema.sql \
    data/countries.json data/currencies.json data/population.csv \
    python/bilateral/__init__.py python/bilateral/_core.pyi python/bilateral/py.typed; do
    grep -qx "$required" "$tmp/files" || { echo "sdist lacks $required"; status=1; }
done
# Every file the Rust code compiles in with include_str!/include_bytes!, whose paths
# are relative to the including file.
while IFS=: read -r file macro; do
    path=$(sed -E 's/^include_(str|bytes)!\("([^"]+)"\)$/\2/' <<<"$macro")
    included=$(realpath -m --relative-to="$root" "$(dirname "$file")/$path")
    grep -qx "$included" "$tmp/files" || { echo "sdist lacks $included (${file#"$root"/})"; status=1; }
done < <(grep -roE 'include_(str|bytes)!\("[^"]+"\)' "$root/src")
# examples/rust-app is a crate of its own (an application using the library), not part
# of this one: cargo leaves a folder with its own Cargo.toml out.
if grep -E '(^|/)\.venv/|(^|/)target/|__pycache__|\.(so|pyd|dylib)$|^examples/rust-app/' "$tmp/files"; then
    echo "sdist holds the files above, which it should not"
    status=1
fi
[ "$status" -eq 0 ] || exit "$status"

tar xzf "$sdist" -C "$tmp"
unpacked="$tmp/$(basename "$sdist" .tar.gz)"
# Newer than anything built: cargo must compile the crate again, from these files.
find "$unpacked" -type f -exec touch {} +
# pip builds a wheel from the unpacked sdist alone, through maturin as its build backend
# (pyproject.toml's [build-system], taken from .venv), as `pip install` of the sdist
# would. A debug build (--profile dev) into the tree's target/, so the dependencies built
# by `make develop` are reused: only the crate itself is compiled.
python=$(realpath "$(dirname "$maturin")")/python
MATURIN_PEP517_ARGS="--profile dev" CARGO_TARGET_DIR="$root/target" \
    "$python" -m pip wheel --quiet --no-deps --no-build-isolation --disable-pip-version-check \
    --wheel-dir "$tmp/wheel" "$unpacked"
wheel=$(ls "$tmp"/wheel/bilateral-*.whl)
# The wheel holds the extension and the typed package, and that package works.
mkdir "$tmp/site"
(cd "$tmp/site" && "$python" -m zipfile -e "$wheel" .)
"$python" -I -c '
import sys
sys.path.insert(0, sys.argv[1])
import bilateral
assert bilateral.__file__.startswith(sys.argv[1]), bilateral.__file__
assert bilateral.demo().report("AZE", "KAZ").to_markdown().startswith("# Azerbaijan and Kazakhstan")
' "$tmp/site"
for file in bilateral/py.typed bilateral/_core.pyi; do
    [ -f "$tmp/site/$file" ] || { echo "the wheel built from the sdist lacks $file"; exit 1; }
done
echo "OK: $(basename "$sdist"), $(wc -l <"$tmp/files") files; pip builds $(basename "$wheel") from it"
