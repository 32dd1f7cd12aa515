#!/usr/bin/env bash
# Makes sure the things Groundwork's run and tests need are on this machine.
#
#   scripts/db.sh ensure    PostgreSQL with pgvector on localhost:$GROUNDWORK_DB_PORT (default 5432),
#                           role groundwork/groundwork (superuser), database groundwork with the
#                           vector extension. Docker Compose (service db) when a Docker engine
#                           answers and GROUNDWORK_DB_MODE is not "local"; otherwise a local
#                           server from Debian's packages (Debian/Ubuntu), installed when missing,
#                           with pgvector built from Debian's source package when no binary exists.
#   scripts/db.sh env       shell exports for the tests (a superuser connection to the server).
#   scripts/db.sh browser   Debian's chromium for the browser tests, installed when missing.
#
# Idempotent: a second run only checks. Progress lines start with "db:"; on failure the last line
# says why and the exit status is non-zero.
#
# Environment: GROUNDWORK_DB_MODE = auto (default) | local | docker; GROUNDWORK_DB_PORT (5432).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${GROUNDWORK_DB_PORT:-5432}"
MODE="${GROUNDWORK_DB_MODE:-auto}"
DB_NAME=groundwork
DB_USER=groundwork
DB_PASSWORD=groundwork
# Debian's pgvector source package comes from this suite when the machine's own suite has no
# postgresql-<ver>-pgvector binary (Debian 12 has none).
PGVECTOR_SRC_SUITE=trixie
APT_SRC_FILE=/etc/apt/sources.list.d/groundwork-${PGVECTOR_SRC_SUITE}-src.sources
APT_PIN_FILE=/etc/apt/preferences.d/groundwork-${PGVECTOR_SRC_SUITE}-src
export DEBIAN_FRONTEND=noninteractive

log() { printf 'db: %s\n' "$*"; }
die() { printf 'db: error: %s\n' "$*" >&2; exit 1; }

LOG_FILE=""
TMP_DIR=""
cleanup() {
  [[ -n "$LOG_FILE" ]] && rm -f "$LOG_FILE"
  [[ -n "$TMP_DIR" ]] && rm -rf "$TMP_DIR"
  return 0
}
trap cleanup EXIT

# Runs a command with its output in a log; on failure shows the log's tail and dies with $1.
quietly() {
  local what="$1"; shift
  [[ -n "$LOG_FILE" ]] || LOG_FILE="$(mktemp /tmp/groundwork-db.XXXXXX.log)"
  if ! "$@" >"$LOG_FILE" 2>&1; then
    tail -n 25 "$LOG_FILE" | sed 's/^/db:   | /' >&2
    die "$what failed (command: $*)"
  fi
}

# Prefix for commands that need root: nothing as root, sudo otherwise.
AS_ROOT=()
need_root() {
  if [[ $EUID -eq 0 ]]; then
    AS_ROOT=()
  elif command -v sudo >/dev/null 2>&1; then
    AS_ROOT=(sudo)
  else
    die "installing or starting PostgreSQL needs root, and sudo is not installed: run this as root (or install sudo)"
  fi
}

as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    need_root
    (cd / && sudo -u postgres -- "$@")
  fi
}

APT_UPDATED=0
apt_update() {
  need_root
  log "apt-get update"
  quietly "apt-get update" "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  APT_UPDATED=1
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 \
    || die "apt-get not found: install $* yourself (this script installs packages on Debian/Ubuntu only)"
  need_root
  [[ $APT_UPDATED -eq 1 ]] || apt_update
  log "apt-get install $*"
  quietly "apt-get install $*" "${AS_ROOT[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q -o DPkg::Lock::Timeout=300 "$@"
}

# ---------------------------------------------------------------------------------------- docker

docker_engine_answers() {
  command -v docker >/dev/null 2>&1 || return 1
  if command -v timeout >/dev/null 2>&1; then
    timeout 10 docker info >/dev/null 2>&1
  else
    docker info >/dev/null 2>&1
  fi
}

