#!/usr/bin/env bash
# Proves that no floating-point value becomes an integer without a check (issue 12).
#
#   scripts/check-conversions.sh [BUILD_DIR]     (default .build/debug; build the package first)
#
# `Int(someDouble)` traps on NaN, infinities and values out of range. Every such conversion in
# Sources must use `init?(checked:rounding:)` or `init(saturating:rounding:ifNaN:)`
# (GluteWire/Numbers/CheckedConversion.swift). A text search cannot tell `Int(aDouble)` from
# `Int(anInt32)`, so this asks the compiler: each Swift module of Sources is type-checked again
# together with deprecated overloads `Int(_: Double)`, `UInt16(_: Float)`, ... that shadow the
# standard library's, and every call that picks one of them is printed. Exits 1 when any is left.
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${1:-.build/debug}
MODULES=$BUILD/Modules
[ -d "$MODULES" ] || { echo "check-conversions: no $MODULES; run swift build first" >&2; exit 2; }
SWIFTC=${SWIFTC:-swiftc}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

AUDIT=$SCRATCH/UncheckedConversionAudit.swift
for int in Int Int8 Int16 Int32 Int64 UInt UInt8 UInt16 UInt32 UInt64; do
    for float in Double Float; do
        echo "extension $int { @available(*, deprecated, message: \"unchecked $float -> $int\") public init(_ v: $float) { self.init(exactly: v)! } }"
    done
done > "$AUDIT"

MAPS=()
for map in Sources/*/module.modulemap; do MAPS+=(-Xcc "-fmodule-map-file=$map"); done
# C targets (CMosquitto): the module maps SwiftPM generated for them.
for map in "$BUILD"/*.build/module.modulemap; do [ -f "$map" ] && MAPS+=(-Xcc "-fmodule-map-file=$map"); done
# swift-numerics' C shims (RealModule imports them), from the checkout SwiftPM resolved.
for map in .build/checkouts/swift-numerics*/Sources/_NumericsShims/include/module.modulemap; do
    [ -f "$map" ] && MAPS+=(-Xcc "-fmodule-map-file=$map")
done

# `package` declarations are visible only within the package: SwiftPM names it after the
# checkout's directory (its identity), as the build's description records.
PACKAGE_NAME=$(grep -A1 '"-package-name"' "$BUILD/description.json" 2>/dev/null | grep -v -e package-name -e swift_ -e '^--' \
    | tr -d ' ",' | head -1 || true)
[ -n "$PACKAGE_NAME" ] || PACKAGE_NAME=$(basename "$PWD" | tr 'A-Z-.' 'a-z__')

found=0
for dir in Sources/*/; do
    module=$(basename "$dir")
    mapfile -t files < <(find "$dir" -name '*.swift' | sort)
    [ ${#files[@]} -gt 0 ] || continue
    mode=-parse-as-library
    for f in "${files[@]}"; do [ "$(basename "$f")" = main.swift ] && mode=; done
    # shellcheck disable=SC2086
    out=$("$SWIFTC" -typecheck -module-name "$module" -package-name "$PACKAGE_NAME" $mode -I "$MODULES" "${MAPS[@]}" "${files[@]}" "$AUDIT" 2>&1 || true)
    if grep -q ': error:' <<<"$out"; then
        echo "check-conversions: $module does not type-check here:" >&2
        grep ': error:' <<<"$out" | head -5 >&2
        exit 2
    fi
    # The checked helpers themselves are the one place a conversion may be written plainly.
    hits=$(grep -E '^Sources/.*warning: .*unchecked (Double|Float) ->' <<<"$out" | grep -v '^Sources/GluteWire/Numbers/CheckedConversion.swift:' | sed -E 's/: warning: .*(unchecked [A-Za-z0-9]+ -> [A-Za-z0-9]+).*/: \1/' | sort -u || true)
    if [ -n "$hits" ]; then
        echo "$hits"
        found=$((found + $(wc -l <<<"$hits")))
    fi
done

if [ "$found" -gt 0 ]; then
    echo "check-conversions: $found unchecked floating-point to integer conversions (use init(checked:) or init(saturating:))" >&2
    exit 1
fi
echo "check-conversions: no unchecked floating-point to integer conversion in Sources"
