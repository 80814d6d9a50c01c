#!/usr/bin/env bash
# Baut resilienz als Release und legt das Programm nach $PREFIX/bin (Standard: ~/.local).
# Das installierte Programm findet die Wissensbasis dieses Checkouts (oder die in $RESILIENZ_KB);
# der Checkout muss daher an seinem Ort bleiben.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-$HOME/.local}"
swift build -c release --product resilienz
install -d "$prefix/bin"
install -m 755 "$(swift build -c release --show-bin-path)/resilienz" "$prefix/bin/resilienz"
echo "resilienz liegt jetzt in $prefix/bin/resilienz."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Hinweis: $prefix/bin steht nicht im PATH; zum Beispiel in ~/.bashrc ergänzen: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
