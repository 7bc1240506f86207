#!/usr/bin/env bash
# open62541 1.4 for a system whose apt sources do not have it (Debian bookworm): downloads libopen62541-1.4 and
# libopen62541-1.4-dev from Debian trixie, with the runtime libraries they need that this system lacks (mbedtls 3.6),
# and unpacks them with dpkg -x into CACHE_DIR. Changes nothing on the system: apt runs with its own sources list,
# lists folder and no package cache, so it needs no root. Run by scripts/test-prereqs.mjs; idempotent.
# Usage: fetch-open62541.sh CACHE_DIR
set -euo pipefail
CACHE=${1:?usage: $0 CACHE_DIR}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)
STAMP="$CACHE/.open62541-unpacked"
ARCH=$(dpkg --print-architecture)
MULTIARCH=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
LIBDIR="$CACHE/usr/lib/$MULTIARCH"
if [ -f "$STAMP" ] && [ -f "$CACHE/usr/include/open62541/server.h" ]; then
  echo "open62541 already in $CACHE:"; cat "$STAMP"; exit 0
fi

# the system's own Debian mirror if it has one (one-line .list or deb822 .sources), else the CDN
MIRROR=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
         | grep -vE '^[[:space:]]*#' | grep -oE 'https?://[^[:space:]]+/debian/?([[:space:]]|$)' \
         | head -1 | tr -d '[:space:]' || true)
MIRROR=${MIRROR:-http://deb.debian.org/debian}
MIRROR=${MIRROR%/}
# bookworm's debian-archive-keyring (2023.3 and later) holds the keys trixie is signed with
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$KEYRING" ] || { echo "missing $KEYRING: apt-get install debian-archive-keyring" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/open62541-apt.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/lists/partial" "$WORK/parts" "$WORK/prefs" "$WORK/debs" "$WORK/archives/partial"
echo "deb [arch=$ARCH signed-by=$KEYRING] $MIRROR trixie main" > "$WORK/sources.list"
APT_OPTS=(
  -o Dir::Etc::sourcelist="$WORK/sources.list"
  -o Dir::Etc::sourceparts="$WORK/parts"
  -o Dir::Etc::preferencesparts="$WORK/prefs"
  -o Dir::State::Lists="$WORK/lists"
  -o Dir::Cache::archives="$WORK/archives"
  -o Dir::Cache::pkgcache=
  -o Dir::Cache::srcpkgcache=
  -o APT::Sandbox::User="$(id -un)"
  -o Acquire::Languages=none
  -o APT::Architectures::="$ARCH"
)
echo "apt-get update (private lists): $MIRROR trixie main"
apt-get "${APT_OPTS[@]}" -qq update

cd "$WORK/debs"
installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]; }

# The two open62541 packages, then every run-time Depends of the library (recursively) this system does not have;
# libc6 (>= 2.34) is met by bookworm's 2.36. The -dev package's Depends (libmbedtls-dev) is not needed: the
# public headers do not include mbedtls.
queue=("libopen62541-1.4" "libopen62541-1.4-dev")
seen=" "
while [ ${#queue[@]} -gt 0 ]; do
  p=${queue[0]}; queue=("${queue[@]:1}")
  case "$seen" in *" $p "*) continue;; esac
  seen="$seen$p "
  apt-get "${APT_OPTS[@]}" -qq download "$p"
  [ "$p" = libopen62541-1.4-dev ] && continue
  deps=$(apt-cache "${APT_OPTS[@]}" show "$p" | sed -n 's/^\(Pre-\)\?Depends: //p' | head -1 \
         | tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/:any//; s/[[:space:]]//g')
  for d in $deps; do installed "$d" || queue+=("$d"); done
done
: > "$WORK/versions"
for d in *.deb; do
  dpkg -x "$d" "$CACHE"
  echo "$(dpkg-deb -f "$d" Package) $(dpkg-deb -f "$d" Version)" | tee -a "$WORK/versions"
done

# every library the cache holds must resolve on this system, symbol versions included
bad=$(LD_LIBRARY_PATH="$LIBDIR" ldd "$LIBDIR"/libopen62541.so.1.4 2>&1 | grep -E 'not found' || true)
if [ -n "$bad" ]; then echo "unresolved libraries:" >&2; echo "$bad" >&2; exit 1; fi
cp "$WORK/versions" "$STAMP"
echo "open62541 unpacked in $CACHE"
