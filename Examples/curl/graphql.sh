# Sourced by the curl examples: where the server is, which token to send, and one POST.
#
#   SWITCHBOARD_URL  the GraphQL endpoint (default http://127.0.0.1:4000/graphql)
#   TOKEN            a JWT sent as `Authorization: Bearer $TOKEN`. Default: a publisher token
#                    from `switchboard token`, signed with the key `make run`'s server checks
#                    ($SWITCHBOARD_SECRET, else the development key kept in the store
#                    $SWITCHBOARD_DB, default ./switchboard.sqlite); none (anonymous) when that
#                    store or the binary ($SWITCHBOARD_BIN, default .build/release/switchboard)
#                    is not there.

SWITCHBOARD_URL=${SWITCHBOARD_URL:-http://127.0.0.1:4000/graphql}
TOKEN=${TOKEN:-}
if [ -z "$TOKEN" ]; then
  bin=${SWITCHBOARD_BIN:-$(dirname "$0")/../../.build/release/switchboard}
  db=${SWITCHBOARD_DB:-./switchboard.sqlite}
  # Only an existing store: `switchboard token --db` would otherwise create one.
  if [ -x "$bin" ] && [ -n "${SWITCHBOARD_SECRET:-}" ]; then
    # `token` signs with $SWITCHBOARD_SECRET when given neither --secret nor --db.
    TOKEN=$("$bin" token --sub curl-example --role publisher 2>/dev/null) || TOKEN=
  elif [ -x "$bin" ] && [ -f "$db" ]; then
    TOKEN=$("$bin" token --sub curl-example --role publisher --db "$db" 2>/dev/null) || TOKEN=
  fi
fi

# A shell string as a JSON string literal: backslashes, double quotes, tabs and newlines escaped,
# so any text can be sent.
json_string() {
  printf '"'
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' | awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }'
  printf '"'
}

# `json_or_null VALUE`: a JSON string, or null when VALUE is empty.
json_or_null() {
  if [ -n "$1" ]; then json_string "$1"; else printf 'null'; fi
}

# `graphql QUERY VARIABLES_JSON`: POST /graphql and print the JSON response. Exits non-zero when
# the server answers with an HTTP error (the body, with its `errors`, is still printed).
graphql() {
  query=$(json_string "$1")
  set -- -H 'Content-Type: application/json' -H 'Accept: application/graphql-response+json, application/json' \
    --data-binary "{\"query\":$query,\"variables\":$2}"
  if [ -n "$TOKEN" ]; then set -- "$@" -H "Authorization: Bearer $TOKEN"; fi
  curl -sS --fail-with-body -X POST "$SWITCHBOARD_URL" "$@"
  status=$?
  echo
  return $status
}
