#!/bin/sh
# Publish a chat message through the postMessage mutation (GraphQL over HTTP).
#
#   Examples/curl/post_message.sh CHAT CONTENT [SENDER] [URL]
#
# Prints the committed message ({"data":{"postMessage":{"id":…,"createdAt":…}}}). Until tokens are
# checked every caller may publish; a publisher names its sender. Once tokens are in force, add
#   -H "Authorization: Bearer $TOKEN"
set -eu
chat=${1:?usage: post_message.sh CHAT CONTENT [SENDER] [URL]}
content=${2:?usage: post_message.sh CHAT CONTENT [SENDER] [URL]}
sender=${3:-curl}
url=${4:-http://127.0.0.1:4000/graphql}
# JSON-escape the arguments (backslashes and double quotes) so any text can be posted.
escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
curl -sS -X POST "$url" \
  -H 'Content-Type: application/json' \
  -H 'Accept: application/graphql-response+json, application/json' \
  --data-binary "{\"query\":\"mutation Post(\$chatId: ID!, \$content: String!, \$senderName: String) { postMessage(chatId: \$chatId, content: \$content, senderName: \$senderName) { id createdAt } }\",\"variables\":{\"chatId\":\"$(escape "$chat")\",\"content\":\"$(escape "$content")\",\"senderName\":\"$(escape "$sender")\"}}"
echo
