#!/usr/bin/env bash
# Baut resilienz als Release und legt das Programm nach $PREFIX/bin (Standard: ~/.local).
# Das installierte Programm findet die Wissensbasis dieses Checkouts (oder die in $RESILIENZ_KB);
# der Checkout muss daher an seinem Ort bleiben.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-$HOME/.local}"
# Die Swift-Standardbibliothek und Foundation statisch gebunden: Das Programm startet ohne die
# dynamische Bindung von gut zwanzig Bibliotheken, etwa ein Drittel schneller (Benchmarks/README.md,
# "Start-up"); es wird dafür rund 90 MB groß. Eigener Build-Ordner, damit der dynamische Build in
# .build/ (swift build, swift test) nicht jedes Mal neu übersetzt wird.
build=(swift build -c release --product resilienz --static-swift-stdlib --scratch-path .build-static)
"${build[@]}"
install -d "$prefix/bin"
install -m 755 "$("${build[@]}" --show-bin-path)/resilienz" "$prefix/bin/resilienz"
echo "resilienz liegt jetzt in $prefix/bin/resilienz."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Hinweis: $prefix/bin steht nicht im PATH; zum Beispiel in ~/.bashrc ergänzen: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
