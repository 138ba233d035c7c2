#!/usr/bin/env bash
# AppealBot installer for a Debian 12 / Ubuntu 24.04 VPS with systemd. Run as root:
#
#   sudo ./deploy/install.sh              install, or upgrade (re-run after `git pull`)
#   sudo ./deploy/install.sh --uninstall  stop and remove the service and the program; keep data and token
#
# From a checkout of the repository it builds AppealBot with the .NET 10 SDK; from an unpacked release
# directory it uses the prebuilt `AppealBot` (with `libe_sqlite3.so` and `libSkiaSharp.so`) lying next to this script.
# Safe to run again: the token file is kept, and the database is backed up before anything is replaced.
#
# The token is asked for (hidden) unless APPEALBOT_TOKEN is set or /etc/appealbot/appealbot.env has one:
#   sudo APPEALBOT_TOKEN='123456789:AA...' ./deploy/install.sh    (also replaces a token already there)
# APPEALBOT_NATIVE=1 builds a Native AOT executable instead of a self-contained single file.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi  # started as `sh install.sh`
set -euo pipefail

readonly APP_USER=appealbot
readonly OPT_DIR=/opt/appealbot
readonly ETC_DIR=/etc/appealbot
readonly ENV_FILE=$ETC_DIR/appealbot.env
readonly STATE_DIR=/var/lib/appealbot
readonly BACKUP_DIR=$STATE_DIR/backups
readonly UNIT_DIR=/etc/systemd/system
readonly SERVICE=appealbot.service
readonly TIMER=appealbot-backup.timer
readonly UNITS=(appealbot.service appealbot-backup.service appealbot-backup.timer)
# Files that make up the program in /opt/appealbot: the executable and the native libraries of SQLite and
# SkiaSharp (collages), which a single-file or Native AOT publish leaves beside it.
readonly PROGRAM_FILES=(AppealBot libe_sqlite3.so libSkiaSharp.so)
readonly KEEP_PRE_UPGRADE=5

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly HERE
WORK=""

