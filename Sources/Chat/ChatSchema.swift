import GraphQL

/// The chat application's schema. The SDL is embedded so that the binary needs no file at
/// run time; `ChatSchemaTests` checks that it equals `Schema/chat.graphql` byte for byte,
/// so the file (what `switchboard check` and people read) and the binary cannot drift.
public enum ChatSchema {
    /// The text of `Schema/chat.graphql`.
    public static let sdl = #"""
type Query {
  messages(chatId: ID!, last: Int = 50, before: ID): [Message!]!
  me: User
}

type Mutation {
  postMessage(chatId: ID!, content: String!, senderName: String): Message!
  notifyUser(userId: ID!, message: String!, callback: String): Notification!
}

type Subscription {
  newMessage(chatId: ID!, after: ID): Message!
  notifications(after: ID): Notification!
}

type Message {
  id: ID!
  chatId: ID!
  content: String!
  senderName: String!
  createdAt: String!
}

type Notification {
  id: ID!
  message: String!
  callback: String
  kind: NotificationKind!
  createdAt: String!
}

enum NotificationKind {
  ACTIONABLE
  FEEDBACK
}

type User {
  id: ID!
  name: String
}

"""#

    /// The schema built from `sdl`, once.
    public static let schema: Schema = {
        do {
            return try buildSchema(Source(sdl, name: "Schema/chat.graphql"))
        } catch {
            // The SDL is a constant that the tests build: this cannot fail in a tested build.
            fatalError("Schema/chat.graphql (embedded) does not build: \(error)")
        }
    }()
}
