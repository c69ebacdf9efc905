# SPDX-FileCopyrightText: 2026 RCM Workbench contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/test, scripts/demo and scripts/bench. Sourced, not run.
# shellcheck shell=bash

RCM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RCM_BUILD_DIR="$RCM_ROOT/build/default"

# Everything a fresh Debian 12 machine needs to build, test, package and demo.
RCM_PACKAGES=(
    cmake ninja-build g++ pkg-config git
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev qt6-networkauth-dev
    qt6-tools-dev qt6-l10n-tools qt6-svg-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-websockets-dev  # Debian 12's Qt6HttpServer CMake config needs it but does not depend on it
    qtkeychain-qt6-dev libxlsxwriter-dev libsqlite3-dev
    libsimdjson-dev  # reads sync pages: a first sync reads a million items
    clang-format dpkg-dev file desktop-file-utils
    openssl  # the TLS tests make a throwaway certificate at run time
    systemd  # systemd-analyze verify checks the gateway's service unit
    dbus-daemon  # the offline-unlock keyring test runs a private session bus
    python3-openpyxl poppler-utils  # the report tests read exported XLSX and PDF files back
    clang libclang-rt-14-dev  # libFuzzer for the X12 reader's fuzz target (tests/x12/fuzz)
    xvfb xauth
)

rcm_say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

rcm_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs whichever of RCM_PACKAGES are missing; quiet and quick when none are.
rcm_ensure_packages() {
    local missing=()
    local package
    for package in "${RCM_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        rcm_say "All ${#RCM_PACKAGES[@]} required Debian packages are installed"
        return 0
    fi
    rcm_say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    rcm_install_packages "${missing[@]}"
}

rcm_install_packages() {
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
        echo "Not root and no sudo: install these packages, then run again: $*" >&2
        exit 1
    fi
    rcm_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    rcm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# The OpenAPI linter: Spectral's command line from npm at one exact version, kept in
# build/tools (not on the system) so that a second run finds it there.
RCM_SPECTRAL_VERSION=6.16.3
RCM_TOOLS_DIR="$RCM_ROOT/build/tools"
RCM_SPECTRAL="$RCM_TOOLS_DIR/node_modules/.bin/spectral"

# Installs Node.js and npm from Debian when there is no npm (a machine may have its own
# Node.js with npm: it is used as it is), then Spectral when it is missing.
rcm_ensure_spectral() {
    if ! command -v npm >/dev/null; then
        rcm_say "Installing Node.js and npm (Debian packages) for the OpenAPI linter"
        rcm_install_packages nodejs npm
    fi
    if [ -x "$RCM_SPECTRAL" ] && [ "$("$RCM_SPECTRAL" --version 2>/dev/null)" = "$RCM_SPECTRAL_VERSION" ]; then
        return 0
    fi
    rcm_say "Installing Spectral $RCM_SPECTRAL_VERSION into build/tools"
    mkdir -p "$RCM_TOOLS_DIR"
    npm install --prefix "$RCM_TOOLS_DIR" --save-exact --no-audit --no-fund --loglevel=error \
        "@stoplight/spectral-cli@$RCM_SPECTRAL_VERSION"
}

# Lints the API description with the spectral:oas rules (.spectral.yaml); any error or
# warning fails.
rcm_lint_openapi() {
    rcm_say "Linting docs/api/openapi.yaml (Spectral $RCM_SPECTRAL_VERSION, spectral:oas)"
    if ! "$RCM_SPECTRAL" lint --ruleset "$RCM_ROOT/.spectral.yaml" --fail-severity=warn \
        "$RCM_ROOT/docs/api/openapi.yaml"; then
        echo "docs/api/openapi.yaml does not pass Spectral: fix what it lists above" >&2
        return 1
    fi
}

# Configures once, then builds what changed (Ninja reconfigures itself when CMake files change).
rcm_build() {
    if [ ! -f "$RCM_BUILD_DIR/CMakeCache.txt" ]; then
        rcm_say "Configuring the build in build/default"
        cmake --preset default -S "$RCM_ROOT" >/dev/null
    fi
    rcm_say "Building ($(nproc) jobs)"
    cmake --build "$RCM_BUILD_DIR" --parallel "$(nproc)" "$@"
}
