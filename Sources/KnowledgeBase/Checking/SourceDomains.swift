import Foundation
import RuleLanguage

/// The publisher domains of `source_domains`, and how a source's URL is looked up in them.
///
/// A domain stands for itself and every host below it: `bund.de` covers `www.bbk.bund.de`.
/// The longest matching domain wins, so `bund.dev` and `bund.de` never mix and a specific entry
/// (`kritis.bund.de`) can override a general one.
struct SourceDomains {
  private var classes: [String: DomainClass] = [:]

  init(_ entries: [(domain: String, kind: DomainClass)]) {
    for entry in entries where classes[entry.domain] == nil {
      classes[entry.domain] = entry.kind
    }
  }

  /// The longest listed domain that is `host` or a parent of it, with what it stands for.
  func lookUp(host: String) -> (domain: String, kind: DomainClass)? {
    var candidate = Substring(host)
    while true {
      if let kind = classes[String(candidate)] { return (String(candidate), kind) }
      guard let dot = candidate.firstIndex(of: ".") else { return nil }
      candidate = candidate[candidate.index(after: dot)...]
    }
  }

  /// The host of a URL in lower case and without a trailing dot; nil when the URL has no host
  /// that is a domain name.
  static func host(of url: String) -> String? {
    guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
      return nil
    }
    var lowered = host.lowercased()
    if lowered.hasSuffix(".") { lowered.removeLast() }
    return isValidDomain(lowered) ? lowered : nil
  }

  /// A domain name: labels of lower-case ASCII letters, digits and inner hyphens, joined by dots,
  /// at least two labels (a bare `de` would classify the whole country).
  static func isValidDomain(_ text: String) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, text.utf8.count <= 253 else { return false }
    return labels.allSatisfy { label in
      guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-" else { return false }
      return label.utf8.allSatisfy { byte in
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
          || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
          || byte == UInt8(ascii: "-")
      }
    }
  }
}

/// The `reviewed` date of a measure.
enum ReviewDate {
  /// `YYYY-MM-DD`, a real calendar day between 2000 and 2099. The checker has no clock, so a date
  /// in the future cannot be told from a typo; the range catches the typos that matter (`0224`).
  static func isValid(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return false }
    guard (2000...2099).contains(year), (1...12).contains(month), day >= 1 else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return day <= days[month - 1]
  }
}
