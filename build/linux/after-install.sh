#!/bin/sh
# Installs the reader udev rules shipped in the package's resources (build/udev: known readers by
# vendor ID only) and reloads udev, so readers work without root. Safe to run twice.
set -e
RULE=/opt/badgekiosk/resources/udev/70-badgekiosk-readers.rules
# Early builds shipped a rule without vendor IDs (every hidraw device to plugdev): drop it.
rm -f /etc/udev/rules.d/60-badgekiosk-readers.rules
if [ -f "$RULE" ]; then
  install -m 0644 "$RULE" /etc/udev/rules.d/70-badgekiosk-readers.rules
  if command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules || true; udevadm trigger --subsystem-match=hidraw --subsystem-match=tty --subsystem-match=usb || true; fi
fi
