#!/bin/sh
# Read a chat's history through the messages query and print the answer: up to LAST messages
# (default 50, at most 500) older than the message id BEFORE (default: the newest), oldest first.
#
#   Examples/curl/history.sh CHAT [LAST] [BEFORE]
#
# Anyone may read, so TOKEN is optional. The server is $SWITCHBOARD_URL (default
# http://127.0.0.1:4000/graphql).
set -eu
usage="usage: history.sh CHAT [LAST] [BEFORE]"
chat=${1:?$usage}
last=${2:-50}
before=${3:-}
case $last in
  ''|*[!0-9]*) echo "history.sh: LAST must be a number, got '$last'" >&2; exit 2 ;;
esac
. "$(dirname "$0")/graphql.sh"

graphql 'query History($chatId: ID!, $last: Int, $before: ID) {
  messages(chatId: $chatId, last: $last, before: $before) { id content senderName createdAt }
}' "{\"chatId\":$(json_string "$chat"),\"last\":$last,\"before\":$(json_or_null "$before")}"