ensure_docker() {
  log "Docker engine answers: docker compose up -d --wait db (${ROOT}/docker-compose.yml)"
  GROUNDWORK_DB_PORT="$PORT" docker compose -f "$ROOT/docker-compose.yml" up -d --wait db \
    || die "docker compose up -d --wait db failed (is port $PORT taken? GROUNDWORK_DB_MODE=local uses a local server instead)"
}

# ----------------------------------------------------------------------------------------- local

# Highest PostgreSQL major version whose server binaries are installed (Debian layout), or nothing.
server_version() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x "$dir" ]] || continue
    dir="${dir#/usr/lib/postgresql/}"
    dir="${dir%%/*}"
    if [[ -z "$best" ]] || (( dir > best )); then best="$dir"; fi
  done
  printf '%s' "$best"
}

vector_installed() {
  local ver="$1"
  [[ -f "/usr/share/postgresql/$ver/extension/vector.control" ]]
}

# The URL the machine already uses for Debian's main archive (bookworm or whichever suite it runs).
debian_mirror() {
  local suite="$1" url="" f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" && "$f" != "$APT_SRC_FILE" ]] || continue
    url="$(awk -v suite="$suite" 'BEGIN { RS = ""; FS = "\n" }
      { uri = ""; ok = 0; off = 0
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
          if ($i ~ /^Suites:/ && (" " $i " ") ~ ("[ \t]" suite "[ \t]")) ok = 1
          if ($i ~ /^Enabled:[ \t]*no/) off = 1
        }
        if (ok && !off && uri != "") { print uri; exit } }' "$f")"
    [[ -n "$url" ]] && { printf '%s' "$url"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    url="$(awk -v suite="$suite" '$1 == "deb" {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == suite) { print $i; exit } }' "$f")"
    [[ -n "$url" ]] && { printf '%s' "$url"; return; }
  done
  printf 'http://deb.debian.org/debian'
}

install_server() {
  log "no PostgreSQL server installed: installing Debian's postgresql"
  apt_install postgresql
  [[ -n "$(server_version)" ]] || die "apt-get installed postgresql, but no server binary is under /usr/lib/postgresql/*/bin"
}

# Debian's binary package where the machine's suite has one, else Debian's source package, built.
install_pgvector() {
  local ver="$1" codename="" mirror candidate
  [[ $APT_UPDATED -eq 1 ]] || apt_update
  candidate="$(apt-cache policy "postgresql-$ver-pgvector" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  if [[ -n "$candidate" && "$candidate" != "(none)" ]]; then
    log "pgvector: installing postgresql-$ver-pgvector $candidate"
    apt_install "postgresql-$ver-pgvector"
    return
  fi

  # shellcheck disable=SC1091
  codename="$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:-}")"
  mirror="$(debian_mirror "${codename:-bookworm}")"
  log "pgvector: no binary package for PostgreSQL $ver; building Debian's source package from $PGVECTOR_SRC_SUITE ($mirror)"
  need_root
  local added=0
  if [[ ! -f "$APT_SRC_FILE" ]]; then
    added=1
    log "pgvector: adding $APT_SRC_FILE (deb-src only) and pinning $PGVECTOR_SRC_SUITE binaries to -1"
    printf '%s\n' \
      "# Added by Groundwork scripts/db.sh: source packages only, to build pgvector." \
      "Types: deb-src" \
      "URIs: $mirror" \
      "Suites: $PGVECTOR_SRC_SUITE" \
      "Components: main" \
      "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" \
      | "${AS_ROOT[@]}" tee "$APT_SRC_FILE" >/dev/null
  fi
  if [[ ! -f "$APT_PIN_FILE" ]]; then
    added=1
    printf '%s\n' \
      "# Added by Groundwork scripts/db.sh: never install binary packages from $PGVECTOR_SRC_SUITE." \
      "Package: *" \
      "Pin: release n=$PGVECTOR_SRC_SUITE" \
      "Pin-Priority: -1" \
      | "${AS_ROOT[@]}" tee "$APT_PIN_FILE" >/dev/null
  fi
  [[ $added -eq 0 ]] || apt_update
  apt_install --no-install-recommends "postgresql-server-dev-$ver" build-essential dpkg-dev

  TMP_DIR="$(mktemp -d /tmp/groundwork-pgvector.XXXXXX)"
  chmod 755 "$TMP_DIR"
  # apt downloads as the unprivileged _apt user when run as root; let it write here.
  if [[ $EUID -eq 0 ]] && id _apt >/dev/null 2>&1; then chown _apt "$TMP_DIR"; fi
  log "pgvector: apt-get source pgvector"
  quietly "apt-get source pgvector" env -C "$TMP_DIR" apt-get source -q pgvector
  local src
  src="$(find "$TMP_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
  [[ -n "$src" ]] || die "apt-get source pgvector left no pgvector-* directory in $TMP_DIR"
  local pg_config="/usr/lib/postgresql/$ver/bin/pg_config" start=$SECONDS
  log "pgvector: building ${src##*/} for PostgreSQL $ver"
  quietly "building pgvector" make -C "$src" -j"$(nproc 2>/dev/null || echo 2)" PG_CONFIG="$pg_config"
  quietly "installing pgvector" "${AS_ROOT[@]}" make -C "$src" install PG_CONFIG="$pg_config"
  log "pgvector: built and installed in $((SECONDS - start)) s"
  vector_installed "$ver" || die "pgvector installed, but /usr/share/postgresql/$ver/extension/vector.control is missing"
}

