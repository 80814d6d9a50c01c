#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Latency of `resilienz lsp` on the shipped knowledge base, driven over a pipe like an editor.

Usage: python3 Benchmarks/lsp_latency.py [path/to/resilienz] [rounds]
Prints the median and maximum time of initialize (with the first check), a didChange until its
diagnostics arrive (debounce included), completion, hover and definition.
"""
import json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/resilienz")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
RULES = os.path.join(ROOT, "Rules/rf3-personal.rules")
URI = "file://" + RULES


class Client:
    def __init__(self):
        self.process = subprocess.Popen(
            [BINARY, "lsp", "--kb", ROOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline().strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message

    def wait_for_diagnostics(self, uri):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"]["diagnostics"]


def timed(action):
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000, result


def main():
    text = open(RULES, encoding="utf-8").read()
    times = {name: [] for name in ["initialize", "didChange → Diagnose", "completion", "hover", "definition"]}
    # A position in `when personal.reserve in [keine, gering]`: the question id, and after `[`.
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if "personal.reserve in [" in l)
    column = lines[line].index("personal.reserve") + 3
    after_bracket = lines[line].index("[") + 1
    for round in range(ROUNDS):
        client = Client()
        elapsed, _ = timed(lambda: client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}}))
        times["initialize"].append(elapsed)
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": URI, "languageId": "resilienz", "version": 1, "text": text}}})
        client.wait_for_diagnostics(URI)
        broken = text.replace("personal.reserve in [", "personal.reserv in [", 1)
        def change():
            client.send({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": broken}]}})
            while True:
                found = client.wait_for_diagnostics(URI)
                if found:
                    return found
        elapsed, found = timed(change)
        assert any(d["code"] == "unknown-question" for d in found), found
        times["didChange → Diagnose"].append(elapsed)
        client.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": text}]}})
        client.wait_for_diagnostics(URI)
        position = {"textDocument": {"uri": URI}, "position": {"line": line, "character": after_bracket}}
        elapsed, answer = timed(lambda: client.request("textDocument/completion", position))
        assert answer["result"]["items"], answer
        times["completion"].append(elapsed)
        position["position"]["character"] = column
        elapsed, answer = timed(lambda: client.request("textDocument/hover", position))
        assert "Frage" in answer["result"]["contents"]["value"], answer
        times["hover"].append(elapsed)
        elapsed, answer = timed(lambda: client.request("textDocument/definition", position))
        assert answer["result"], answer
        times["definition"].append(elapsed)
        client.request("shutdown", None)
        client.send({"method": "exit"})
        client.process.wait()
    print(f"{ROUNDS} Runden, Zeiten in ms (Median / Maximum)")
    for name, values in times.items():
        print(f"  {name:24} {statistics.median(values):7.1f} / {max(values):7.1f}")


if __name__ == "__main__":
    main()
