#!/usr/bin/env bash
# Installs what the browser tests drive: Debian's chromium (Playwright's own browser download cannot work here) and
# CJK fonts so Chinese pages render in screenshots. Source it and call browser_install; it does nothing when both
# are present. When it cannot install them it says why and returns, and the browser tests then fail with the reason.
browser_install() {
  # grep without -q: an early exit would break fc-list's pipe, which pipefail counts as failure.
  if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
    return 0
  fi
  local apt=(apt-get)
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      apt=(sudo -n apt-get)
    else
      echo "Cannot install chromium and fonts-noto-cjk: not root and no password-less sudo. The browser tests will fail." >&2
      return 0
    fi
  fi
  echo "Installing chromium and fonts-noto-cjk for the browser tests..."
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null ||
    echo "Installing chromium and fonts-noto-cjk failed; the browser tests will fail." >&2
}
