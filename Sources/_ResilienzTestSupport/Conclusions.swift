import RuleEngine

/// Everything an engine has concluded, for comparing a live engine with a fresh one.
public func conclusions(of engine: Engine) -> String {
  "\(engine.ruleTruth)|\(engine.factTruth)|\(engine.patternScore)|\(engine.patternState)|"
    + "\(engine.factorLevel)|\(engine.measureWeight)|\(engine.recommendedMeasures)|"
    + "\(engine.advice().map { "\($0.measure):\($0.priority)" })"
}