# Port, status of cluster <ver>/main from pg_lsclusters; empty when there is no such cluster.
cluster_line() {
  pg_lsclusters -h 2>/dev/null | awk -v ver="$1" '$1 == ver && $2 == "main" { print $3, $4 }'
}

ensure_cluster() {
  local ver="$1" line port status
  line="$(cluster_line "$ver")"
  if [[ -z "$line" ]]; then
    need_root
    log "creating cluster $ver/main on port $PORT"
    quietly "pg_createcluster" "${AS_ROOT[@]}" pg_createcluster -p "$PORT" "$ver" main
    line="$(cluster_line "$ver")"
  fi
  read -r port status <<<"$line"
  if [[ "$port" != "$PORT" ]]; then
    die "cluster $ver/main is configured for port $port, not $PORT: run with GROUNDWORK_DB_PORT=$port, or set port = $PORT in /etc/postgresql/$ver/main/postgresql.conf"
  fi
  if [[ "$status" == online* ]]; then
    log "cluster $ver/main running on port $port"
  else
    need_root
    log "starting cluster $ver/main on port $port"
    quietly "pg_ctlcluster $ver main start (is port $port taken by another server?)" \
      "${AS_ROOT[@]}" pg_ctlcluster "$ver" main start
  fi
}

psql_admin() {
  as_postgres psql -X -q -A -t -v ON_ERROR_STOP=1 -p "$PORT" "$@"
}

ensure_role_and_database() {
  local role
  [[ $EUID -eq 0 ]] || need_root
  role="$(psql_admin -d postgres -c "select rolsuper::text || ' ' || rolcanlogin::text from pg_roles where rolname = '$DB_USER'")" \
    || die "cannot connect to the cluster as postgres on port $PORT"
  if [[ -z "$role" ]]; then
    log "creating role $DB_USER (login, superuser)"
    psql_admin -d postgres -c "create role $DB_USER login superuser password '$DB_PASSWORD'" >/dev/null
  elif [[ "$role" != "true true" ]]; then
    log "role $DB_USER exists; making it login superuser"
    psql_admin -d postgres -c "alter role $DB_USER login superuser" >/dev/null
  else
    log "role $DB_USER present"
  fi
  if [[ -z "$(psql_admin -d postgres -c "select 1 from pg_database where datname = '$DB_NAME'")" ]]; then
    log "creating database $DB_NAME owned by $DB_USER"
    psql_admin -d postgres -c "create database $DB_NAME owner $DB_USER" >/dev/null
  else
    log "database $DB_NAME present"
  fi
  PGOPTIONS='-c client_min_messages=warning' psql_admin -d "$DB_NAME" -c "create extension if not exists vector" >/dev/null
}

