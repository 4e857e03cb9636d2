#!/bin/sh
# Publish a chat message through the postMessage mutation (GraphQL over HTTP).
#
#   TOKEN=$(switchboard token --sub backend --role publisher) \
#     Examples/curl/post_message.sh CHAT CONTENT [SENDER] [URL]
#
# TOKEN is a publisher token (a publisher names the sender; `switchboard serve` without --secret
# prints one at start-up, and `switchboard token` without --secret signs with the development
# secret of ./switchboard.sqlite). Prints the committed message
# ({"data":{"postMessage":{"id":…,"createdAt":…}}}).
set -eu
usage="usage: TOKEN=… post_message.sh CHAT CONTENT [SENDER] [URL]"
chat=${1:?$usage}
content=${2:?$usage}
sender=${3:-curl}
url=${4:-http://127.0.0.1:4000/graphql}
token=${TOKEN:?$usage (TOKEN: a publisher token, e.g. from switchboard token --sub backend --role publisher)}
# JSON-escape the arguments (backslashes and double quotes) so any text can be posted.
escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
curl -sS -X POST "$url" \
  -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -H 'Accept: application/graphql-response+json, application/json' \
  --data-binary "{\"query\":\"mutation Post(\$chatId: ID!, \$content: String!, \$senderName: String) { postMessage(chatId: \$chatId, content: \$content, senderName: \$senderName) { id createdAt } }\",\"variables\":{\"chatId\":\"$(escape "$chat")\",\"content\":\"$(escape "$content")\",\"senderName\":\"$(escape "$sender")\"}}"
echo
