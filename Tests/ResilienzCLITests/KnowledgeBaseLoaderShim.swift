import KnowledgeBase

/// Loads a knowledge base for the tests, nil when it has errors.
enum KnowledgeBaseLoaderShim {
  static func load(_ directory: String) -> KnowledgeBase? {
    KnowledgeBaseLoader.load(directory: directory).knowledgeBase
  }
}
