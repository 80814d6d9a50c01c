import KnowledgeBase

/// The geometry of the resilience profile as a horizontal bar chart; the template draws it as SVG.
///
/// A bar's length is its level (the worst level shortest, the best full length), its fill a
/// pattern per level, and the level's name stands beside it: the chart reads in black and white.
public struct ProfileChart: Sendable {
  public var width: Int
  public var height: Int
  /// One band per level, worst first, with the level's name above it.
  public var bands: [ChartBand]
  public var rows: [ChartRow]
  /// The chart in words, for screen readers and for a print without graphics.
  public var altText: String
  /// Where the bands end, for the frame.
  public var barLeft: Int
  public var barRight: Int
  public var axisTop: Int
  public var axisBottom: Int
}

/// A level's band across all rows.
public struct ChartBand: Sendable {
  public var left: Int
  /// Where its title is centred.
  public var center: Int
  public var title: String
}

/// One factor's row.
public struct ChartRow: Sendable {
  public var label: [ChartText]
  public var isAssessed: Bool
  public var barX: Int
  public var barY: Int
  public var barWidth: Int
  public var barHeight: Int
  /// `stufe-0` … `stufe-3`: the fill pattern the template defines.
  public var pattern: String
  public var level: ChartText
}

/// A line of text at a position.
public struct ChartText: Sendable {
  public var x: Int
  public var y: Int
  public var text: String
}

extension ProfileChart {
  static let width = 720
  static let labelColumns = 34
  static let barLeft = 290
  static let barSpan = 320
  static let top = 36
  static let rowHeight = 52
  static let barHeight = 26
  static let lineHeight = 15
  /// Patterns the template defines; more levels reuse them in turn.
  static let patternCount = 4

  /// Lays out one row per factor: the label (wrapped), and a bar for the level or a dashed frame.
  init(factors: [(label: String, level: LevelID?, levelTitle: String)], levels: [String]) {
    let bandCount = max(1, levels.count)
    let bandWidth = Self.barSpan / bandCount
    bands = levels.enumerated().map { index, title in
      let left = Self.barLeft + index * bandWidth
      return ChartBand(left: left, center: left + bandWidth / 2, title: title)
    }
    var rows: [ChartRow] = []
    for (index, factor) in factors.enumerated() {
      let top = Self.top + index * Self.rowHeight
      let barY = top + (Self.rowHeight - Self.barHeight) / 2
      let middle = barY + Self.barHeight / 2
      let lines = Self.wrap(factor.label, columns: Self.labelColumns, maxLines: 3)
      let firstLine = middle + 5 - (lines.count - 1) * Self.lineHeight / 2
      let label = lines.enumerated().map {
        ChartText(x: 0, y: firstLine + $0.offset * Self.lineHeight, text: $0.element)
      }
      if let level = factor.level?.index {
        let width = (level + 1) * bandWidth
        rows.append(
          ChartRow(
            label: label, isAssessed: true, barX: Self.barLeft, barY: barY, barWidth: width,
            barHeight: Self.barHeight, pattern: "stufe-\(level % Self.patternCount)",
            level: ChartText(x: Self.barLeft + width + 8, y: middle + 5, text: factor.levelTitle)))
      } else {
        rows.append(
          ChartRow(
            label: label, isAssessed: false, barX: Self.barLeft, barY: barY, barWidth: bandCount * bandWidth,
            barHeight: Self.barHeight, pattern: "",
            level: ChartText(x: Self.barLeft + 10, y: middle + 5, text: factor.levelTitle)))
      }
    }
    self.rows = rows
    width = Self.width
    height = Self.top + max(1, factors.count) * Self.rowHeight + 8
    barLeft = Self.barLeft
    barRight = Self.barLeft + bandCount * bandWidth
    axisTop = Self.top - 6
    axisBottom = height - 4
    altText = factors.map { "\($0.label): \($0.levelTitle)" }.joined(separator: "; ")
  }

  /// Words into lines of at most `columns` characters; a last line that does not fit ends in „…“.
  static func wrap(_ text: String, columns: Int, maxLines: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= columns {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    if lines.count > maxLines {
      lines = Array(lines.prefix(maxLines))
      lines[maxLines - 1] += " …"
    }
    return lines.map { $0.count > columns + 2 ? String($0.prefix(columns)) + "…" : $0 }
  }
}
