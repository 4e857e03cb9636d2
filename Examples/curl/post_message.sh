#!/bin/sh
# Post a chat message through the postMessage mutation (GraphQL over HTTP) and print the answer.
#
#   TOKEN=<publisher token> Examples/curl/post_message.sh CHAT CONTENT [SENDER] [URL]
#
# A publisher token names the sender (SENDER, default "curl"); with a user token pass "" as
# SENDER and the message goes out under the token's name. URL defaults to $SWITCHBOARD_URL,
# then http://127.0.0.1:4000/graphql. Prints {"data":{"postMessage":{"id":…,"createdAt":…}}}.
set -eu
usage="usage: post_message.sh CHAT CONTENT [SENDER] [URL]"
chat=${1:?$usage}
content=${2:?$usage}
sender=${3-curl}
SWITCHBOARD_URL=${4:-${SWITCHBOARD_URL:-}}
. "$(dirname "$0")/graphql.sh"

graphql 'mutation Post($chatId: ID!, $content: String!, $senderName: String) {
  postMessage(chatId: $chatId, content: $content, senderName: $senderName) { id chatId senderName createdAt }
}' "{\"chatId\":$(json_string "$chat"),\"content\":$(json_string "$content"),\"senderName\":$(json_or_null "$sender")}"