say() { printf '==> %s\n' "$*"; }
warn() { printf 'install.sh: warning: %s\n' "$*" >&2; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

cleanup() {
    if [[ -n $WORK ]]; then rm -rf "$WORK"; fi
    rm -rf "$OPT_DIR/.staging"
}

usage() {
    cat <<'EOF'
Usage: sudo ./deploy/install.sh [--uninstall]

  (no option)   Install AppealBot as the systemd service "appealbot", or upgrade it: the database is
                backed up to /var/lib/appealbot/backups/pre-upgrade-<time>.db before the program is replaced.
  --uninstall   Stop and disable the service and the backup timer, remove the program from /opt/appealbot.
                The database (/var/lib/appealbot) and the token (/etc/appealbot) are kept.

Environment: APPEALBOT_TOKEN=<token from @BotFather> sets the token without asking.
             APPEALBOT_NATIVE=1 builds a Native AOT executable: about half the memory and a third of the
             start-up time (installs clang and zlib1g-dev for the build; needs about 2 GB of memory + swap).
EOF
}

# --- helpers -------------------------------------------------------------------------------------

# The value of KEY in the env file (last occurrence wins, as with systemd), or nothing.
env_value() {
    local key=$1 line value=""
    [[ -f $ENV_FILE ]] || return 0
    while IFS= read -r line || [[ -n $line ]]; do
        if [[ $line == "$key="* ]]; then value=${line#"$key="}; fi
    done < "$ENV_FILE"
    # systemd strips one pair of surrounding quotes; so do we.
    if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then value=${BASH_REMATCH[1]}; fi
    printf '%s' "$value"
}

# Exports every KEY=value of the env file into the current (sub)shell, as systemd would pass them.
export_env_file() {
    local line key value
    [[ -f $ENV_FILE ]] || return 0
    while IFS= read -r line || [[ -n $line ]]; do
        [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
        [[ $line =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || continue
        key=${BASH_REMATCH[1]}
        value=${BASH_REMATCH[2]}
        if [[ $value =~ ^\"(.*)\"$ || $value =~ ^\'(.*)\'$ ]]; then value=${BASH_REMATCH[1]}; fi
        export "$key=$value"
    done < "$ENV_FILE"
}

valid_token() {
    [[ $1 =~ ^[0-9]{5,20}:[A-Za-z0-9_-]{30,}$ ]]
}

rid_of_machine() {
    case "$(uname -m)" in
        x86_64 | amd64) echo linux-x64 ;;
        aarch64 | arm64) echo linux-arm64 ;;
        *) die "unsupported CPU architecture $(uname -m): AppealBot is built for x86_64 (linux-x64) and aarch64 (linux-arm64)." ;;
    esac
}

# The runtime identifier an ELF executable was built for, from its e_machine field.
rid_of_binary() {
    local magic machine
    magic=$(od -An -tx1 -N4 "$1" | tr -d ' \n')
    [[ $magic == 7f454c46 ]] || { echo "not-elf"; return 0; }
    machine=$(od -An -tx1 -j18 -N2 "$1" | tr -d ' \n')
    case $machine in
        3e00) echo linux-x64 ;;
        b700) echo linux-arm64 ;;
        *) echo "machine-$machine" ;;
    esac
}

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# The SQLite file named by ConnectionStrings__AppealBot (relative paths are relative to the service's
# working directory, /var/lib/appealbot; the app's default "appealbot.db" therefore lands there too).
database_path() {
    local conn path=""
    conn=$(env_value ConnectionStrings__AppealBot)
    [[ -n $conn ]] || conn="Data Source=appealbot.db"
    local re='(^|;)[[:space:]]*(data source|datasource|filename)[[:space:]]*=[[:space:]]*([^;]*)'
    shopt -s nocasematch
    if [[ $conn =~ $re ]]; then path=${BASH_REMATCH[3]}; fi
    shopt -u nocasematch
    path=${path%"${path##*[![:space:]]}"}
    [[ -n $path ]] || path=appealbot.db
    [[ $path == /* ]] || path=$STATE_DIR/$path
    printf '%s' "$path"
}

# --- steps ---------------------------------------------------------------------------------------

install_packages() {
    local wanted=() icu
    command -v apt-get >/dev/null 2>&1 || { warn "apt-get not found: make sure ICU (libicu), ca-certificates and sqlite3 are installed."; return 0; }
    is_installed ca-certificates || wanted+=(ca-certificates)
    # Online backups before an upgrade, and a way to look into the database.
    is_installed sqlite3 || wanted+=(sqlite3)
    # .NET needs ICU for cultures (ru, it, en); a self-contained app uses the system's libicu.
    if ! ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so\.[0-9]'; then
        icu=libicu
    fi
    if (( ${#wanted[@]} == 0 )) && [[ -z ${icu:-} ]]; then
        return 0
    fi
    say "Installing system packages: ${wanted[*]} ${icu:+libicu}"
    apt-get update -qq
    if [[ -n ${icu:-} ]]; then
        # libicu72 on Debian 12, libicu74 on Ubuntu 24.04: take the newest the archive offers.
        icu=$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -n 1)
        [[ -n $icu ]] || die "no libicu package found in the apt sources; install ICU and run again."
        wanted+=("$icu")
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}"
}

print_sdk_help() {
    cat >&2 <<'EOF'

The .NET 10 SDK is needed to build AppealBot (a release archive with a prebuilt AppealBot needs none).
Install it from your distribution or Microsoft's packages, then run this script again:

  Debian 12:
    sudo apt-get install -y wget
    wget https://packages.microsoft.com/config/debian/12/packages-microsoft-prod.deb -O packages-microsoft-prod.deb
    sudo dpkg -i packages-microsoft-prod.deb && rm packages-microsoft-prod.deb
    sudo apt-get update && sudo apt-get install -y dotnet-sdk-10.0

  Ubuntu 24.04:
    sudo apt-get update && apt-cache policy dotnet-sdk-10.0
    # shows a "Candidate:" version -> sudo apt-get install -y dotnet-sdk-10.0
    # shows "(none)"               -> sudo add-apt-repository ppa:dotnet/backports, then the same install

  Everything else: https://learn.microsoft.com/dotnet/core/install/linux
EOF
}

# Publishes a self-contained single-file AppealBot for $1 into directory $2. The sources are copied to
# a temporary directory first, so the checkout gets no root-owned bin/ or obj/ folders.
build_program() {
    local rid=$1 out=$2 repo
    repo=$(cd "$HERE/.." && pwd)
    [[ -f $repo/src/AppealBot/AppealBot.csproj ]] ||
        die "no prebuilt AppealBot next to $0 and no sources ($repo/src/AppealBot) to build one from."
    if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        print_sdk_help
        exit 1
    fi

    local mem_kb
    mem_kb=$(awk '/^(MemTotal|SwapTotal):/ {sum += $2} END {print sum + 0}' /proc/meminfo)
    if (( mem_kb < 1500000 )); then
        warn "less than 1.5 GB of memory + swap: the build may be killed. If it is, add swap (see docs/deploy.md)."
    fi

    local sources=() item
    for item in src Directory.Build.props Directory.Packages.props global.json .editorconfig NuGet.config nuget.config; do
        if [[ -e $repo/$item ]]; then sources+=("$item"); fi
    done
    mkdir -p "$WORK/src"
    tar -C "$repo" --exclude=bin --exclude=obj --exclude=TestResults -cf - "${sources[@]}" | tar -C "$WORK/src" -xf -

    local kind=(--self-contained true -p:PublishSingleFile=true)
    if [[ ${APPEALBOT_NATIVE:-0} == 1 ]]; then
        # Native AOT: compiled ahead of time by the ILCompiler package, linked with clang.
        local toolchain=()
        command -v clang >/dev/null 2>&1 || toolchain+=(clang)
        [[ -f /usr/include/zlib.h ]] || toolchain+=(zlib1g-dev)
        if (( ${#toolchain[@]} > 0 )); then
            say "Installing the Native AOT toolchain: ${toolchain[*]}"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${toolchain[@]}"
        fi
        kind=(-p:PublishAot=true)
    fi

    say "Building AppealBot for $rid (takes a few minutes on a small VPS)"
    if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
        dotnet publish "$WORK/src/src/AppealBot" -c Release -r "$rid" "${kind[@]}" \
        --disable-build-servers -o "$out"; then
        die "the build failed (see above). If it was killed for lack of memory, add swap (docs/deploy.md) and run again."
    fi
}

# Puts the program to install into directory $1: the prebuilt one next to this script, or a fresh build.
obtain_program() {
    local rid=$1 dest=$2 got
    if [[ -f $HERE/AppealBot ]]; then
        say "Using the prebuilt AppealBot in $HERE"
        mkdir -p "$dest"
        local file
        for file in "${PROGRAM_FILES[@]}"; do
            if [[ -f $HERE/$file ]]; then cp "$HERE/$file" "$dest/"; fi
        done
    else
        build_program "$rid" "$dest"
    fi
    [[ -f $dest/AppealBot ]] || die "no AppealBot executable was produced."
    got=$(rid_of_binary "$dest/AppealBot")
    [[ $got == "$rid" ]] || die "the AppealBot executable is for $got, but this machine is $rid."
    [[ -f $dest/libe_sqlite3.so ]] || warn "no libe_sqlite3.so beside AppealBot: the bot will not be able to open its database."
    [[ -f $dest/libSkiaSharp.so ]] || warn "no libSkiaSharp.so beside AppealBot: the bot will not be able to make collages."
}

create_user_and_dirs() {
    if ! getent group "$APP_USER" >/dev/null; then
        groupadd --system "$APP_USER"
    fi
    if ! getent passwd "$APP_USER" >/dev/null; then
        say "Creating system user $APP_USER"
        useradd --system --gid "$APP_USER" --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin --comment "AppealBot Telegram bot" "$APP_USER"
    fi
    install -d -m 0755 -o root -g root "$OPT_DIR"
    install -d -m 0750 -o root -g "$APP_USER" "$ETC_DIR"
    install -d -m 0750 -o "$APP_USER" -g "$APP_USER" "$STATE_DIR" "$BACKUP_DIR"
}

read_token() {
    local token="" tries
    if ! { : < /dev/tty; } 2>/dev/null; then
        die "no token: run with APPEALBOT_TOKEN='<token from @BotFather>' or put it into $ENV_FILE (Telegram__BotToken=...)."
    fi
    for tries in 1 2 3; do
        printf 'Telegram bot token from @BotFather (input hidden): ' > /dev/tty
        IFS= read -rs token < /dev/tty || true
        printf '\n' > /dev/tty
        token=${token//[[:space:]]/}
        if valid_token "$token"; then
            REPLY=$token
            return 0
        fi
        printf 'That does not look like a bot token (123456789:AA... as BotFather shows it). Try again (%d/3).\n' "$tries" > /dev/tty
    done
    die "no valid token entered."
}

# Writes the env file: the existing one (or the example) with the Telegram__BotToken line set to $1.
# Only bash builtins touch the token, so it never appears on a command line.
write_env_file() {
    local token=$1 source=$HERE/appealbot.env.example tmp line found=0
    if [[ -f $ENV_FILE ]]; then source=$ENV_FILE; fi
    [[ -f $source ]] || die "missing $source"
    tmp=$(mktemp "$ETC_DIR/.appealbot.env.XXXXXX")
    while IFS= read -r line || [[ -n $line ]]; do
        if [[ $line == Telegram__BotToken=* ]]; then
            if (( found == 0 )); then printf 'Telegram__BotToken=%s\n' "$token"; fi
            found=1
        else
            printf '%s\n' "$line"
        fi
    done < "$source" > "$tmp"
    if (( found == 0 )); then printf 'Telegram__BotToken=%s\n' "$token" >> "$tmp"; fi
    chown root:root "$tmp"
    chmod 0600 "$tmp"
    mv -f "$tmp" "$ENV_FILE"
}

configure_token() {
    local current
    current=$(env_value Telegram__BotToken)
    if [[ -n ${APPEALBOT_TOKEN:-} ]]; then
        valid_token "$APPEALBOT_TOKEN" || die "APPEALBOT_TOKEN does not look like a bot token (123456789:AA...)."
        say "Writing the token from APPEALBOT_TOKEN to $ENV_FILE"
        write_env_file "$APPEALBOT_TOKEN"
    elif [[ -n $current ]]; then
        say "Keeping the token in $ENV_FILE"
        valid_token "$current" || warn "the token in $ENV_FILE does not look like a bot token; the bot will refuse to start."
    else
        read_token
        write_env_file "$REPLY"
        say "Token saved to $ENV_FILE"
    fi
    # systemd reads the file as root before dropping privileges; nobody else needs to.
    chown root:root "$ENV_FILE"
    chmod 0600 "$ENV_FILE"
}

# Backs up the (stopped) database to backups/pre-upgrade-<time>.db, as the appealbot user so that no
# root-owned -wal/-shm files are left behind. $1 is the new AppealBot, whose `backup` subcommand is used
# (with the service's settings and working directory) when sqlite3 is missing.
backup_database() {
    local new_program=$1 db dest
    db=$(database_path)
    if [[ ! -f $db ]]; then
        say "No database at $db yet: nothing to back up."
        return 0
    fi
    # A new name every time: a failed attempt must never remove (or overwrite) an earlier copy.
    local stamp n=1
    stamp=$(date +%Y%m%d-%H%M%S)
    dest=$BACKUP_DIR/pre-upgrade-$stamp.db
    while [[ -e $dest ]]; do
        n=$((n + 1))
        dest=$BACKUP_DIR/pre-upgrade-$stamp-$n.db
    done
    say "Backing up $db to $dest"
    # Called from an `if`, where set -e is off: every step is checked by hand.
    if command -v sqlite3 >/dev/null 2>&1; then
        if ! (umask 077 && runuser -u "$APP_USER" -- timeout 600 sqlite3 "$db" ".backup '$dest'") ||
            [[ $(runuser -u "$APP_USER" -- sqlite3 "$dest" 'PRAGMA quick_check;' 2>&1) != ok ]]; then
            rm -f -- "$dest"
            return 1
        fi
    elif ! (umask 077 && cd "$STATE_DIR" && export_env_file &&
        runuser -u "$APP_USER" -- timeout 600 "$new_program" backup "$dest"); then
        rm -f -- "$dest"
        return 1
    fi
    [[ -s $dest ]] || return 1

    # Keep the newest few pre-upgrade copies (the names sort by time).
    local old=() i
    shopt -s nullglob
    old=("$BACKUP_DIR"/pre-upgrade-*.db)
    shopt -u nullglob
    for (( i = 0; i < ${#old[@]} - KEEP_PRE_UPGRADE; i++ )); do
        rm -f -- "${old[i]}"
    done
    LAST_BACKUP=$dest
}

# Moves the staged program into /opt/appealbot. Each file is renamed into place (atomic); the old
# executable stays as AppealBot.previous for a manual rollback.
replace_program() {
    local stage=$1 file
    if [[ -f $OPT_DIR/AppealBot ]]; then
        ln -f "$OPT_DIR/AppealBot" "$OPT_DIR/AppealBot.previous"
    fi
    for file in "${PROGRAM_FILES[@]}"; do
        if [[ $file != AppealBot && -f $stage/$file ]]; then mv -f "$stage/$file" "$OPT_DIR/$file"; fi
    done
    mv -f "$stage/AppealBot" "$OPT_DIR/AppealBot"
}

install_units() {
    local unit
    for unit in "${UNITS[@]}"; do
        [[ -f $HERE/$unit ]] || die "missing $HERE/$unit"
        install -m 0644 -o root -g root "$HERE/$unit" "$UNIT_DIR/$unit"
    done
    systemctl daemon-reload
}

explain_exit() {
    case $1 in
        2) echo "exit code 2: a setting is missing or invalid (the line above names it); edit $ENV_FILE." ;;
        3) echo "exit code 3: Telegram rejected the token; get it again from @BotFather and run: sudo APPEALBOT_TOKEN='...' $0" ;;
        4) echo "exit code 4: the database cannot be used (permissions, or it is newer than this version)." ;;
        *) echo "exit code $1." ;;
    esac
}

start_and_check() {
    systemctl enable --quiet "$SERVICE" "$TIMER"
    systemctl reset-failed "$SERVICE" 2>/dev/null || true
    local started=1 state i
    systemctl start "$SERVICE" || started=0
    systemctl start "$TIMER"
    # READY=1 comes once the host has started; give the bot a few seconds to reach Telegram.
    for i in 1 2 3 4 5 6 7 8; do
        state=$(systemctl is-active "$SERVICE" || true)
        [[ $state == active && $started == 1 ]] || break
        sleep 1
    done
    if [[ $state != active || $started != 1 ]]; then
        echo >&2
        journalctl -u "$SERVICE" -n 20 --no-pager >&2 || true
        echo >&2
        warn "the bot is not running ($state); $(explain_exit "$(systemctl show -p ExecMainStatus --value "$SERVICE")")"
        if [[ -f $OPT_DIR/AppealBot.previous ]]; then
            warn "to go back to the previous version: see \"Roll back\" in docs/deploy.md${LAST_BACKUP:+ (database copy: $LAST_BACKUP)}."
        fi
        return 1
    fi
}

do_install() {
    local rid running=0 stage unit
    rid=$(rid_of_machine)
    for unit in "${UNITS[@]}" appealbot.env.example; do
        [[ -f $HERE/$unit ]] || die "missing $HERE/$unit: run this script from the repository's deploy/ folder or a release directory."
    done

    install_packages
    WORK=$(mktemp -d)
    obtain_program "$rid" "$WORK/out"
    create_user_and_dirs
    configure_token

    # Stage the new program inside /opt (same file system, so the final move is an atomic rename).
    stage=$OPT_DIR/.staging
    rm -rf "$stage"
    install -d -m 0755 "$stage"
    local file
    for file in "${PROGRAM_FILES[@]}"; do
        if [[ -f $WORK/out/$file ]]; then install -m 0755 -o root -g root "$WORK/out/$file" "$stage/$file"; fi
    done

    if systemctl is-active --quiet "$SERVICE"; then
        running=1
        say "Stopping $SERVICE for the upgrade"
    fi
    systemctl stop "$TIMER" "$SERVICE" 2>/dev/null || true

    if ! backup_database "$stage/AppealBot"; then
        if (( running )); then
            systemctl start "$SERVICE" "$TIMER" || true
            die "the database backup failed (see above); nothing was changed and the old version was started again."
        fi
        die "the database backup failed (see above); nothing was changed."
    fi

    say "Installing the program to $OPT_DIR"
    replace_program "$stage"
    rm -rf "$stage"
    install_units

    say "Starting $SERVICE and $TIMER"
    local ok=1
    start_and_check || ok=0

    echo
    systemctl --no-pager --lines=5 status "$SERVICE" || true
    local outcome="installed and running"
    (( ok )) || outcome="installed but NOT running (see above)"
    cat <<EOF

AppealBot is $outcome.
  Status:        systemctl status appealbot
  Logs:          journalctl -u appealbot -f
  Token/config:  $ENV_FILE  (root only; after editing: sudo systemctl restart appealbot)
  Database:      $(database_path)
  Backups:       $BACKUP_DIR  (daily, 7 kept; next: systemctl list-timers $TIMER)
EOF
    (( ok )) || exit 1
    echo "Send /start to your bot in Telegram to check that it answers."
}

do_uninstall() {
    say "Stopping and disabling AppealBot"
    systemctl disable --now --quiet "$TIMER" "$SERVICE" 2>/dev/null || true
    systemctl stop appealbot-backup.service 2>/dev/null || true
    local unit
    for unit in "${UNITS[@]}"; do
        rm -f "$UNIT_DIR/$unit"
    done
    systemctl daemon-reload
    systemctl reset-failed "${UNITS[@]}" 2>/dev/null || true
    say "Removing $OPT_DIR"
    rm -rf "$OPT_DIR"
    cat <<EOF

AppealBot is uninstalled. Kept, so that a later install picks up where this one stopped:
  the database and its backups:  $STATE_DIR
  the token and settings:        $ETC_DIR
  the system user:               $APP_USER
To remove them too (this deletes every case for good; copy the backups off first):
  sudo rm -rf $STATE_DIR $ETC_DIR /etc/systemd/system/appealbot.service.d && sudo userdel $APP_USER
EOF
}

main() {
    local mode=install
    case ${1:-} in
        "") ;;
        --uninstall) mode=uninstall ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    (( $# <= 1 )) || { usage >&2; exit 2; }
    [[ $EUID -eq 0 ]] || die "run as root: sudo $0 $*"
    command -v systemctl >/dev/null 2>&1 || die "systemd is required (systemctl not found)."
    trap cleanup EXIT
    if [[ $mode == uninstall ]]; then do_uninstall; else do_install; fi
}

LAST_BACKUP=""
main "$@"
