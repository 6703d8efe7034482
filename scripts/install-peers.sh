#!/usr/bin/env bash
# Installs the test peers' Debian packages (those named as arguments, or all of
# scripts/peer-packages.txt) through apt-get, as root, without letting their system services start:
# the tests run their own Dovecot, Postfix and dnsmasq on loopback and need ports 993, 465, 53...
# Then stops any of those services that runs anyway (the machine had it, or no policy-rc.d support).
# Used by `npm test`'s preflight (the missing packages) and by .ci/run (all of them).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -ne 0 ]; then
  echo "install-peers: run as root (apt-get installs system packages)" >&2
  exit 1
fi

if [ "$#" -gt 0 ]; then
  PACKAGES=("$@")
else
  mapfile -t PACKAGES < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$HERE/peer-packages.txt")
fi

export DEBIAN_FRONTEND=noninteractive
APT_LOG=$(mktemp)
POLICY=/usr/sbin/policy-rc.d
OWN_POLICY=no
cleanup() {
  rm -f "$APT_LOG"
  if [ "$OWN_POLICY" = yes ]; then rm -f "$POLICY"; fi
}
trap cleanup EXIT

quiet_apt() {
  # Quiet unless it fails; then the whole log explains why.
  if ! "$@" >>"$APT_LOG" 2>&1; then
    cat "$APT_LOG" >&2
    return 1
  fi
}

# Keep the packages' services from starting at all (invoke-rc.d and deb-systemd-invoke ask this).
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$POLICY"
  chmod +x "$POLICY"
  OWN_POLICY=yes
fi
quiet_apt apt-get -qq update
quiet_apt apt-get -qq install -y --no-install-recommends -o Dpkg::Use-Pty=0 "${PACKAGES[@]}"
if [ "$OWN_POLICY" = yes ]; then
  rm -f "$POLICY"
  OWN_POLICY=no
fi

# The system services these packages bring, and the pid file each writes when it runs.
declare -A PID_FILE=(
  [dovecot]=/run/dovecot/master.pid
  [postfix]=/var/spool/postfix/pid/master.pid
  [dnsmasq]=/run/dnsmasq/dnsmasq.pid
)
SERVICES=()
for package in "${PACKAGES[@]}"; do
  case $package in
  dovecot-*) [[ " ${SERVICES[*]} " == *" dovecot "* ]] || SERVICES+=(dovecot) ;;
  postfix | dnsmasq) SERVICES+=("$package") ;;
  esac
done

# Stopped by the service manager where there is one, else by the pid the service wrote: never by
# name, which would also end the tests' own Dovecot, Postfix and dnsmasq.
pids=()
for service in "${SERVICES[@]}"; do
  if command -v systemctl >/dev/null; then systemctl disable --now "$service" >/dev/null 2>&1 || true; fi
  if command -v service >/dev/null; then service "$service" stop >/dev/null 2>&1 || true; fi
  pid=$(cat "${PID_FILE[$service]}" 2>/dev/null || true)
  pid=${pid//[[:space:]]/}
  if [[ $pid =~ ^[0-9]+$ ]] && kill "$pid" 2>/dev/null; then pids+=("$pid"); fi
done
for _ in $(seq 50); do
  alive=()
  for pid in "${pids[@]}"; do if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); fi; done
  [ "${#alive[@]}" -eq 0 ] && exit 0
  sleep 0.1
done
echo "install-peers: system services still running (pids ${alive[*]})" >&2
exit 1
