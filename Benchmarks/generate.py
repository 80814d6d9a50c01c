#!/usr/bin/env python3
"""Generate a synthetic knowledge base of a given size for the resilienz scale benchmark.

    python3 Benchmarks/generate.py --rules N --questions M --seed S --out DIR

writes, deterministically from (N, M, S):

    DIR/kb/Knowledge/kb.yaml        the vocabulary (Knowledge/README.md)
    DIR/kb/Rules/generated.rules    N rules and the derived facts (Rules/README.md)
    DIR/answers.txt                 an answer to every question, `question-id = value`
    DIR/clips/program.clp           the same rule base and answers as a CLIPS 6.30 program

Both engines print their conclusions as lines `fact F`, `measure M 7.50`, `pattern P -2.00`
(see Benchmarks/README.md). Standard library only.

Structure of the rule base
--------------------------
Derived facts get a level 1..LEVELS. A rule that derives a level-k fact tests only facts of
lower levels (positively or with `not`); a rule that derives nothing may test facts of any
level. The base is therefore acyclic and stratified by construction. A rule's *stratum* is one
more than the highest level of any fact it tests (1 if it tests none); in CLIPS its salience is
higher the lower its stratum (see Benchmarks/README.md for why that reproduces our semantics).
"""

import argparse
import json
import os
import random
import sys

LEVELS = 5              # levels of derived facts
DERIVE_SHARE = 0.25     # share of rules that derive a fact
NEG_SHARE = 0.35        # share of fact tests written as `not FACT`
SOURCE = "bench-quelle"
GROUP = "bench"
FACTORS = ["rf1", "rf2", "rf3", "rf4", "rf5"]
OFFICES = ["Krisenstab", "Verwaltungsstab", "Personalamt", "Ordnungsamt", "Gesundheitsamt",
           "Sozialamt", "Presseamt", "IT", "Feuerwehr"]
HORIZONS = ["sofort", "kurzfristig", "langfristig"]
EFFORTS = ["gering", "mittel", "hoch"]
PHASES = ["vorsorge", "bewaeltigung", "nachbereitung"]
CHOICE_VALUES = ["a", "b", "c", "d"]
# Weights and points are whole or .5 numbers: every partial sum is exact in binary floating point.
WEIGHTS = [1, 1, 1.5, 2, 2, 2.5, 3, 4, 5]
POINTS = [-2, -1, -0.5, 0.5, 1, 1, 1.5, 2, 2, 3, 4]


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def num(x):
    """A number as our rule language writes it: `2`, `2.5`."""
    return str(int(x)) if float(x).is_integer() else str(x)


def clips_float(x):
    return "%.1f" % x


class Atom:
    """One condition atom. kind: num (op, value), choice (values), yesno (value), fact (neg)."""

    def __init__(self, kind, ref, op=None, value=None, values=None, neg=False):
        self.kind, self.ref, self.op, self.value, self.values, self.neg = \
            kind, ref, op, value, values, neg

    def rules_text(self):
        if self.kind == "num":
            return "%s %s %d" % (self.ref, self.op, self.value)
        if self.kind == "choice":
            return "%s in [%s]" % (self.ref, ", ".join(self.values))
        if self.kind == "yesno":
            return "%s = %s" % (self.ref, self.value)
        return ("not " if self.neg else "") + self.ref

    def clips_text(self, i):
        if self.kind == "num":
            return "(num %s ?v%d&:(%s ?v%d %d))" % (self.ref, i, self.op, i, self.value)
        if self.kind == "choice":
            return "(ans %s %s)" % (self.ref, "|".join(self.values))
        if self.kind == "yesno":
            return "(ans %s %s)" % (self.ref, self.value)
        text = "(derived %s)" % self.ref
        return "(not %s)" % text if self.neg else text


class Model:
    pass


