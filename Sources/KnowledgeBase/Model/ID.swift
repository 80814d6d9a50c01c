/// The place of an entity in one of the knowledge base's tables: a question, a measure, a rule.
///
/// The entity's `id` string is its name in the sources (`lage.art`); an `ID` is what the program
/// passes around once that name is resolved. The phantom `Entity` keeps the tables apart, so a
/// measure's place can never index the questions, and the 32-bit storage keeps the engine's
/// tables of ids small. An id belongs to the knowledge base that made it: one kept across a
/// reload is looked up again by name.
///
/// Ids and `IDArray` are `@inlinable`: the engine indexes its tables by them in its inner loops,
/// from another module, and must not pay for a call or a copy of the element there.
public struct ID<Entity>: Hashable, Comparable, Strideable, Sendable, CustomStringConvertible {
  @usableFromInline let raw: Int32

  /// The id at `index`; only the knowledge base and the modules built on it make ids.
  @inlinable package init(_ index: Int) { raw = Int32(truncatingIfNeeded: index) }

  /// The place as an array offset, for the engine's and the snapshot's flat arrays.
  @inlinable package var index: Int { Int(raw) }

  @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.raw < rhs.raw }
  @inlinable public func distance(to other: Self) -> Int { Int(other.raw) - Int(raw) }
  @inlinable public func advanced(by n: Int) -> Self { Self(Int(raw) + n) }
  public var description: String { "#\(raw)" }
}

public typealias QuestionID = ID<Question>
public typealias GroupID = ID<QuestionGroup>
public typealias FactID = ID<DerivedFact>
public typealias FactorID = ID<Factor>
public typealias LevelID = ID<FactorLevel>
public typealias PatternID = ID<Pattern>
public typealias MeasureID = ID<Measure>
public typealias SourceID = ID<Source>
public typealias RuleID = ID<CompiledRule>
public typealias ExerciseID = ID<Exercise>

/// An array indexed by the ids of one table: the table itself (`Table<Question>`), or a value for
/// each of its entries (the engine's answer for each question, a weight for each measure).
public struct IDArray<Entity, Element>: RandomAccessCollection, MutableCollection {
  public typealias Index = ID<Entity>
  public typealias Indices = Range<ID<Entity>>

  /// The elements in id order, for code that works on the flat array.
  @usableFromInline package var elements: [Element]

  @inlinable public init(_ elements: [Element]) { self.elements = elements }
  @inlinable public init(repeating element: Element, count: Int) {
    elements = Array(repeating: element, count: count)
  }
  /// One element for every entry of `table`.
  @inlinable public init<Other>(repeating element: Element, for table: IDArray<Entity, Other>) {
    elements = Array(repeating: element, count: table.count)
  }

  @inlinable public var startIndex: ID<Entity> { ID(0) }
  @inlinable public var endIndex: ID<Entity> { ID(elements.count) }
  @inlinable public var count: Int { elements.count }
  @inlinable public var isEmpty: Bool { elements.isEmpty }

  /// Yields the element in place (`kb.rules[rule].condition` reads the condition without copying
  /// the whole rule).
  @inlinable public subscript(id: ID<Entity>) -> Element {
    _read { yield elements[id.index] }
    _modify { yield &elements[id.index] }
  }

  @inlinable public func index(after id: ID<Entity>) -> ID<Entity> { id.advanced(by: 1) }
  @inlinable public func index(before id: ID<Entity>) -> ID<Entity> { id.advanced(by: -1) }

  /// The ids of the elements, with the elements.
  @inlinable public var entries: Zip2Sequence<Range<ID<Entity>>, [Element]> { zip(indices, elements) }
}

extension IDArray: Sendable where Element: Sendable {}
extension IDArray: Equatable where Element: Equatable {}
extension IDArray: Hashable where Element: Hashable {}

extension IDArray: ExpressibleByArrayLiteral {
  @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}

/// One of the knowledge base's tables: its entries, indexed by their ids.
public typealias Table<Entity> = IDArray<Entity, Entity>
