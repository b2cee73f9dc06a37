# Sourced by run.sh and test.sh: checks for the .NET SDK global.json names, and installs what else the project needs
# from Debian's packages when it is missing.

# The SDK is not installed for the user: it is large, and where it comes from (Microsoft's script, Microsoft's Debian
# feed, a distribution's package) is the machine owner's choice. This says exactly what is missing and how to get it.
ensure_dotnet_sdk() {
  local required band
  required=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([0-9.]*\)".*/\1/p' global.json | head -1)
  band="${required%.*}"
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Missing: the .NET SDK ${required} (global.json); no 'dotnet' command is on PATH." >&2
  elif dotnet --version >/dev/null 2>&1; then
    return 0
  else
    echo "Missing: the .NET SDK ${required} or a later ${band} feature band (global.json). Installed SDKs:" >&2
    dotnet --list-sdks 2>/dev/null | sed 's/^/  /' >&2
  fi
  cat >&2 <<HOW
Get it with either:
  Microsoft's install script (no root; then add ~/.dotnet to PATH):
    curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --version ${required}
    export PATH="\$HOME/.dotnet:\$PATH"
  or Debian's package from Microsoft's feed (https://learn.microsoft.com/dotnet/core/install/linux-debian):
    sudo apt-get install -y dotnet-sdk-${band}
HOW
  return 1
}

ensure_debian_packages() {
  local missing=()
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  for package in "$@"; do
    case "$package" in
      chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages..."
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_dotnet_tools() {
  dotnet tool restore >/dev/null
}
