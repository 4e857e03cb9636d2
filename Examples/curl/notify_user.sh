#!/bin/sh
# Notify a user through the notifyUser mutation (publishers only) and print the answer.
#
#   TOKEN=<publisher token> Examples/curl/notify_user.sh USER MESSAGE [CALLBACK]
#
# Every live connection of USER (the `sub` of their token) subscribed to `notifications`
# receives it (Examples/python/notifications.py). With a CALLBACK URL the notification is
# ACTIONABLE, without one FEEDBACK. The server is $SWITCHBOARD_URL (default
# http://127.0.0.1:4000/graphql).
set -eu
usage="usage: notify_user.sh USER MESSAGE [CALLBACK]"
user=${1:?$usage}
message=${2:?$usage}
callback=${3:-}
. "$(dirname "$0")/graphql.sh"

graphql 'mutation Notify($userId: ID!, $message: String!, $callback: String) {
  notifyUser(userId: $userId, message: $message, callback: $callback) { id message callback kind createdAt }
}' "{\"userId\":$(json_string "$user"),\"message\":$(json_string "$message"),\"callback\":$(json_or_null "$callback")}"
