#!/bin/sh
# Installs the reader udev rule shipped in the package's resources and reloads udev, so readers
# work without root. Safe to run twice.
set -e
RULE=/opt/badgekiosk/resources/udev/60-badgekiosk-readers.rules
if [ -f "$RULE" ]; then
  install -m 0644 "$RULE" /etc/udev/rules.d/60-badgekiosk-readers.rules
  if command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules || true; udevadm trigger --subsystem-match=hidraw || true; fi
fi