# The check the app and the tests rely on: password login over TCP, vector in the database.
tcp_check() {
  # shellcheck disable=SC2016  # $$vector$$ is SQL dollar quoting
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -A -t -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" \
    -c 'select extversion from pg_extension where extname = $$vector$$' 2>&1
}

# Already usable (any server on localhost:$PORT): "<superuser> <vector version>", e.g. "true 0.8.0".
ready_check() {
  command -v psql >/dev/null 2>&1 || return 1
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -A -t -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" \
    -c "select (select rolsuper from pg_roles where rolname = current_user)::text || ' '
               || coalesce((select extversion from pg_extension where extname = 'vector'), 'none')" 2>/dev/null
}

ensure_local() {
  local ready
  if ready="$(ready_check)" && [[ "$ready" == "true "* && "$ready" != *" none" ]]; then
    log "server on localhost:$PORT already has superuser $DB_USER and vector ${ready#true } in database $DB_NAME"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || [[ -n "$(server_version)" ]] \
    || die "no Docker engine answered and this is not a Debian/Ubuntu machine: start PostgreSQL with pgvector on localhost:$PORT (role $DB_USER/$DB_PASSWORD, superuser) or start Docker"
  local ver
  ver="$(server_version)"
  if [[ -z "$ver" ]]; then
    install_server
    ver="$(server_version)"
  fi
  log "PostgreSQL $ver server installed"
  if vector_installed "$ver"; then
    log "pgvector present for PostgreSQL $ver"
  else
    install_pgvector "$ver"
  fi
  ensure_cluster "$ver"
  ensure_role_and_database
  local out
  if ! out="$(tcp_check)"; then
    die "password login over TCP failed (psql -h 127.0.0.1 -p $PORT -U $DB_USER): ${out//$'\n'/ } -- check host lines in /etc/postgresql/$ver/main/pg_hba.conf"
  fi
  [[ -n "$out" ]] || die "connected over TCP, but the vector extension is missing in database $DB_NAME"
  log "TCP login as $DB_USER works; vector $out in database $DB_NAME"
}

cmd_ensure() {
  case "$MODE" in
    auto | docker | local) ;;
    *) die "GROUNDWORK_DB_MODE must be auto, local or docker, not '$MODE'" ;;
  esac
  if [[ "$MODE" != local ]] && docker_engine_answers; then
    ensure_docker
  elif [[ "$MODE" == docker ]]; then
    die "GROUNDWORK_DB_MODE=docker, but no Docker engine answers (docker info)"
  else
    ensure_local
  fi
  log "ready at jdbc:postgresql://localhost:$PORT/$DB_NAME (user $DB_USER)"
}

cmd_env() {
  printf 'export GROUNDWORK_TEST_DB_URL=jdbc:postgresql://localhost:%s/postgres\n' "$PORT"
  printf 'export GROUNDWORK_TEST_DB_USER=%s\n' "$DB_USER"
  printf 'export GROUNDWORK_TEST_DB_PASSWORD=%s\n' "$DB_PASSWORD"
}

cmd_browser() {
  if [[ -x /usr/bin/chromium ]]; then
    log "chromium present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
    return
  fi
  log "chromium missing: installing Debian's chromium"
  apt_install chromium
  [[ -x /usr/bin/chromium ]] || die "apt-get installed chromium, but /usr/bin/chromium is missing"
  log "chromium installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
}

case "${1:-}" in
  ensure) cmd_ensure ;;
  env) cmd_env ;;
  browser) cmd_browser ;;
  *)
    printf 'usage: %s ensure | env | browser\n' "$0" >&2
    exit 2
    ;;
esac