def vocabulary(m, n_rules):
    """N/25 facts spread over m.levels levels, N/50 measures, N/500 patterns; (count, by level)."""
    n_facts = max(2 * m.levels, n_rules // 25)
    n_measures = max(3, n_rules // 50)
    n_patterns = max(3, n_rules // 500)
    m.facts = ["f%05d" % (i + 1) for i in range(n_facts)]
    m.level = {f: 1 + i * m.levels // n_facts for i, f in enumerate(m.facts)}
    by_level = {k: [f for f in m.facts if m.level[f] == k] for k in range(1, m.levels + 1)}
    m.measures = ["m%04d" % (i + 1) for i in range(n_measures)]
    m.patterns = ["p%03d" % (i + 1) for i in range(n_patterns)]
    return n_facts, by_level


def add_question_atoms(rng, m, atoms, count, next_question, question_atom):
    """Up to count atoms over distinct questions (one atom per question and rule)."""
    used = set()
    for _ in range(count):
        qu = next_question()
        tries = 0
        while qu[0] in used and tries < 20:
            qu = rng.choice(m.questions)
            tries += 1
        if qu[0] in used:
            continue
        used.add(qu[0])
        atoms.append(question_atom(qu))


def random_question_atom(rng, qu, choice_values, widths):
    """An atom over question qu; a `choice` atom lists a random number (from widths) of values."""
    qid, kind, _ = qu
    if kind == "number":
        return Atom("num", qid, op=rng.choice(["<", "<=", ">", ">="]), value=rng.randint(5, 95))
    if kind == "choice":
        k = rng.choice(widths)
        return Atom("choice", qid, values=sorted(rng.sample(choice_values, k)))
    return Atom("yesno", qid, value=rng.choice(["ja", "nein"]))


def build(n_rules, n_questions, seed):
    rng = random.Random("resilienz-bench/%d/%d/%d" % (n_rules, n_questions, seed))
    m = Model()
    m.n_rules, m.seed = n_rules, seed
    m.shape, m.levels, m.choice_values = "layered", LEVELS, CHOICE_VALUES

    # --- questions and answers -------------------------------------------------------------
    kinds = ["number", "choice", "yesno"]
    m.questions = []
    for i in range(n_questions):
        qid = "%s.q%05d" % (GROUP, i + 1)
        kind = kinds[i % 3]
        if kind == "number":
            answer = rng.randint(0, 100)
        elif kind == "choice":
            answer = rng.choice(CHOICE_VALUES)
        else:
            answer = rng.choice(["ja", "nein"])
        m.questions.append((qid, kind, answer))

    # --- vocabulary --------------------------------------------------------------------------
    n_facts, by_level = vocabulary(m, n_rules)

    # --- rules -------------------------------------------------------------------------------
    n_derive = max(n_facts, int(n_rules * DERIVE_SHARE))
    if n_derive > n_rules:
        sys.exit("generate.py: --rules must be at least %d" % n_facts)
    # Question atoms are drawn from a shuffled deck so every question is used.
    deck = []

    def next_question():
        if not deck:
            deck.extend(m.questions)
            rng.shuffle(deck)
        return deck.pop()

    def question_atom(qu):
        return random_question_atom(rng, qu, CHOICE_VALUES, [1, 2, 2, 3, 3])

    def fact_atom(f, allow_neg=True):
        return Atom("fact", f, neg=allow_neg and rng.random() < NEG_SHARE)

    measure_deck, pattern_deck = [], []

    def next_measure():
        if not measure_deck:
            measure_deck.extend(m.measures)
            rng.shuffle(measure_deck)
        return measure_deck.pop()

    def next_pattern():
        if not pattern_deck:
            pattern_deck.extend(m.patterns)
            rng.shuffle(pattern_deck)
        return pattern_deck.pop()

    def other_conclusion(kind, taken):
        """A recommend or evidence conclusion; taken avoids a measure/pattern twice in a rule."""
        if kind == "recommend":
            mid = next_measure()
            while mid in taken and len(m.measures) > len(taken):
                mid = rng.choice(m.measures)
            taken.add(mid)
            return ("recommend", mid, rng.choice(WEIGHTS))
        pid = next_pattern()
        while pid in taken and len(m.patterns) > len(taken):
            pid = rng.choice(m.patterns)
        taken.add(pid)
        return ("evidence", pid, rng.choice(POINTS))

    # derive targets: every fact once, then random facts
    targets = list(m.facts) + [rng.choice(m.facts) for _ in range(n_derive - n_facts)]
    rules = []
    for t in range(n_rules):
        atoms, conclusions, taken = [], [], set()
        if t < n_derive:
            f = targets[t]
            k = m.level[f]
            n_q = rng.randint(1, 3) if k > 1 else rng.randint(2, 4)
            if k > 1:
                # chain: one fact of the level just below, sometimes one more of any lower level
                atoms.append(fact_atom(rng.choice(by_level[k - 1])))
                if rng.random() < 0.25:
                    g = rng.choice([x for lv in range(1, k) for x in by_level[lv]])
                    if g != atoms[0].ref:
                        atoms.append(fact_atom(g))
                        n_q = max(1, n_q - 1)
            conclusions.append(("derive", f))
            if rng.random() < 0.2:
                conclusions.append(other_conclusion(rng.choice(["recommend", "evidence"]), taken))
        else:
            n_atoms = rng.randint(1, 4)
            n_f = 0
            if rng.random() < 0.12:
                n_f = 1 if n_atoms == 1 or rng.random() < 0.7 else 2
            facts = rng.sample(m.facts, n_f)
            atoms.extend(fact_atom(f) for f in facts)
            n_q = n_atoms - n_f
            first = rng.choice(["recommend", "evidence"])
            conclusions.append(other_conclusion(first, taken))
            if rng.random() < 0.3:
                second = "evidence" if first == "recommend" else "recommend"
                conclusions.append(other_conclusion(second, taken))
        add_question_atoms(rng, m, atoms, n_q, next_question, question_atom)
        rng.shuffle(atoms)
        rules.append([atoms, conclusions])

    return finish(m, rules, n_derive, rng,
                  lambda atoms: 1 + max([m.level[a.ref] for a in atoms if a.kind == "fact"], default=0))


def finish(m, rules, n_derive, rng, stratum_of):
    """Every measure and pattern used, one `assess` per factor, shuffled file order, rule ids."""
    n_rules = m.n_rules
    # every measure recommended and every pattern with evidence (decks guarantee it when there
    # are enough non-deriving rules; patch the last rules otherwise)
    recommended = {c[1] for _, cs in rules for c in cs if c[0] == "recommend"}
    evidenced = {c[1] for _, cs in rules for c in cs if c[0] == "evidence"}
    missing = [("recommend", x) for x in m.measures if x not in recommended] + \
              [("evidence", x) for x in m.patterns if x not in evidenced]
    for i, (kind, x) in enumerate(missing):
        _, cs = rules[-1 - (i % n_rules)]
        if any(c[1] == x for c in cs if c[0] != "derive"):
            continue
        cs.append((kind, x, rng.choice(WEIGHTS) if kind == "recommend" else abs(rng.choice(POINTS))))

    # one `assess` per factor, so that the checker has no factor to warn about; factor levels
    # are not part of the compared output (CLIPS records them as (assessed RULE F L) only)
    for i, fid in enumerate(FACTORS):
        rules[(n_derive + i) % n_rules][1].append(("assess", fid, ["kritisch", "schwach"][i % 2]))

    order = list(range(n_rules))
    rng.shuffle(order)              # file order is not level order: the engine must not care
    m.rules = []
    width = len(str(n_rules))
    for idx, t in enumerate(order):
        atoms, cs = rules[t]
        rid = "r%0*d" % (max(6, width), idx + 1)
        m.rules.append((rid, atoms, cs, stratum_of(atoms)))
    return m


# --- the wide and the chains shapes ---------------------------------------------------------
#
# Both allow positive recursion: a rule that derives a level-k fact may test any fact of level
# <= k positively (so facts of one level may derive each other in cycles) and facts of lower
# levels with `not`. A rule's stratum is the highest level it tests positively, or one more
# than the highest level it tests with `not` (1 if it tests no fact); a rule deriving a level-k
# fact has a stratum <= k. See Benchmarks/README.md for why CLIPS salience by stratum then
# still computes our semantics (the least fixpoint of each stratum, given the lower ones).

SHAPES = {
    # 200 one-of questions with five values, three conditions per rule, a third of the rules
    # deriving facts and a third testing a derived fact.
    "wide": dict(levels=2, derive=1 / 3, fact_test=1 / 3, neg=0.2, chain=0.0),
    # Long chains: most deriving rules test the fact before theirs in a chain of their level,
    # some test a later one (a positive cycle), and the first of a level one of the level below.
    "chains": dict(levels=8, derive=0.4, fact_test=0.3, neg=0.15, chain=0.85),
}


def build_shaped(shape, n_rules, n_questions, seed):
    p = SHAPES[shape]
    rng = random.Random("resilienz-bench/%s/%d/%d/%d" % (shape, n_rules, n_questions, seed))
    m = Model()
    m.n_rules, m.seed = n_rules, seed
    m.shape, m.levels = shape, p["levels"]
    wide = shape == "wide"
    m.choice_values = ["a", "b", "c", "d", "e"] if wide else CHOICE_VALUES

    m.questions = []
    kinds = ["choice"] if wide else ["number", "choice", "yesno"]
    for i in range(n_questions):
        qid = "%s.q%05d" % (GROUP, i + 1)
        kind = kinds[i % len(kinds)]
        if kind == "number":
            answer = rng.randint(0, 100)
        elif kind == "choice":
            answer = rng.choice(m.choice_values)
        else:
            answer = rng.choice(["ja", "nein"])
        m.questions.append((qid, kind, answer))

    levels = m.levels
    n_facts, by_level = vocabulary(m, n_rules)
    position = {f: by_level[m.level[f]].index(f) for f in m.facts}

    deck, measure_deck, pattern_deck = [], [], []

    def draw(pile, items):
        if not pile:
            pile.extend(items)
            rng.shuffle(pile)
        return pile.pop()

    def question_atom(qu):
        widths = [2, 2, 3, 3, 4] if wide else [1, 2, 2, 3, 3]
        return random_question_atom(rng, qu, m.choice_values, widths)

    def fact_test(k):
        """A test of a fact for a rule of level k (any level for a rule that derives nothing)."""
        if k > 1 and rng.random() < p["neg"]:
            return Atom("fact", rng.choice([f for lv in range(1, k) for f in by_level[lv]]), neg=True)
        return Atom("fact", rng.choice([f for lv in range(1, k + 1) for f in by_level[lv]]))

    def other_conclusion(kind, taken):
        items, pile = (m.measures, measure_deck) if kind == "recommend" else (m.patterns, pattern_deck)
        x = draw(pile, items)
        while x in taken and len(items) > len(taken):
            x = rng.choice(items)
        taken.add(x)
        if kind == "recommend":
            return ("recommend", x, rng.choice(WEIGHTS))
        return ("evidence", x, rng.choice(POINTS))

    n_derive = max(n_facts, int(n_rules * p["derive"]))
    if n_derive > n_rules:
        sys.exit("generate.py: --rules must be at least %d" % n_facts)
    targets = list(m.facts) + [rng.choice(m.facts) for _ in range(n_derive - n_facts)]
    n_atoms = 3
    rules = []
    for t in range(n_rules):
        atoms, conclusions, taken = [], [], set()
        if t < n_derive:
            f = targets[t]
            k = m.level[f]
            i = position[f]
            chain = by_level[k]
            if rng.random() < p["chain"]:
                if i > 0:
                    # the chain: f(i) needs f(i-1); now and then f(i) needs a later fact instead,
                    # which closes a positive cycle over the chain
                    j = i - 1 if rng.random() < 0.97 else rng.randrange(i, len(chain))
                    atoms.append(Atom("fact", chain[j]))
                elif k > 1:
                    atoms.append(Atom("fact", rng.choice(by_level[k - 1]), neg=rng.random() < p["neg"]))
            elif rng.random() < p["fact_test"]:
                atoms.append(fact_test(k))
            conclusions.append(("derive", f))
            if rng.random() < 0.2:
                conclusions.append(other_conclusion(rng.choice(["recommend", "evidence"]), taken))
        else:
            if rng.random() < p["fact_test"] * (0.5 if p["chain"] else 1.0):
                atoms.append(fact_test(levels))
            first = rng.choice(["recommend", "evidence"])
            conclusions.append(other_conclusion(first, taken))
            if rng.random() < 0.3:
                second = "evidence" if first == "recommend" else "recommend"
                conclusions.append(other_conclusion(second, taken))
        add_question_atoms(rng, m, atoms, n_atoms - len(atoms), lambda: draw(deck, m.questions), question_atom)
        rng.shuffle(atoms)
        rules.append([atoms, conclusions])

    def stratum_of(atoms):
        positive = [m.level[a.ref] for a in atoms if a.kind == "fact" and not a.neg]
        negative = [m.level[a.ref] + 1 for a in atoms if a.kind == "fact" and a.neg]
        return max(positive + negative, default=1)

    return finish(m, rules, n_derive, rng, stratum_of)


# --- writers --------------------------------------------------------------------------------

def write_yaml(m, path):
    lines = []
    w = lines.append
    w("# Synthetische Wissensbasis für den Lasttest (Benchmarks/generate.py).")
    w("# %d Regeln, %d Fragen, Saat %d." % (m.n_rules, len(m.questions), m.seed))
    w("")
    w("knowledge_base:")
    w("  id: bench-%d" % m.n_rules)
    w("  title: %s" % q("Lasttest mit %d Regeln" % m.n_rules))
    w("  version: %s" % q("bench-%d-%d" % (m.n_rules, m.seed)))
    w("  description: %s" % q("Eine erzeugte Wissensbasis ohne fachlichen Inhalt; sie dient nur "
                             "dazu, Laufzeit und Speicherbedarf der Regelmaschine zu messen."))
    w("")
    w("factor_levels:")
    for lid, weak in [("kritisch", 3), ("schwach", 2), ("ausreichend", 0), ("stark", 0)]:
        w("  - id: %s" % lid)
        w("    title: %s" % q(lid))
        w("    weakness: %d" % weak)
    w("")
    w("priority:")
    w("  weight: 1")
    w("  urgency:")
    w("    default:")
    w("      sofort: 3")
    w("      kurzfristig: 2")
    w("      langfristig: 1")
    w("  weakness: max")
    w("  effort:")
    w("    gering: 1")
    w("    mittel: 0")
    w("    hoch: -1")
    w("")
    w("groups:")
    w("  - id: %s" % GROUP)
    w("    title: %s" % q("Lasttest"))
    w("")
    w("sources:")
    w("  - id: %s" % SOURCE)
    w("    title: %s" % q("Synthetische Quelle für den Lasttest"))
    w("    publisher: %s" % q("resilienz"))
    w("    year: 2026")
    w("    url: %s" % q("https://example.org/resilienz/lasttest"))
    w("")
    w("source_domains:")
    w("  forschung:")
    w("    - example.org")
    w("")
    w("questions:")
    for qid, kind, _ in m.questions:
        n = qid.split(".q")[1]
        w("  - id: %s" % qid)
        if kind == "number":
            w("    text: %s" % q("Wie hoch ist der Messwert Nummer %d (0 bis 100)?" % int(n)))
            w("    type: number")
            w("    min: 0")
            w("    max: 100")
            w("    unit: Prozent")
        elif kind == "choice":
            w("    text: %s" % q("Welche Stufe trifft für Merkmal %d zu?" % int(n)))
            w("    type: choice")
            w("    values: [%s]" % ", ".join(m.choice_values))
        else:
            w("    text: %s" % q("Trifft Aussage %d zu?" % int(n)))
            w("    type: yesno")
        w("    help: %s" % q("Erzeugte Frage für den Lasttest; ihre Antwort hat keine fachliche Bedeutung."))
        w("    group: %s" % GROUP)
    w("")
    w("factors:")
    for i, fid in enumerate(FACTORS):
        w("  - id: %s" % fid)
        w("    title: %s" % q("Synthetischer Faktor %d" % (i + 1)))
        w("    finding: %s" % q("Ein erzeugter Befund für den Lasttest, Faktor %d." % (i + 1)))
        w("    sources: [%s]" % SOURCE)
    w("")
    w("patterns:")
    for i, pid in enumerate(m.patterns):
        w("  - id: %s" % pid)
        w("    title: %s" % q("Krisenmuster %d" % (i + 1)))
        w("    description: %s" % q("Ein erzeugtes Krisenmuster für den Lasttest (Nummer %d)." % (i + 1)))
        w("    indicators:")
        w("      - %s" % q("Erstes erzeugtes Anzeichen für Muster %d." % (i + 1)))
        w("      - %s" % q("Zweites erzeugtes Anzeichen für Muster %d." % (i + 1)))
        w("    suspected: 3")
        w("    established: 6")
        w("    factors: [%s]" % FACTORS[i % len(FACTORS)])
        w("    sources: [%s]" % SOURCE)
    w("")
    w("measures:")
    for i, mid in enumerate(m.measures):
        n = i + 1
        w("  - id: %s" % mid)
        w("    title: %s" % q("Maßnahme %d" % n))
        w("    description: %s" % q("Eine erzeugte Maßnahme für den Lasttest (Nummer %d)." % n))
        w("    prevents: %s" % q("Verhindert einen erzeugten Engpass Nummer %d." % n))
        w("    steps:")
        for s in ("Zuständigkeit klären", "Ablauf festlegen", "Übung durchführen"):
            w("      - %s" % q("%s (Maßnahme %d)." % (s, n)))
        w("    office: %s" % q(OFFICES[i % len(OFFICES)]))
        w("    horizon: %s" % HORIZONS[i % 3])
        w("    effort: %s" % EFFORTS[(i // 3) % 3])
        w("    phases: [%s]" % ", ".join(PHASES[: 1 + i % 3]))
        w("    factors: [%s]" % FACTORS[i % len(FACTORS)])
        w("    sources: [%s]" % SOURCE)
        w("    reviewed: 2026-01-15")
    w("")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def write_rules(m, path):
    out = []
    w = out.append
    w("# Erzeugte Regeln für den Lasttest (Benchmarks/generate.py): %d Regeln, Saat %d."
      % (m.n_rules, m.seed))
    if m.shape == "layered":
        w("# Abgeleitete Sachverhalte haben Stufen 1..%d; eine Regel, die einen Sachverhalt der Stufe k"
          % m.levels)
        w("# ableitet, prüft nur Sachverhalte niedrigerer Stufen (geschichtet, azyklisch).")
    else:
        w("# Form %s: Sachverhalte der Stufen 1..%d; eine Regel, die einen Sachverhalt der Stufe k"
          % (m.shape, m.levels))
        w("# ableitet, prüft Sachverhalte bis Stufe k positiv (auch zyklisch) und mit `not` nur darunter.")
    w("")
    for f in m.facts:
        w('fact %s "Abgeleiteter Sachverhalt %s (Stufe %d)"' % (f, f[1:].lstrip("0"), m.level[f]))
    w("")
    for rid, atoms, cs, _ in m.rules:
        w("rule %s" % rid)
        w("  source %s" % SOURCE)
        w("  when %s" % " and ".join(a.rules_text() for a in atoms))
        for i, c in enumerate(cs):
            kw = "  then " if i == 0 else "       "
            if c[0] == "derive":
                w(kw + "derive %s" % c[1])
            elif c[0] == "recommend":
                w(kw + "recommend %s weight %s" % (c[1], num(c[2])))
                w('         because "Begründung der Regel %s für Maßnahme %s."' % (rid, c[1]))
            elif c[0] == "assess":
                w(kw + "assess %s %s" % (c[1], c[2]))
            else:
                sign = "+" if c[2] > 0 else "-"
                w(kw + "evidence %s %s%s" % (c[1], sign, num(abs(c[2]))))
        w("")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def write_answers(m, path):
    with open(path, "w", encoding="utf-8") as fh:
        for qid, _, answer in m.questions:
            fh.write("%s = %s\n" % (qid, answer))


def write_clips(m, path):
    top = m.levels + 1                       # highest possible stratum

    def salience(stratum):
        return 10 * (top + 1 - stratum)      # stratum 1 -> highest

    out = []
    w = out.append
    w(";;; resilienz scale benchmark, generated by Benchmarks/generate.py")
    w(";;; shape %s, %d rules, %d questions, seed %d. Run: clips -f2 program.clp"
      % (m.shape, m.n_rules, len(m.questions), m.seed))
    w(";;; Facts:  (num Q N) / (ans Q V)   an answer to a number / choice or yesno question")
    w(";;;         (derived F)             derived fact F holds")
    w(";;;         (rec RULE M W)          rule RULE recommends measure M with weight W")
    w(";;;         (evid RULE P K)         rule RULE gives K points to pattern P")
    w(";;;         (assessed RULE F L)     rule RULE assesses factor F at level L (not printed)")
    w(";;; A rule's stratum is 1 + the highest level of a derived fact it tests; its salience is")
    w(";;; 10 * (%d - stratum): every (not (derived F)) is decided only after the stratum that" % (top + 1))
    w(";;; derives F is complete. Summing runs at salience -100, after all strata.")
    w("")
    # Answers in chunks of 50: in batch mode CLIPS re-scans the whole pending command after
    # every character it reads, so one deffacts with thousands of facts costs quadratic time.
    for start in range(0, len(m.questions), 50):
        w("(deffacts answers-%d" % (start // 50 + 1))
        for qid, kind, answer in m.questions[start:start + 50]:
            if kind == "number":
                w("  (num %s %d)" % (qid, answer))
            else:
                w("  (ans %s %s)" % (qid, answer))
        w(")")
    w("")
    for rid, atoms, cs, stratum in m.rules:
        rhs = []
        for c in cs:
            if c[0] == "derive":
                rhs.append("(assert (derived %s))" % c[1])
            elif c[0] == "recommend":
                rhs.append("(assert (rec %s %s %s))" % (rid, c[1], clips_float(c[2])))
            elif c[0] == "assess":
                rhs.append("(assert (assessed %s %s %s))" % (rid, c[1], c[2]))
            else:
                rhs.append("(assert (evid %s %s %s))" % (rid, c[1], clips_float(c[2])))
        w("(defrule %s (declare (salience %d))" % (rid, salience(stratum)))
        w("  " + " ".join(a.clips_text(i) for i, a in enumerate(atoms)))
        w("  => " + " ".join(rhs) + ")")
    w("")
    w(";;; Sums, after every rule stratum: one (msum M S) / (psum P S) per measure / pattern.")
    w("(defrule msum-start (declare (salience -100)) (rec ? ?m ?) (not (msum ?m ?))")
    w("  => (assert (msum ?m 0.0)))")
    w("(defrule msum-add (declare (salience -110))")
    w("  (rec ?r ?m ?w) (not (counted ?r ?m)) ?s <- (msum ?m ?t)")
    w("  => (retract ?s) (assert (msum ?m (+ ?t ?w)) (counted ?r ?m)))")
    w("(defrule psum-start (declare (salience -100)) (evid ? ?p ?) (not (psum ?p ?))")
    w("  => (assert (psum ?p 0.0)))")
    w("(defrule psum-add (declare (salience -110))")
    w("  (evid ?r ?p ?k) (not (counted ?r ?p)) ?s <- (psum ?p ?t)")
    w("  => (retract ?s) (assert (psum ?p (+ ?t ?k)) (counted ?r ?p)))")
    w("")
    w("(deffunction print-conclusions ()")
    w('  (do-for-all-facts ((?f derived)) TRUE (printout t "fact " (nth$ 1 ?f:implied) crlf))')
    w('  (do-for-all-facts ((?f msum)) TRUE')
    w('    (printout t "measure " (nth$ 1 ?f:implied) " " (format nil "%.2f" (nth$ 2 ?f:implied)) crlf))')
    w('  (do-for-all-facts ((?f psum)) TRUE')
    w('    (printout t "pattern " (nth$ 1 ?f:implied) " " (format nil "%.2f" (nth$ 2 ?f:implied)) crlf)))')
    w("")
    w("(reset)")
    w("(run)")
    w("(print-conclusions)")
    w("(exit)")
    w("")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", type=int, required=True)
    ap.add_argument("--questions", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--shape", choices=["layered"] + sorted(SHAPES), default="layered",
                    help="layered (default), wide or chains; see Benchmarks/README.md")
    a = ap.parse_args()
    if a.questions < 3:
        sys.exit("generate.py: --questions must be at least 3")
    if a.shape == "layered":
        m = build(a.rules, a.questions, a.seed)
    else:
        m = build_shaped(a.shape, a.rules, a.questions, a.seed)
    for d in ("kb/Knowledge", "kb/Rules", "clips"):
        os.makedirs(os.path.join(a.out, d), exist_ok=True)
    write_yaml(m, os.path.join(a.out, "kb/Knowledge/kb.yaml"))
    write_rules(m, os.path.join(a.out, "kb/Rules/generated.rules"))
    write_answers(m, os.path.join(a.out, "answers.txt"))
    write_clips(m, os.path.join(a.out, "clips/program.clp"))
    chained = sum(1 for _, atoms, _, _ in m.rules if any(x.kind == "fact" for x in atoms))
    negs = sum(1 for _, atoms, _, _ in m.rules if any(x.kind == "fact" and x.neg for x in atoms))
    derives = sum(1 for _, _, cs, _ in m.rules if any(c[0] == "derive" for c in cs))
    print("generate.py: %s shape, %d rules (%d derive, %d test a derived fact, %d with not), %d questions, "
          "%d facts, %d measures, %d patterns -> %s"
          % (m.shape, len(m.rules), derives, chained, negs, len(m.questions), len(m.facts),
             len(m.measures), len(m.patterns), a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
