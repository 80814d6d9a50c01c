#!/usr/bin/env python3
"""Independent reference evaluator for the benchmark (standard library only).

    python3 Benchmarks/reference_eval.py --kb DIR/kb --answers DIR/answers.txt

Reads the `.rules` files of a knowledge base (not the generator's model) and an answers file
in which every question is answered, and prints the conclusions in the benchmark format:

    fact F            for every derived fact that holds
    measure M 7.50    for every recommended measure, the sum of the weights of its firing rules
    pattern P -2.00   for every pattern with a firing evidence rule, the sum of the points

It computes its own strata from the rules (a fact tested under `not` must lie in a lower
stratum than the facts derived from it) and evaluates each stratum to its least fixpoint, so
it checks the CLIPS encoding without trusting the generator's levels. With every question
answered, three-valued logic is two-valued, which is all this evaluator implements; it
understands conditions with = != < <= > >= in / not in, derived facts, not, and, or and
parentheses, and the conclusions derive, recommend, evidence (assess is ignored).
"""

import argparse
import glob
import os
import re
import sys
from fractions import Fraction

TOKEN = re.compile(r'\s*(?:(?P<str>"[^"]*")|(?P<op><=|>=|!=|[=<>\[\],()+-])|(?P<word>[A-Za-z0-9_.\-]+))')


def tokenize(text):
    pos, out = 0, []
    text = text.rstrip()
    while pos < len(text):
        mt = TOKEN.match(text, pos)
        if not mt or mt.end() == pos:
            raise SyntaxError("cannot read %r" % text[pos:pos + 20])
        out.append(mt.group(mt.lastgroup))
        pos = mt.end()
    return out


def strip_comment(line):
    out, in_str = [], False
    for ch in line:
        if ch == '"':
            in_str = not in_str
        if ch == "#" and not in_str:
            break
        out.append(ch)
    return "".join(out)


class Parser:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else None

    def take(self, expect=None):
        tok = self.peek()
        if expect is not None and tok != expect:
            raise SyntaxError("expected %r, got %r" % (expect, tok))
        self.i += 1
        return tok

    # condition := or ; or := and ('or' and)* ; and := unary ('and' unary)* ; unary := 'not' unary | atom
    def cond(self):
        node = self.conj()
        while self.peek() == "or":
            self.take()
            node = ("or", node, self.conj())
        return node

    def conj(self):
        node = self.unary()
        while self.peek() == "and":
            self.take()
            node = ("and", node, self.unary())
        return node

    def unary(self):
        if self.peek() == "not":
            self.take()
            return ("not", self.unary())
        if self.peek() == "(":
            self.take()
            node = self.cond()
            self.take(")")
            return node
        ref = self.take()
        op = self.peek()
        if op in ("=", "!=", "<", "<=", ">", ">="):
            self.take()
            return ("cmp", ref, op, self.take())
        if op == "in" or (op == "not" and self.peek(1) == "in"):
            neg = op == "not"
            self.take()
            if neg:
                self.take("in")
            self.take("[")
            vals = [self.take()]
            while self.peek() == ",":
                self.take()
                vals.append(self.take())
            self.take("]")
            node = ("in", ref, frozenset(vals))
            return ("not", node) if neg else node
        return ("fact", ref)


def parse_rules(paths):
    facts, rules = [], []
    decls, cur = [], None
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for raw in fh:
                line = strip_comment(raw.rstrip("\n"))
                if not line.strip():
                    continue
                if not line[0].isspace():
                    cur = [line.strip()]
                    decls.append(cur)
                else:
                    cur.append(line.strip())
    for d in decls:
        head = d[0].split()
        if head[0] == "fact":
            facts.append(head[1])
            continue
        rid = head[1]
        text = " ".join(d[1:])
        mw = re.search(r"(?:^|\s)when\s(.*?)\s+then\s(.*)$", text)
        if not mw:
            raise SyntaxError("rule %s: no when/then" % rid)
        p = Parser(tokenize(mw.group(1)))
        cond = p.cond()
        if p.peek() is not None:
            raise SyntaxError("rule %s: trailing %r" % (rid, p.peek()))
        concl = []
        toks = tokenize(mw.group(2))
        i = 0
        while i < len(toks):
            kw = toks[i]
            if kw == "derive":
                concl.append(("derive", toks[i + 1]))
                i += 2
            elif kw == "recommend":
                assert toks[i + 2] == "weight"
                concl.append(("recommend", toks[i + 1], Fraction(toks[i + 3])))
                i += 4
            elif kw == "evidence":
                sign = -1 if toks[i + 2] == "-" else 1
                concl.append(("evidence", toks[i + 1], sign * Fraction(toks[i + 3])))
                i += 4
            elif kw == "assess":
                i += 3
            elif kw == "because":
                i += 2
            else:
                raise SyntaxError("rule %s: unexpected %r in conclusions" % (rid, kw))
        rules.append((rid, cond, concl))
    return facts, rules


