/// Finds the closest candidate to a misspelt word, for "did you mean" hints.
public enum Suggestion {
  /// The candidate with the smallest edit distance, if it is close enough to be a likely typo.
  public static func closest<S: Sequence>(to word: String, in candidates: S, maxDistance: Int? = nil) -> String?
  where S.Element == String {
    let target = Array(word.unicodeScalars)
    let limit = min(maxDistance ?? 3, max(1, min(3, target.count / 3 + 1)))
    var best: (distance: Int, candidate: String)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(target, Array(candidate.unicodeScalars), limit: limit)
      guard distance <= limit else { continue }
      if let current = best,
        current.distance < distance || (current.distance == distance && current.candidate <= candidate)
      {
        continue
      }
      best = (distance, candidate)
    }
    return best?.candidate
  }

  /// Levenshtein distance with transpositions, giving up early above `limit`.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
