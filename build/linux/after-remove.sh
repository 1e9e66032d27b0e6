#!/bin/sh
# Removes the reader udev rule on uninstall (not on upgrade, where after-install puts it back).
set -e
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
  rm -f /etc/udev/rules.d/70-badgekiosk-readers.rules
  if command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules || true; fi
fi