def read_answers(path):
    answers = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                k, v = (s.strip() for s in line.split("=", 1))
                answers[k] = v
    return answers


def fact_refs(node, neg=False, out=None):
    """(fact, under_negation) pairs of a condition."""
    out = [] if out is None else out
    if node[0] == "fact":
        out.append((node[1], neg))
    elif node[0] == "not":
        fact_refs(node[1], not neg, out)
    elif node[0] in ("and", "or"):
        fact_refs(node[1], neg, out)
        fact_refs(node[2], neg, out)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", required=True)
    ap.add_argument("--answers", required=True)
    a = ap.parse_args()
    facts, rules = parse_rules(sorted(glob.glob(os.path.join(a.kb, "Rules", "*.rules"))))
    answers = read_answers(a.answers)
    factset = set(facts)

    def ev(node, holds):
        kind = node[0]
        if kind == "and":
            return ev(node[1], holds) and ev(node[2], holds)
        if kind == "or":
            return ev(node[1], holds) or ev(node[2], holds)
        if kind == "not":
            return not ev(node[1], holds)
        if kind == "fact":
            if node[1] in factset:
                return node[1] in holds
            raise SystemExit("unknown fact or question without comparison: %s" % node[1])
        ref = node[1]
        if ref not in answers:
            raise SystemExit("question %s is not answered" % ref)
        ans = answers[ref]
        if kind == "in":
            return ans in node[2]
        op, val = node[2], node[3]
        if op in ("=", "!="):
            try:
                same = Fraction(ans) == Fraction(val)
            except ValueError:
                same = ans == val
            return same if op == "=" else not same
        x, y = Fraction(ans), Fraction(val)
        return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]

    # strata of facts: positive dependency >=, negative dependency >
    stratum = {f: 0 for f in facts}
    deps = []
    for rid, cond, concl in rules:
        refs = fact_refs(cond)
        for c in concl:
            if c[0] == "derive":
                deps.extend((c[1], g, n) for g, n in refs)
    for _ in range(len(facts) + 1):
        changed = False
        for f, g, n in deps:
            need = stratum[g] + (1 if n else 0)
            if stratum[f] < need:
                stratum[f] = need
                changed = True
        if not changed:
            break
    else:
        raise SystemExit("the rule base is not stratified (negation on a cycle)")

    holds = set()
    top = max(stratum.values(), default=0)
    derive_rules = [(r, c, [x[1] for x in cs if x[0] == "derive"]) for r, c, cs in rules
                    if any(x[0] == "derive" for x in cs)]
    for s in range(top + 1):
        mine = [(r, c, [f for f in fs if stratum[f] == s]) for r, c, fs in derive_rules]
        mine = [x for x in mine if x[2]]
        changed = True
        while changed:                       # least fixpoint of this stratum
            changed = False
            for _, cond, fs in mine:
                if any(f not in holds for f in fs) and ev(cond, holds):
                    holds.update(fs)
                    changed = True

    measures, patterns = {}, {}
    for rid, cond, concl in rules:
        if not any(c[0] in ("recommend", "evidence") for c in concl):
            continue
        if ev(cond, holds):
            for c in concl:
                if c[0] == "recommend":
                    measures[c[1]] = measures.get(c[1], 0) + c[2]
                elif c[0] == "evidence":
                    patterns[c[1]] = patterns.get(c[1], 0) + c[2]
    out = ["fact %s" % f for f in sorted(holds)]
    out += ["measure %s %.2f" % (k, float(v)) for k, v in sorted(measures.items())]
    out += ["pattern %s %.2f" % (k, float(v)) for k, v in sorted(patterns.items())]
    sys.stdout.write("".join(line + "\n" for line in out))


if __name__ == "__main__":
    main()
