# Sourced by run.sh and test.sh: installs what the project needs from Debian's packages when it is missing.
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
