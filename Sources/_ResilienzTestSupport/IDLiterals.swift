import KnowledgeBase

/// Tests name the entries of their small fixture bases by place (`.fact(0)`, `exercises[0]`).
/// Only the test targets see this conformance: the program itself never makes an id from a
/// number literal, it resolves names.
extension ID: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}
